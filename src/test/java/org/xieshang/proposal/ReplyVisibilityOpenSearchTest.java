package org.xieshang.proposal;

import org.xieshang.support.OpenSearchTest;

/** Who finds which reply, similar cases and category suggestions on a real OpenSearch node, indexed through the outbox. */
@OpenSearchTest
class ReplyVisibilityOpenSearchTest extends ReplyVisibilityTest {
}
