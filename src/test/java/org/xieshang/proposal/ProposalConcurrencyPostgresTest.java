package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

@PostgresTest
class ProposalConcurrencyPostgresTest extends ProposalConcurrencyTest {
}
