package org.xieshang.notification;

import java.util.Collection;
import java.util.List;
import org.xieshang.shared.Role;

/**
 * Tells people about hand-overs and reminders: an in-app inbox entry per recipient. Texts are
 * message keys with arguments, rendered in each reader's language when read.
 */
public interface Notifications {

    /** A notice: message key, its arguments, and the page it points to (may be null). */
    record Notice(String messageKey, List<String> args, String link) {
        public static Notice of(String messageKey, String link, Object... args) {
            return new Notice(messageKey, java.util.Arrays.stream(args).map(String::valueOf).toList(), link);
        }
    }

    void toUsers(Collection<Long> userIds, Notice notice);

    /** To the accounts of these members (members without an account are skipped). */
    void toMembers(Collection<Long> memberIds, Notice notice);

    void toRole(Role role, Notice notice);

    void toUnit(Long unitId, Notice notice);
}
