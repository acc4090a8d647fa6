package org.xieshang.notification;

/**
 * Published by a module when a task a notice asked for is done (a rating given, a reply reviewed, an
 * opinion given…): the notification module marks the unread notices with this task key done and read.
 * {@code userId} limits that to one recipient (a task each recipient does for themself, like rating
 * a reply); null clears everyone's (a task any one of them does for all, like a unit's reply).
 * {@code at} is when the task was done: only notices sent before it are cleared, so a step that
 * both does a task and asks for it again (a case assigned to a new unit) keeps the new call.
 */
public record TaskDone(Long committeeId, String taskKey, Long userId, java.time.Instant at) {

    public static TaskDone forAll(Long committeeId, String taskKey) {
        return new TaskDone(committeeId, taskKey, null, org.xieshang.shared.time.AppTime.now());
    }

    public static TaskDone forUser(Long committeeId, String taskKey, Long userId) {
        return new TaskDone(committeeId, taskKey, userId, org.xieshang.shared.time.AppTime.now());
    }
}
