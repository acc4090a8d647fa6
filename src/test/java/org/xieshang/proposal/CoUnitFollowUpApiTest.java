package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 1: a co-unit without an account no longer stalls a case — assignment names it,
 * the office enters its opinion received on paper, the lead unit reminds a unit that owes one
 * (once a day); point 8: the units handling a case see its proposers' phone and e-mail, no one else.
 */
class CoUnitFollowUpApiTest extends ProposalApiTestBase {

    /** multipart/form-data with a content field and, optionally, a file. */
    private static Api.Res paper(Api api, long id, long unitId, String content, String filename) {
        String boundary = "----casepages" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        if (content != null) {
            sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\n")
                    .append(content).append("\r\n");
        }
        if (filename != null) {
            sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(filename).append("\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 scanned letter\r\n");
        }
        sb.append("--").append(boundary).append("--\r\n");
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return api.postRaw(P + "/" + id + "/co-units/" + unitId + "/paper-opinion",
                "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static JsonNode coUnit(JsonNode detail, long unitId) {
        for (JsonNode u : detail.path("coUnits")) {
            if (u.path("unitId").asLong() == unitId) {
                return u;
            }
        }
        throw new AssertionError("no co-unit " + unitId + " in " + detail);
    }

    @Test
    void aCoUnitWithoutAnAccountIsNamedAtAssignmentAndItsPaperOpinionUnblocksTheReply() {
        f.leadUnit();
        f.coUnit();
        long id = f.caseIn("FILED");
        // unit 2 has no account in this class: nobody there could ever countersign
        JsonNode assigned = ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1), f.unit(2)))));
        assertThat(assigned.path("unitsWithoutAccount").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(f.unit(2));
        ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of()));
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        Map<String, String> reply = Map.of("category", "A", "content", "已解决");
        refused(409, f.leadUnit().post(P + "/" + id + "/reply", reply));
        // the lead unit cannot remind a unit nobody would hear
        refused(409, f.leadUnit().post(P + "/" + id + "/co-units/" + f.unit(2) + "/reminders", Map.of()));

        // who may enter a paper opinion: the office only
        refused(403, paper(f.lead(), id, f.unit(2), "意见", null));
        refused(403, paper(f.leadUnit(), id, f.unit(2), "意见", null));
        refused(403, paper(f.leaderCppcc(), id, f.unit(2), "意见", null));
        // bad input, a unit that is no co-unit, an opinion already given
        invalid(paper(f.staff(), id, f.unit(2), "  ", null), "content");
        invalid(paper(f.staff(), id, f.unit(2), null, null), "content");
        refused(404, paper(f.staff(), id, f.unit(3), "意见", null));
        refused(409, paper(f.staff(), id, f.unit(1), "意见", null));
        assertThat(refused(400, paper(f.staff().lang("en"), id, f.unit(2), "", null)).path("detail").asString())
                .matches("[\\x00-\\x7F]+");

        JsonNode done = ok(201, paper(f.staff(), id, f.unit(2), "书面意见：同意主办单位的办理方案。", "会签意见.pdf"));
        JsonNode entered = coUnit(done, f.unit(2));
        assertThat(entered.path("opinion").asString()).contains("同意主办单位");
        assertThat(entered.path("onPaper").asBoolean()).isTrue();
        assertThat(done.path("attachments").toString()).contains("会签意见.pdf");
        assertThat(done.path("history").toString()).contains("CO_OPINION_PAPER");
        refused(409, paper(f.staff(), id, f.unit(2), "再次", null));

        expectStatus(ok(200, f.leadUnit().post(P + "/" + id + "/reply", reply)), "REPLY_REVIEW");
    }

    @Test
    void theLeadUnitRemindsACoUnitOnceADay() {
        long id = f.caseIn("IN_PROGRESS"); // co-unit: unit 1, which has an account
        String path = P + "/" + id + "/co-units/" + f.unit(1) + "/reminders";
        refused(403, f.staff().post(path, Map.of()));
        refused(403, f.lead().post(path, Map.of()));
        refused(403, f.coUnit().post(path, Map.of()));
        refused(404, f.leadUnit().post(P + "/" + id + "/co-units/" + f.unit(3) + "/reminders", Map.of()));
        refused(404, f.leadUnit().post(P + "/999999/co-units/" + f.unit(1) + "/reminders", Map.of()));

        JsonNode first = ok(201, f.leadUnit().post(path, Map.of()));
        assertThat(first.path("remindedAt").asString()).isNotBlank();
        JsonNode again = refused(409, f.leadUnit().post(path, Map.of()));
        assertThat(again.path("detail").asString()).contains("明天");
        assertThat(coUnit(f.get(id), f.unit(1)).path("remindedAt").asString()).isNotBlank();
        assertThat(f.get(id).path("history").toString()).contains("CO_OPINION_REMINDER");
        // the co-unit is told in its inbox
        assertThat(f.coUnit().get("/api/v1/notifications").body()).contains("提交会签意见");

        // once given, there is nothing to remind of
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        refused(409, f.leadUnit().post(path, Map.of()));
    }

    @Test
    void theHandlingUnitsSeeTheProposersContactsAndNoOneElse() {
        long member = f.member(0);
        ok(200, f.admin.patch("/api/v1/members/" + member, Map.of("phone", "13800001234", "email", "lead@example.org")));
        long id = f.caseIn("IN_PROGRESS");
        for (Api unit : List.of(f.leadUnit(), f.coUnit())) {
            JsonNode lead = ok(200, unit.get(P + "/" + id)).path("proposers").get(0);
            assertThat(lead.path("memberId").asLong()).isEqualTo(member);
            assertThat(lead.path("phone").asString()).isEqualTo("13800001234");
            assertThat(lead.path("email").asString()).isEqualTo("lead@example.org");
        }
        for (Api other : List.of(f.staff(), f.lead(), f.leaderCppcc())) {
            String body = other.get(P + "/" + id).body();
            assertThat(body).doesNotContain("13800001234").doesNotContain("lead@example.org");
        }
        // not in lists or search snippets
        assertThat(f.leadUnit().get(P + "?size=50").body()).doesNotContain("13800001234");
        assertThat(f.leadUnit().get(P + "?q=" + java.net.URLEncoder.encode("养老", StandardCharsets.UTF_8)).body())
                .doesNotContain("13800001234");

        // another unit's case: not even visible, so no contacts
        long elsewhere = f.caseIn("FILED");
        ok(200, f.staff().post(P + "/" + elsewhere + "/assign", Map.of("leadUnitId", f.unit(3))));
        refused(404, f.leadUnit().get(P + "/" + elsewhere));
        JsonNode theirs = ok(200, f.newUnit().get(P + "/" + elsewhere)).path("proposers").get(0);
        assertThat(theirs.path("phone").asString()).isEqualTo("13800001234");
    }
}
