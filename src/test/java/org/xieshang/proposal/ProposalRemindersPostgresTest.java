package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

/** The reminder tests on PostgreSQL: the migration, the sweep's SQL and two scheduler nodes on a real server. */
@PostgresTest
class ProposalRemindersPostgresTest extends ProposalRemindersTest {
}
