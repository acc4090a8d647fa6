package org.xieshang.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per queued mail. The event publication registry may hand the same mail to a listener
 * more than once (a resubmission racing the first attempt, or re-delivery of a publication that
 * completed meanwhile); the ledger makes sending idempotent: an attempt first claims the row with
 * one conditional update, so that only one attempt talks to SMTP at a time, and a sent mail is
 * never sent again. Plain JDBC: the row is keyed by the mail's id, not by committee.
 */
@Component
class MailLedger {

    enum Claim { CLAIMED, SENT, BUSY, MISSING }

    private final JdbcTemplate jdbc;

    MailLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the notifying transaction, so that a rollback leaves neither the row nor its event. */
    void queue(String mailId, Long committeeId, String recipient) {
        jdbc.update("insert into mail_delivery (id, committee_id, recipient, state, attempts, created_at) values (?, ?, ?, 'PENDING', 0, ?)",
                mailId, committeeId, recipient, now());
    }

    /**
     * Takes the mail for one attempt: a pending one, or one whose earlier attempt has held it
     * longer than {@code timeout} (that attempt's node is presumed dead). Runs outside any
     * transaction, so the claim is visible to every other attempt at once.
     */
    Claim claim(String mailId, Duration timeout) {
        OffsetDateTime now = now();
        int claimed = jdbc.update("update mail_delivery set state = 'SENDING', claimed_at = ?, attempts = attempts + 1"
                        + " where id = ? and (state = 'PENDING' or (state = 'SENDING' and claimed_at < ?))",
                now, mailId, now.minus(timeout));
        if (claimed == 1) {
            return Claim.CLAIMED;
        }
        List<String> state = jdbc.queryForList("select state from mail_delivery where id = ?", String.class, mailId);
        if (state.isEmpty()) {
            return Claim.MISSING;
        }
        return "SENT".equals(state.get(0)) ? Claim.SENT : Claim.BUSY;
    }

    void markSent(String mailId) {
        jdbc.update("update mail_delivery set state = 'SENT', sent_at = ? where id = ? and state = 'SENDING'", now(), mailId);
    }

    /** After a failed attempt: the next one may take it at once. */
    void release(String mailId) {
        jdbc.update("update mail_delivery set state = 'PENDING', claimed_at = null where id = ? and state = 'SENDING'", mailId);
    }

    int purgeSentBefore(Instant before) {
        return jdbc.update("delete from mail_delivery where state = 'SENT' and sent_at < ?", before.atOffset(ZoneOffset.UTC));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
