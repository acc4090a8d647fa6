package org.xieshang.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * Retries mails whose delivery failed or never finished (SMTP down, node stopped): resubmits
 * their incomplete event publications. Run by the recurring db-scheduler task in
 * {@link MailTasks}, so one node at a time does it.
 */
@Component
class MailRetry {

    private static final Logger LOG = LoggerFactory.getLogger(MailRetry.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final IncompleteEventPublications incomplete;
    private final EventPublicationRepository publications;
    private final MailLedger ledger;
    private final MailSettings settings;

    MailRetry(ObjectProvider<JavaMailSender> smtp, IncompleteEventPublications incomplete,
              EventPublicationRepository publications, MailLedger ledger, MailSettings settings) {
        this.smtp = smtp;
        this.incomplete = incomplete;
        this.publications = publications;
        this.ledger = ledger;
        this.settings = settings;
    }

    void run() {
        if (smtp.getIfAvailable() == null) {
            return;
        }
        Instant now = Instant.now();
        releaseAbandonedResubmissions(now);
        Instant publishedBefore = now.minus(settings.retryAfter());
        // Modulith claims each one (status RESUBMITTED, unless it already is) before handing it to
        // the listener, which runs asynchronously; a claimed one is not resubmitted again until its
        // attempt has failed. Younger ones are left to their first attempt.
        incomplete.resubmitIncompletePublications(p -> isMail(p) && p.getPublicationDate().isBefore(publishedBefore));
        int purged = ledger.purgeSentBefore(now.minus(settings.keepSent()));
        if (purged > 0) {
            LOG.info("Removed {} sent mails older than {} from the ledger", purged, settings.keepSent());
        }
    }

    /**
     * A resubmitted publication whose attempt never concluded (its node stopped while sending)
     * would stay RESUBMITTED, and Modulith 2.0 never claims such a one again: mark it failed once
     * its attempt is older than the claim timeout, so that the next run resubmits it.
     */
    private void releaseAbandonedResubmissions(Instant now) {
        Instant before = now.minus(settings.claimTimeout());
        List<UUID> abandoned = publications.findByStatus(EventPublication.Status.RESUBMITTED).stream()
                .filter(p -> isMail(p) && !p.isPublicationCompleted() && p.getLastResubmissionDate() != null
                        && p.getLastResubmissionDate().isBefore(before))
                .map(EventPublication::getIdentifier).toList();
        abandoned.forEach(publications::markFailed);
        if (!abandoned.isEmpty()) {
            LOG.warn("{} mail deliveries did not conclude within {}; they will be retried", abandoned.size(),
                    settings.claimTimeout());
        }
    }

    private static boolean isMail(EventPublication p) {
        return p instanceof TargetEventPublication t && MailDelivery.LISTENER_ID.equals(t.getTargetIdentifier().getValue());
    }
}
