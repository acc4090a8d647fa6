package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * A rehandled case's new reply is the unit's draft until staff approve it: meanwhile the statistics
 * keep the class of the approved reply, also after a draft is sent back.
 */
class ApprovedReplyTest extends ProposalApiTestBase {

    /** A year of its own, so that the year's statistics hold only this test's case. */
    private static final int YEAR = 2047;

    @Test
    void statisticsCountTheApprovedReplyNotTheDraft() {
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("第二十届"),
                "startDate", YEAR + "-01-01", "endDate", (YEAR + 4) + "-12-31"))).path("id").asLong();
        long session = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第一次会议",
                "year", YEAR, "startDate", YEAR + "-01-10"))).path("id").asLong();
        long id = f.caseIn(session, "REPLIED", false); // approved class B
        assertThat(classes()).containsEntry("B", 1L).containsEntry("C", 0L);

        ok(201, f.lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "UNSATISFIED")));
        f.contact(id);
        ok(200, f.replySigned(id, Map.of("category", "C", "content", "重新办理的答复草稿")));
        assertThat(classes()).as("a draft under review").containsEntry("B", 1L).containsEntry("C", 0L);

        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", false, "reason", "答复不具体")));
        assertThat(classes()).as("a draft sent back").containsEntry("B", 1L).containsEntry("C", 0L);

        f.replyAgain(id, "C");
        assertThat(classes()).as("the new reply approved").containsEntry("B", 0L).containsEntry("C", 1L);
    }

    private Map<String, Long> classes() {
        JsonNode stats = ok(200, f.staff().get(P + "/stats?year=" + YEAR)).path("replyCategories");
        return Map.of("B", stats.path("B").asLong(), "C", stats.path("C").asLong());
    }
}
