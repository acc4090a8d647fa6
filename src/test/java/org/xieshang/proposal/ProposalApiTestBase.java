package org.xieshang.proposal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;

/**
 * API tests of one proposal area: one test instance per class, so that the committee, its
 * members, units and signed-in users are built once per class (the Spring context is shared by
 * all classes with the same configuration).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProposalApiTestBase extends ApiTestBase {

    protected Cases f;

    @BeforeAll
    void buildCommittee() {
        f = new Cases(new Api(port).login("admin", TestSupport.ADMIN_PASSWORD));
    }
}
