package org.xieshang.notification.internal;

/**
 * One e-mail to one recipient, rendered when the notice was given. Published in the notifying
 * transaction and kept in Spring Modulith's event publication registry until it is delivered;
 * {@code mailId} names its row in the mail ledger.
 */
public record MailRequested(String mailId, Long committeeId, String to, String subject, String text) {
}
