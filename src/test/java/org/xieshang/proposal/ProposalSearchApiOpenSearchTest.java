package org.xieshang.proposal;

import org.xieshang.support.OpenSearchTest;

/** Search, highlighting, scope and similar cases on a real OpenSearch node, indexed through the outbox. */
@OpenSearchTest
class ProposalSearchApiOpenSearchTest extends ProposalSearchApiTest {
}
