package org.xieshang.notification;

import org.xieshang.support.PostgresTest;

/** The same mail delivery on PostgreSQL: the event publication registry and the ledger on its schema. */
@PostgresTest
class MailDeliveryPostgresTest extends MailDeliveryTest {
}
