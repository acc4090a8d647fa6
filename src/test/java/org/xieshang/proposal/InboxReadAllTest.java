package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ok;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Mark all read": only the caller's own entries; signed-in users only. */
class InboxReadAllTest extends ProposalApiTestBase {

    @Test
    void marksAllOfTheCallersEntriesReadAndNoOneElses() {
        f.leadUnit(); // the unit's account exists before the case reaches it, so that it is told
        f.caseIn("ASSIGNED");
        long leadUnread = ok(200, f.lead().get("/api/v1/notifications/unread-count")).path("unread").asLong();
        long unitUnread = ok(200, f.leadUnit().get("/api/v1/notifications/unread-count")).path("unread").asLong();
        assertThat(leadUnread).isPositive();
        assertThat(unitUnread).isPositive();

        assertThat(ok(200, f.lead().post("/api/v1/notifications/read-all", Map.of())).path("marked").asLong())
                .isEqualTo(leadUnread);
        assertThat(ok(200, f.lead().get("/api/v1/notifications/unread-count")).path("unread").asLong()).isZero();
        assertThat(ok(200, f.leadUnit().get("/api/v1/notifications/unread-count")).path("unread").asLong())
                .isEqualTo(unitUnread);
        // again: nothing left to mark
        assertThat(ok(200, f.lead().post("/api/v1/notifications/read-all", Map.of())).path("marked").asLong()).isZero();
        assertThat(api.post("/api/v1/notifications/read-all", Map.of()).status()).isEqualTo(401);
    }
}
