package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

@PostgresTest
class ProposalLifecyclePostgresTest extends ProposalLifecycleTest {
}
