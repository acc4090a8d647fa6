package org.xieshang.proposal;

import org.xieshang.support.OpenSearchTest;

/** The public search's publication filter on a real OpenSearch node, indexed through the outbox. */
@OpenSearchTest
class PublicProposalApiOpenSearchTest extends PublicProposalApiTest {
}
