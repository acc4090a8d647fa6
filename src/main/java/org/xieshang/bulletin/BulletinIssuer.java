package org.xieshang.bulletin;

import java.util.List;

/**
 * Issuing bulletins from another module (a social-conditions report sent to leaders as 社情民意专报).
 * The same rules as the office's own form apply: the signed-in user must be proposal staff or an
 * administrator, the recipients leaders of the committee, and each subject one its source lets the
 * user compile; bad input is an {@link org.xieshang.shared.error.InvalidInput}.
 */
public interface BulletinIssuer {

    /** A bulletin numbered per kind and year; an empty content is drafted from the subjects. */
    IssuedBulletin issue(BulletinKind kind, String title, String content, List<BulletinSubject> subjects,
                         List<Long> recipientUserIds);

    /** A 社情民意专报 about one subject, sent to the given leaders. */
    default IssuedBulletin issueSocialConditions(BulletinSubject subject, String title, String content,
                                                 List<Long> recipientUserIds) {
        return issue(BulletinKind.SOCIAL_CONDITIONS, title, content, List.of(subject), recipientUserIds);
    }

    /** The issued bulletin: its id, kind and number (2026年第1期 is year 2026, seq 1). */
    record IssuedBulletin(Long id, BulletinKind kind, int year, int seq, String number, String title) {
    }
}
