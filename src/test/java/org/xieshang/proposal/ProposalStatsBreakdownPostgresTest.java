package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

/** The grouped statistics queries on PostgreSQL. */
@PostgresTest
class ProposalStatsBreakdownPostgresTest extends ProposalStatsBreakdownTest {
}
