package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 3: a leader's comment on a bulletin becomes a follow-up the unit concerned answers
 * (what was done, with files); the office closes it and the commenting leader is told the outcome.
 */
class BulletinFollowUpAnswerApiTest extends ProposalApiTestBase {

    private static final String B = "/api/v1/bulletins";

    private long govId;

    @BeforeAll
    void leaders() {
        govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
    }

    /** A bulletin about an assigned case, commented by the government leader: its follow-up for the lead unit. */
    private long[] commentedFollowUp() {
        long a = f.caseIn("ASSIGNED");
        Map<String, Object> b = new HashMap<>();
        b.put("kind", "BRIEF");
        b.put("title", "关于老旧小区改造提案办理情况的简讯");
        b.put("content", "");
        b.put("proposalIds", List.of(a));
        b.put("recipientUserIds", List.of(govId));
        long id = ok(201, f.staff().post(B, b)).path("id").asLong();
        JsonNode comment = ok(201, f.leaderGov().post(B + "/" + id + "/comments", Map.of("content", "请抓紧落实，年底前报结果")));
        return new long[] {id, comment.path("followUps").get(0).path("id").asLong()};
    }

    @Test
    void theUnitAnswersWithFilesTheOfficeClosesAndTheLeaderIsTold() {
        long[] ids = commentedFollowUp();
        String base = B + "/" + ids[0] + "/follow-ups/" + ids[1];

        JsonNode answered = ok(200, f.leadUnit().post(base + "/answer", Map.of("answer", "  已制定改造方案，完成 3 个小区  ")));
        assertThat(answered.path("answer").asString()).isEqualTo("已制定改造方案，完成 3 个小区");
        assertThat(answered.path("answeredBy").asString()).isNotBlank();
        assertThat(answered.path("done").asBoolean()).isFalse();
        JsonNode file = ok(201, f.leadUnit().upload(base + "/files", "file", "改造方案.txt", "text/plain",
                "方案全文".getBytes(StandardCharsets.UTF_8)));
        assertThat(file.path("filename").asString()).isEqualTo("改造方案.txt");
        assertThat(ok(200, f.staff().get("/api/v1/notifications?size=200")).toString()).contains("承办单位已回复");

        // the office and the leader see the answer and its file on the bulletin, and download it
        JsonNode followUp = ok(200, f.staff().get(B + "/" + ids[0])).path("comments").get(0).path("followUps").get(0);
        assertThat(followUp.path("answer").asString()).startsWith("已制定改造方案");
        assertThat(followUp.path("files").get(0).path("filename").asString()).isEqualTo("改造方案.txt");
        String href = followUp.path("files").get(0).path("href").asString();
        for (Api reader : List.of(f.staff(), f.leaderGov(), f.leadUnit())) {
            assertThat(new String(reader.getBytes(href), StandardCharsets.UTF_8)).isEqualTo("方案全文");
        }
        refused(404, f.otherUnit().get(href));
        refused(404, f.lead().get(href));

        // the leader hears nothing until the office closes it; then the outcome
        String before = ok(200, f.leaderGov().get("/api/v1/notifications?size=200")).toString();
        String outcomeLink = "/bulletins/" + ids[0] + "#follow-up-" + ids[1];
        assertThat(before).doesNotContain(outcomeLink);
        long version = followUp.path("version").asLong();
        JsonNode done = ok(200, f.staff().post(base + "/done", Map.of("note", "方案已出台", "version", version)));
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("answer").asString()).startsWith("已制定改造方案");
        assertThat(ok(200, f.leaderGov().get("/api/v1/notifications?size=200")).toString())
                .contains("您的批示已落实办结").contains(outcomeLink);
        assertThat(ok(200, f.leaderGov().lang("en").get("/api/v1/notifications?size=200")).toString())
                .contains("Your comment has been followed up");

        String audit = f.admin.get("/api/v1/audit/entries?entityType=BulletinFollowUp&entityId=" + ids[1]).body();
        assertThat(audit).contains("已制定改造方案").contains("方案已出台");
        assertThat(f.admin.get("/api/v1/audit/entries?entityType=BulletinFollowUpFile&entityId="
                + file.path("id").asLong()).body()).contains("CREATE");
        // closed: no more answers or files
        refused(409, f.leadUnit().post(base + "/answer", Map.of("answer", "补充")));
        refused(409, f.leadUnit().upload(base + "/files", "file", "b.txt", "text/plain", "x".getBytes()));
    }

    @Test
    void onlyTheUnitConcernedAnswers() {
        long[] ids = commentedFollowUp();
        String base = B + "/" + ids[0] + "/follow-ups/" + ids[1];
        Map<String, Object> answer = Map.of("answer", "已办理");
        // who sees it but is not the unit: 403; who does not see it: 404
        refused(403, f.staff().post(base + "/answer", answer));
        refused(403, f.leaderGov().post(base + "/answer", answer));
        refused(403, f.staff().upload(base + "/files", "file", "a.txt", "text/plain", "x".getBytes()));
        refused(404, f.otherUnit().post(base + "/answer", answer));
        refused(404, f.lead().post(base + "/answer", answer));
        refused(404, f.leaderCppcc().post(base + "/answer", answer));
        refused(404, f.otherUnit().upload(base + "/files", "file", "a.txt", "text/plain", "x".getBytes()));
        refused(404, f.leadUnit().post(B + "/" + ids[0] + "/follow-ups/99999999/answer", answer));
        refused(404, f.leadUnit().post(B + "/99999999/follow-ups/" + ids[1] + "/answer", answer));
        refused(401, f.leadUnit().anonymous().post(base + "/answer", answer));
        // the unit head answers as well as the handler
        assertThat(ok(200, f.leadUnitHead().post(base + "/answer", answer)).path("answer").asString()).isEqualTo("已办理");
    }

    @Test
    void badInputIsRefusedInTheUsersLanguage() {
        long[] ids = commentedFollowUp();
        String base = B + "/" + ids[0] + "/follow-ups/" + ids[1];
        invalid(f.leadUnit().post(base + "/answer", Map.of("answer", "  ")), "answer");
        invalid(f.leadUnit().post(base + "/answer", Map.of()), "answer");
        invalid(f.leadUnit().post(base + "/answer", Map.of("answer", "长".repeat(4001))), "answer");
        invalid(f.leadUnit().post(base + "/answer", Map.of("answer", "x", "version", "v1")), "version");
        invalid(f.leadUnit().upload(base + "/files", "file", "run.exe", "application/octet-stream", "MZ".getBytes()), "file");
        invalid(f.leadUnit().upload(base + "/files", "file", "empty.txt", "text/plain", new byte[0]), "file");
        assertThat(f.leadUnit().lang("en").post(base + "/answer", Map.of("answer", " ")).json().path("errors").get(0)
                .path("message").asString()).matches("(?s).*[A-Za-z].*");
        invalid(f.staff().post(base + "/done", Map.of("note", "x", "version", "stale")), "version");
    }

    @Test
    void aConcurrentChangeLosesWith409() {
        long[] ids = commentedFollowUp();
        String base = B + "/" + ids[0] + "/follow-ups/" + ids[1];
        long version = ok(200, f.leadUnit().post(base + "/answer", Map.of("answer", "第一稿"))).path("version").asLong();
        // two answers from the same page: the first wins, the second saw an older version
        ok(200, f.leadUnit().post(base + "/answer", Map.of("answer", "第二稿", "version", version)));
        refused(409, f.leadUnitHead().post(base + "/answer", Map.of("answer", "另一稿", "version", version)));
        // the office closes what it saw: stale → 409, current → closed
        refused(409, f.staff().post(base + "/done", Map.of("version", version)));
        ok(200, f.staff().post(base + "/done", Map.of("version", version + 1)));
    }
}
