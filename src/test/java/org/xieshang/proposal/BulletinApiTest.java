package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ids;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Bulletins: staff compile them from proposals and send them to leaders; a recipient reads
 * (read receipt) and comments (批示); the comment becomes follow-ups of the lead units until staff
 * mark them done. A leader who did not receive a bulletin neither reads nor comments it.
 */
class BulletinApiTest extends ProposalApiTestBase {

    private static final String B = "/api/v1/bulletins";

    private long govId;
    private long cppccId;
    private Api otherGov;

    @BeforeAll
    void leaders() {
        govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        cppccId = ok(200, f.leaderCppcc().get("/api/v1/me")).path("id").asLong();
        otherGov = f.c.role("LEADER_GOV");
    }

    private Map<String, Object> body(String kind, String content, List<Long> proposals, List<Long> recipients) {
        Map<String, Object> b = new HashMap<>();
        b.put("kind", kind);
        b.put("title", "关于养老服务提案办理情况的简讯");
        b.put("content", content);
        b.put("proposalIds", proposals);
        b.put("recipientUserIds", recipients);
        return b;
    }

    @Test
    void bulletinsAreNumberedPerKindAndYearAndDraftedFromProposals() {
        long a = f.caseIn("ASSIGNED");
        long b = f.caseIn("FILED");
        JsonNode first = ok(201, f.staff().post(B, body("KEY_POINTS", "", List.of(a, b), List.of(govId))));
        JsonNode second = ok(201, f.staff().post(B, body("KEY_POINTS", "正文", List.of(), List.of(govId))));
        JsonNode brief = ok(201, f.staff().post(B, body("BRIEF", "简讯正文", List.of(), List.of(cppccId))));
        int year = LocalDate.now().getYear();
        assertThat(second.path("seq").asInt()).isEqualTo(first.path("seq").asInt() + 1);
        assertThat(second.path("number").asString()).isEqualTo(year + "年第" + second.path("seq").asInt() + "期");
        assertThat(brief.path("year").asInt()).isEqualTo(year);
        assertThat(brief.path("kind").asString()).isEqualTo("BRIEF");
        // the draft names each case's number, subject and suggestions
        String draft = first.path("content").asString();
        for (long id : List.of(a, b)) {
            JsonNode p = f.get(id);
            assertThat(draft).contains(p.path("number").asString(), p.path("title").asString(), "加强统筹");
        }
        assertThat(second.path("content").asString()).isEqualTo("正文");
        assertThat(f.staff().lang("en").get(B + "/" + second.path("id").asLong()).get("number"))
                .isEqualTo("No. " + second.path("seq").asInt() + ", " + year);
    }

    @Test
    void recipientsReadAndCommentAndUnitsFollowUp() {
        long a = f.caseIn("ASSIGNED");
        JsonNode created = ok(201, f.staff().post(B, body("BRIEF", "", List.of(a), List.of(govId, cppccId))));
        long id = created.path("id").asLong();

        // lists: staff all, a recipient theirs, another leader not
        assertThat(ids(ok(200, f.staff().get(B + "?size=200")))).contains(id);
        assertThat(ids(ok(200, f.leaderGov().get(B + "?size=200")))).contains(id);
        assertThat(ids(ok(200, otherGov.get(B + "?size=200")))).doesNotContain(id);
        refused(403, f.leadUnit().get(B));
        refused(403, f.lead().get(B));
        assertThat(ok(200, f.leaderGov().get("/api/v1/notifications?size=200")).toString()).contains("阅批");

        // reading marks it read for that recipient only; staff see the receipts
        JsonNode read = ok(200, f.leaderGov().get(B + "/" + id));
        assertThat(read.path("recipients").size()).isEqualTo(1);
        JsonNode receipts = ok(200, f.staff().get(B + "/" + id)).path("recipients");
        Map<Long, Boolean> readBy = new HashMap<>();
        receipts.forEach(r -> readBy.put(r.path("userId").asLong(), !r.path("readAt").isNull()));
        assertThat(readBy).isEqualTo(Map.of(govId, true, cppccId, false));

        // not a recipient: 404 on reading and commenting; staff may read but not comment
        refused(404, otherGov.get(B + "/" + id));
        refused(404, otherGov.post(B + "/" + id + "/comments", Map.of("content", "同意")));
        refused(404, f.leadUnit().get(B + "/" + id));
        refused(403, f.staff().post(B + "/" + id + "/comments", Map.of("content", "同意")));
        refused(404, f.leaderGov().get(B + "/99999999"));
        invalid(f.leaderGov().post(B + "/" + id + "/comments", Map.of("content", " ")), "content");
        invalid(f.leaderGov().post(B + "/" + id + "/comments", Map.of("content", "请办理", "unitIds", List.of(99999999L))),
                "unitIds");

        // the comment goes to the lead unit of the bulletin's case
        JsonNode comment = ok(201, f.leaderGov().post(B + "/" + id + "/comments",
                Map.of("content", "请区民政局牵头，年底前拿出方案")));
        assertThat(comment.path("followUps").size()).isEqualTo(1);
        JsonNode followUp = comment.path("followUps").get(0);
        assertThat(followUp.path("unitId").asLong()).isEqualTo(f.unit(0));
        long followUpId = followUp.path("id").asLong();
        List<String> actions = new ArrayList<>();
        f.get(a).path("history").forEach(h -> actions.add(h.path("action").asString()));
        assertThat(actions).contains("LEADER_COMMENT");
        // explicit units instead
        JsonNode toOthers = ok(201, f.leaderCppcc().post(B + "/" + id + "/comments",
                Map.of("content", "请相关单位配合", "unitIds", List.of(f.unit(1), f.unit(2)))));
        assertThat(toOthers.path("followUps").size()).isEqualTo(2);

        // the units see their follow-ups, open until staff mark them done
        assertThat(ids(ok(200, f.leadUnit().get("/api/v1/follow-ups?done=false")))).contains(followUpId);
        assertThat(ids(ok(200, f.otherUnit().get("/api/v1/follow-ups")))).doesNotContain(followUpId);
        assertThat(ok(200, f.leadUnit().get("/api/v1/notifications?size=200")).toString()).contains("批示");
        refused(403, f.leaderGov().get("/api/v1/follow-ups"));
        refused(403, f.leadUnit().post(B + "/" + id + "/follow-ups/" + followUpId + "/done", Map.of()));
        refused(404, f.staff().post(B + "/" + id + "/follow-ups/99999999/done", Map.of()));
        JsonNode done = ok(200, f.staff().post(B + "/" + id + "/follow-ups/" + followUpId + "/done", Map.of("note", "方案已出台")));
        assertThat(done.path("done").asBoolean()).isTrue();
        refused(409, f.staff().post(B + "/" + id + "/follow-ups/" + followUpId + "/done", Map.of()));
        assertThat(ids(ok(200, f.leadUnit().get("/api/v1/follow-ups?done=false")))).doesNotContain(followUpId);
        assertThat(ids(ok(200, f.leadUnit().get("/api/v1/follow-ups?done=true")))).contains(followUpId);
        assertThat(ok(200, f.staff().get(B + "/" + id)).path("comments").size()).isEqualTo(2);
    }

    @Test
    void onlyStaffCreateBulletinsForLeaders() {
        long a = f.caseIn("FILED");
        Map<String, Object> ok = body("BRIEF", "正文", List.of(a), List.of(govId));
        refused(403, f.leadUnit().post(B, ok));
        refused(403, f.lead().post(B, ok));
        refused(403, f.leaderCppcc().post(B, ok));
        refused(403, f.leaderGov().post(B, ok));

        long memberUser = ok(200, f.lead().get("/api/v1/me")).path("id").asLong();
        invalid(f.staff().post(B, body("BRIEF", "正文", List.of(a), List.of(memberUser))), "recipientUserIds");
        invalid(f.staff().post(B, body("BRIEF", "正文", List.of(a), List.of())), "recipientUserIds");
        invalid(f.staff().post(B, body("BRIEF", "", List.of(), List.of(govId))), "content");
        invalid(f.staff().post(B, body("BRIEF", "正文", List.of(99999999L), List.of(govId))), "proposalIds");
        long draft = f.draft();
        invalid(f.staff().post(B, body("BRIEF", "正文", List.of(draft), List.of(govId))), "proposalIds");
        Map<String, Object> noKind = body(null, "正文", List.of(), List.of(govId));
        noKind.put("title", "");
        invalid(f.staff().post(B, noKind), "kind", "title");
        refused(400, f.staff().post(B, body("WEEKLY", "正文", List.of(), List.of(govId))));
    }
}
