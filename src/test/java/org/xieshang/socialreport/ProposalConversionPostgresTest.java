package org.xieshang.socialreport;

import org.xieshang.support.PostgresTest;

/** Proposal conversion into social reports on a real PostgreSQL. */
@PostgresTest
class ProposalConversionPostgresTest extends ProposalConversionTest {
}
