package org.xieshang.reminder.internal;

import java.time.LocalTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reminder plan's configuration (application properties, the same for every committee):
 * working days before the due date (default 10 and 3), every how many working days an overdue
 * case is chased (5), after how many working days proposers who have not rated are reminded (5),
 * and the time of day reminders go out (09:00, application clock's zone).
 */
@Component
class ReminderSettings {

    private final List<Integer> beforeDue;
    private final int overdueEvery;
    private final int ratingAfter;
    private final int escalateAfter;
    private final int followUpEvery;
    private final LocalTime at;

    ReminderSettings(@Value("${xieshang.proposal.reminders.before-due:10,3}") List<Integer> beforeDue,
                     @Value("${xieshang.proposal.reminders.overdue-every:5}") int overdueEvery,
                     @Value("${xieshang.proposal.reminders.rating-after:5}") int ratingAfter,
                     @Value("${xieshang.proposal.reminders.at:09:00}") LocalTime at,
                     @Value("${xieshang.proposal.reminders.escalate-after:10}") int escalateAfter,
                     @Value("${xieshang.proposal.reminders.b-follow-up-every:20}") int followUpEvery) {
        if (beforeDue.stream().anyMatch(n -> n == null || n < 1 || n > 250)) {
            throw new IllegalStateException("xieshang.proposal.reminders.before-due: working days between 1 and 250");
        }
        if (overdueEvery < 1 || overdueEvery > 250 || ratingAfter < 1 || ratingAfter > 250 || escalateAfter < 1
                || escalateAfter > 250) {
            throw new IllegalStateException(
                    "xieshang.proposal.reminders.overdue-every / rating-after / escalate-after: between 1 and 250");
        }
        this.escalateAfter = escalateAfter;
        if (followUpEvery < 1 || followUpEvery > 250) {
            throw new IllegalStateException("xieshang.proposal.reminders.b-follow-up-every: between 1 and 250");
        }
        this.followUpEvery = followUpEvery;
        this.beforeDue = beforeDue.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
        this.overdueEvery = overdueEvery;
        this.ratingAfter = ratingAfter;
        this.at = at;
    }

    List<Integer> beforeDue() {
        return beforeDue;
    }

    int overdueEvery() {
        return overdueEvery;
    }

    int ratingAfter() {
        return ratingAfter;
    }

    /** Working days overdue from which a chase also reaches the lead unit's heads and the proposal office. */
    int escalateAfter() {
        return escalateAfter;
    }

    /** Working days between reminders of a B reply not yet reported done. */
    int followUpEvery() {
        return followUpEvery;
    }

    LocalTime at() {
        return at;
    }
}
