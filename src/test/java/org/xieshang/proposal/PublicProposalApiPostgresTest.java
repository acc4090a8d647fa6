package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

/** The public API on PostgreSQL: the publication filter, the tenancy and the search on the real database. */
@PostgresTest
class PublicProposalApiPostgresTest extends PublicProposalApiTest {
}
