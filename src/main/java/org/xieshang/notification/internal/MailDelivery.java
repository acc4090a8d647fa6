package org.xieshang.notification.internal;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends one queued mail, asynchronously after the notifying transaction commits. When sending
 * fails the listener throws, so the event publication stays incomplete and {@link MailRetry}
 * resubmits it later. The ledger claim makes re-deliveries harmless: a mail already sent is not
 * sent again, and a mail another attempt is sending right now is left to that attempt.
 */
@Component
class MailDelivery {

    /** Stable id of the listener in the event publication registry (survives renaming the class). */
    static final String LISTENER_ID = "xieshang.notification.mail";

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final MailLedger ledger;
    private final MailSettings settings;

    MailDelivery(ObjectProvider<JavaMailSender> smtp, MailLedger ledger, MailSettings settings) {
        this.smtp = smtp;
        this.ledger = ledger;
        this.settings = settings;
    }

    /** No transaction: the ledger updates commit one by one, and no connection is held while SMTP is slow. */
    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(MailRequested mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            // mail was switched off after this one was queued: keep it for when it is switched on again
            throw new MailNotSent(mail, "no SMTP server configured (spring.mail.host)");
        }
        switch (ledger.claim(mail.mailId(), settings.claimTimeout())) {
            case SENT -> {
                LOG.debug("Mail {} was sent before; not sending it again", mail.mailId());
                return;
            }
            case MISSING -> {
                LOG.warn("Mail {} is not in the ledger (purged?); not sending it", mail.mailId());
                return;
            }
            case BUSY -> throw new MailNotSent(mail, "another attempt is sending it");
            case CLAIMED -> {
                // ours to send
            }
        }
        try {
            sender.send(message(sender, mail));
        } catch (Exception e) {
            ledger.release(mail.mailId());
            LOG.debug("Mail {} not sent", mail.mailId(), e);
            throw new MailNotSent(mail, e.getMessage());
        }
        ledger.markSent(mail.mailId());
    }

    /**
     * Leaves the publication incomplete. Without a stack trace: while the server is down every
     * queued mail fails on every retry, and one line each says enough (details at DEBUG).
     */
    static final class MailNotSent extends RuntimeException {
        MailNotSent(MailRequested mail, String why) {
            super("Mail " + mail.mailId() + " to " + mail.to() + " not sent, will be retried: " + why, null, false, false);
        }
    }

    private MimeMessage message(JavaMailSender sender, MailRequested mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        // lets a recipient's mail system recognise a duplicate, should one ever slip through
        message.setHeader("X-Xieshang-Mail-Id", mail.mailId());
        return message;
    }
}
