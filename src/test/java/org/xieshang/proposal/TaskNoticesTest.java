package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ok;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Done tasks clear their notices (issue 17 point 11): a notice that asks for a task carries its key, the
 * step that does the task publishes TaskDone and the notification module marks the notice done and
 * read — for everyone it was sent to, or for the one recipient of a personal task (rating, co-signing).
 */
class TaskNoticesTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    /** The notices of a task: [user's member id or null, read, done] per recipient. */
    List<Map<String, Object>> notices(String taskKey) {
        return jdbc.queryForList("select u.member_id, n.read_at, n.done_at, n.id from notification n "
                + "join user_account u on u.id = n.user_id where n.task_key = ? order by n.id", taskKey);
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(until);
            Thread.sleep(100);
        }
    }

    boolean allDone(String taskKey) {
        List<Map<String, Object>> rows = notices(taskKey);
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.get("done_at") != null && r.get("read_at") != null);
    }

    @Test
    void ratingACaseClearsThatMembersPleaseRateNoticeAndEachStepItsOwn() throws Exception {
        Cases cases = new Cases(admin);
        // the accounts exist before the case, so that every notice of the way reaches them
        Api lead = cases.lead();
        cases.cosigner();
        cases.staff();
        cases.leadUnit();
        cases.coUnit();
        long id = cases.caseIn("REPLIED", true);
        String k = "proposal:" + id + ":";

        // the steps on the way did their tasks: co-signing (personal), filing review, acceptance, the co-unit's
        // opinion, the reply review
        eventually(() -> allDone(k + "cosign") && allDone(k + "review") && allDone(k + "accept")
                && allDone(k + "co-opinion:unit:" + cases.unit(1)) && allDone(k + "review-reply"), "steps clear their notices");

        // "please rate" reached both proposers, unread
        List<Map<String, Object>> rate = notices(k + "rate");
        assertThat(rate).hasSize(2).allSatisfy(r -> assertThat(r.get("read_at")).isNull());
        long leadNotice = rate.stream().filter(r -> ((Number) r.get("member_id")).longValue() == cases.member(0))
                .map(r -> ((Number) r.get("id")).longValue()).findFirst().orElseThrow();
        assertThat(unread(lead, leadNotice)).isTrue();

        ok(201, lead.post(Cases.P + "/" + id + "/evaluation", Cases.rating("SATISFIED", "SATISFIED")));
        eventually(() -> !unread(lead, leadNotice), "the lead proposer's please-rate notice is read after rating");
        // a personal task: the co-signer has not rated, the notice still waits for them
        Map<String, Object> cosigner = notices(k + "rate").stream()
                .filter(r -> ((Number) r.get("member_id")).longValue() == cases.member(1)).findFirst().orElseThrow();
        assertThat(cosigner.get("read_at")).isNull();
        assertThat(cosigner.get("done_at")).isNull();
    }

    @Test
    void theAssignmentThatAsksAUnitToAcceptDoesNotClearItsOwnCall() throws Exception {
        Cases cases = new Cases(admin);
        cases.leadUnit(); // the unit's account exists before the case reaches it
        long id = cases.caseIn("ASSIGNED");
        String key = "proposal:" + id + ":accept";
        // the ASSIGN step also voids a former lead unit's call: give its TaskDone time to be handled
        Thread.sleep(1_500);
        assertThat(notices(key)).isNotEmpty().allSatisfy(r -> assertThat(r.get("done_at")).isNull());
        ok(200, cases.leadUnit().post(Cases.P + "/" + id + "/accept", Map.of()));
        eventually(() -> allDone(key), "accepting clears the call to accept");
    }

    /** Whether the notice is in the client's inbox, unread. */
    static boolean unread(Api who, long noticeId) {
        JsonNode page = ok(200, who.get("/api/v1/notifications?unread=true&size=100"));
        for (JsonNode n : page.path("items")) {
            if (n.path("id").asLong() == noticeId) {
                return !n.path("read").asBoolean();
            }
        }
        return false;
    }

    @Test
    void reviewingASocialReportClearsTheOfficesNotice() throws Exception {
        Cases cases = new Cases(admin);
        Api staff = cases.staff();
        long id = ok(201, cases.lead().post("/api/v1/social-reports", Map.of("title", "关于农贸市场周边交通拥堵的反映",
                "content", "早晚高峰农贸市场周边道路拥堵严重。", "category", "社会民生"))).path("id").asLong();
        String key = "socialreport:" + id + ":review";
        assertThat(notices(key)).isNotEmpty().allSatisfy(r -> assertThat(r.get("read_at")).isNull());
        ok(200, staff.post("/api/v1/social-reports/" + id + "/adopt", Map.of()));
        eventually(() -> allDone(key), "the office's review notice is done after adoption");
    }
}
