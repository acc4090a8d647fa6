package org.xieshang.bulletin.internal;

import java.time.Instant;
import java.util.List;
import org.xieshang.bulletin.BulletinKind;

/** What the bulletin pages show. Public because the precompiled templates live in a package of their own. */
public final class BulletinViews {

    private BulletinViews() {
    }

    /** A leader a bulletin may be sent to. */
    public record Person(Long userId, String name) {
    }

    /** A unit a leader's comment may be given to. */
    public record UnitOption(Long id, String name) {
    }

    /** A subject offered in the form; {@code key} marks a key proposal (offered first). */
    public record CaseChoice(Long id, String number, String title, boolean key) {
    }

    /** A subject of a bulletin; {@code href} is its own page when the reader may open it. */
    public record SubjectRef(Long id, String number, String title, String href) {
    }

    public record BulletinRow(Long id, BulletinKind kind, String number, String title, String createdBy,
                              Instant createdAt, int recipients, int read, Instant readAt, int comments) {
    }

    public record BulletinList(List<BulletinRow> items, long total, int page, int totalPages) {
    }

    public record Receipt(Long userId, String name, Instant readAt) {
    }

    /**
     * A follow-up of a leader's comment: the unit's answer and files (issue 15 point 3);
     * {@code mayAnswer} for a user of the unit concerned while it is open.
     */
    public record FollowUpRow(Long id, Long bulletinId, String bulletinNumber, String bulletinTitle, String comment,
                              String commentAuthor, Instant commentedAt, String unitName, boolean done, Instant doneAt,
                              String doneBy, String doneNote, String answer, Instant answeredAt, String answeredBy,
                              List<FileLink> files, long version, boolean mayAnswer) {
    }

    /** A file of a unit's answer, with its download link. */
    public record FileLink(String name, String href) {
    }

    public record CommentRow(Long id, String author, String content, Instant createdAt, List<FollowUpRow> followUps) {
    }

    /** A bulletin as its page shows it; {@code mayComment} for a leader it was sent to. */
    public record BulletinPage(Long id, BulletinKind kind, String number, String title, String content,
                               List<SubjectRef> proposals, String createdBy, Instant createdAt, List<Receipt> receipts,
                               List<CommentRow> comments, boolean staff, boolean mayComment, List<UnitOption> units) {
    }

    public record FollowUpList(List<FollowUpRow> items, long total, int page, int totalPages, Boolean done) {

        public String link(int target) {
            return "/follow-ups?page=" + target + (done == null ? "" : "&done=" + done);
        }
    }
}
