package org.xieshang.bulletin;

import java.util.List;

/**
 * A recipient leader commented (批示) on a bulletin. Published inside the commenting transaction,
 * so a module that records the comment on its subjects (the proposal history) does so atomically
 * with it. {@code number} is the bulletin's number as the commenter reads it (2026年第3期).
 */
public record BulletinCommented(Long committeeId, Long bulletinId, String number, String bulletinTitle,
                                Long commentId, Long authorUserId, String author, String content,
                                List<BulletinSubject> subjects) {
}
