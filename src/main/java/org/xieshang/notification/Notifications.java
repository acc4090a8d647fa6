package org.xieshang.notification;

import java.util.Collection;
import java.util.List;
import org.xieshang.shared.Role;

/**
 * Tells people about hand-overs and reminders: an in-app inbox entry per recipient. Texts are
 * message keys with arguments, rendered in each reader's language when read.
 */
public interface Notifications {

    /**
     * A notice: message key, its arguments, the page it points to (may be null) and, when it asks the
     * recipient to do something, the task's key (e.g. {@code proposal:12:rate}): a {@link TaskDone}
     * event with that key marks the notice done and read.
     */
    record Notice(String messageKey, List<String> args, String link, String taskKey) {
        public Notice(String messageKey, List<String> args, String link) {
            this(messageKey, args, link, null);
        }

        public static Notice of(String messageKey, String link, Object... args) {
            return new Notice(messageKey, java.util.Arrays.stream(args).map(String::valueOf).toList(), link);
        }

        /** The same notice, asking for the task with this key. */
        public Notice forTask(String key) {
            return new Notice(messageKey, args, link, key);
        }
    }

    void toUsers(Collection<Long> userIds, Notice notice);

    /** To the accounts of these members (members without an account are skipped). */
    void toMembers(Collection<Long> memberIds, Notice notice);

    void toRole(Role role, Notice notice);

    void toUnit(Long unitId, Notice notice);

    /**
     * Marks everyone's unread notices that point to these pages read — for a demo committee whose closed
     * cases are history, not news, on first sign-in.
     */
    void markReadAbout(Collection<String> links);
}
