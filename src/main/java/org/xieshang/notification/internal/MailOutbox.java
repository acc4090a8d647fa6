package org.xieshang.notification.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.xieshang.committee.Committees;
import org.xieshang.identity.UserAccounts;
import org.xieshang.identity.UserAccounts.MailRecipient;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Queues one e-mail per recipient of a notice, in the notifying transaction: a ledger row and a
 * {@link MailRequested} event, which the event publication registry stores in the same
 * transaction and hands to {@link MailDelivery} after commit. Mail is off, and nothing is queued,
 * when no SMTP server is configured (Spring Boot then creates no {@link JavaMailSender}).
 */
@Component
class MailOutbox {

    /** Mail goes out in the committee's language, whoever triggered it. */
    static final Locale LOCALE = Messages.DEFAULT_LOCALE;
    private static final int MAX_SUBJECT = 120;

    private final ObjectProvider<JavaMailSender> smtp;
    private final UserAccounts users;
    private final Committees committees;
    private final Messages messages;
    private final MailLedger ledger;
    private final ApplicationEventPublisher events;
    private final MailSettings settings;

    MailOutbox(ObjectProvider<JavaMailSender> smtp, UserAccounts users, Committees committees, Messages messages,
               MailLedger ledger, ApplicationEventPublisher events, MailSettings settings) {
        this.smtp = smtp;
        this.users = users;
        this.committees = committees;
        this.messages = messages;
        this.ledger = ledger;
        this.events = events;
        this.settings = settings;
    }

    boolean enabled() {
        return smtp.getIfAvailable() != null;
    }

    void queue(Collection<Long> userIds, Notice notice) {
        if (!enabled() || userIds.isEmpty()) {
            return;
        }
        List<MailRecipient> recipients = users.mailRecipients(userIds);
        if (recipients.isEmpty()) {
            return;
        }
        Long committeeId = CommitteeContext.current();
        String committee = committees.find(committeeId).map(Committees.CommitteeView::name).orElse("");
        String text = messages.get(LOCALE, notice.messageKey(), notice.args().toArray());
        String subject = messages.get(LOCALE, "mail.subject", committee, shorten(text.replaceAll("\\s+", " ").strip()));
        String link = link(notice.link());
        for (MailRecipient r : recipients) {
            String body = link == null
                    ? messages.get(LOCALE, "mail.body.noLink", r.displayName(), text, committee)
                    : messages.get(LOCALE, "mail.body", r.displayName(), text, committee, link);
            String mailId = UUID.randomUUID().toString();
            ledger.queue(mailId, committeeId, r.email());
            events.publishEvent(new MailRequested(mailId, committeeId, r.email(), subject, body));
        }
    }

    /** An absolute link when the application's address is configured and the notice points to a page of ours. */
    private String link(String path) {
        if (settings.baseUrl().isEmpty() || path == null || !path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        return settings.baseUrl() + path;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SUBJECT ? s : s.substring(0, MAX_SUBJECT - 1) + "…";
    }
}
