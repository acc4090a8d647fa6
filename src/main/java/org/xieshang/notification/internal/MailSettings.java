package org.xieshang.notification.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Mail settings of our own (the SMTP server itself is Spring Boot's {@code spring.mail.*}). */
@Component
class MailSettings {

    private final String from;
    private final String baseUrl;
    private final Duration retryAfter;
    private final Duration claimTimeout;
    private final Duration keepSent;

    MailSettings(@Value("${xieshang.mail.from:xieshang@localhost}") String from,
                 @Value("${xieshang.mail.base-url:}") String baseUrl,
                 @Value("${xieshang.mail.retry-after:2m}") Duration retryAfter,
                 @Value("${xieshang.mail.claim-timeout:10m}") Duration claimTimeout,
                 @Value("${xieshang.mail.keep-sent:30d}") Duration keepSent) {
        this.from = from;
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        this.retryAfter = retryAfter;
        this.claimTimeout = claimTimeout;
        this.keepSent = keepSent;
    }

    String from() {
        return from;
    }

    /** The address of the application as users reach it, without a trailing slash; empty when not set. */
    String baseUrl() {
        return baseUrl;
    }

    /** How old a queued mail must be before the retry job resubmits it (its first attempt runs right after commit). */
    Duration retryAfter() {
        return retryAfter;
    }

    /** How long a delivery attempt may hold a mail before another may take it over; well above the SMTP timeouts. */
    Duration claimTimeout() {
        return claimTimeout;
    }

    /** How long the ledger keeps sent mails (they guard against re-delivery of their events). */
    Duration keepSent() {
        return keepSent;
    }
}
