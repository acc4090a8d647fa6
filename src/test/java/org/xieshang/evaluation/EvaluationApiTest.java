package org.xieshang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Democratic evaluation and township assessment through the API (API.md, "evaluations",
 * "township-assessments"): selection with 409 for a unit already evaluated in the term, groups led
 * by a vice-chair, ballots once per member and unit, one-time codes (once, 409, forged 404), results
 * computed by hand and without any evaluator's identity, publication; refused roles and bad input.
 */
class EvaluationApiTest extends ApiTestBase {

    static final String E = "/api/v1/evaluations";
    static final String T = "/api/v1/township-assessments";
    /** Township assessments are one per year and committee: every test takes its own years. */
    static final AtomicInteger YEARS = new AtomicInteger(2040);
    static final List<String> CODES = List.of("DUTY_PERFORMANCE", "SERVING_CENTRE", "LAW_BASED_ADMINISTRATION",
            "WORK_STYLE", "INTEGRITY", "PROPOSAL_HANDLING");

    Committee c;
    long viceChair;

    @BeforeEach
    void committee() {
        c = new Committee(admin, 3, 4);
        viceChair = created(admin.post("/api/v1/members", Map.of("name", TestSupport.unique("副主席"), "gender", "MALE",
                "sectorId", c.sectorId, "roles", List.of("VICE_CHAIR"))));
    }

    static long created(Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.id();
    }

    static JsonNode ok(int status, Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        return res.json();
    }

    static void invalid(Api.Res res, String field) {
        assertThat(res.status()).as(res.toString()).isEqualTo(400);
        assertThat(res.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        res.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(res.toString()).contains(field);
    }

    static Map<String, Object> all(int score) {
        Map<String, Object> m = new HashMap<>();
        CODES.forEach(code -> m.put(code, score));
        return m;
    }

    long evaluation(int year, List<Long> unitIds) {
        return created(admin.post(E, Map.of("year", year, "termId", c.termId, "unitIds", unitIds,
                "meeting", "十届常委会第五次会议", "decisionDate", year + "-02-20")));
    }

    long group(long id, long unitId, List<Long> memberIds) {
        return created(admin.post(E + "/" + id + "/groups", Map.of("unitId", unitId, "leaderMemberId", viceChair,
                "memberIds", memberIds, "externalParticipants", List.of(Map.of("name", "服务对象甲", "organisation", "某社区")))));
    }

    @Test
    void chooseGroupVoteWithCodesAndPublishResultsComputedByHand() {
        long u0 = c.unitIds.get(0);
        long u1 = c.unitIds.get(1);
        long id = evaluation(2026, List.of(u0, u1));
        group(id, u0, List.of(c.memberIds.get(0), c.memberIds.get(1)));
        group(id, u1, List.of(c.memberIds.get(2)));
        Api m0 = c.member(0);
        Api m1 = c.member(1);
        Api m2 = c.member(2);
        Api leaderGov = c.role("LEADER_GOV");

        ok(201, m0.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(90))));
        ok(201, m1.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(80))));
        // once per member and unit
        assertThat(m0.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(10))).status()).isEqualTo(409);
        // not in the group of that unit
        assertThat(m0.post(E + "/" + id + "/ballots", Map.of("unitId", u1, "scores", all(10))).status()).isEqualTo(403);
        ok(201, m2.post(E + "/" + id + "/ballots", Map.of("unitId", u1, "scores", Map.of("DUTY_PERFORMANCE", 60,
                "SERVING_CENTRE", 70, "LAW_BASED_ADMINISTRATION", 80, "WORK_STYLE", 90, "INTEGRITY", 100, "PROPOSAL_HANDLING", 50))));

        // one-time codes: a service recipient on the phone, and a paper sheet entered by the office
        JsonNode codes = ok(201, admin.post(E + "/" + id + "/ballot-codes", Map.of("unitId", u0, "count", 2)));
        String phone = codes.path("items").get(0).path("code").asString();
        String paper = codes.path("items").get(1).path("code").asString();
        Api anonymous = api.anonymous();
        JsonNode sheet = ok(200, anonymous.get("/api/v1/public/ballots/" + phone));
        assertThat(sheet.path("unitId").asLong()).isEqualTo(u0);
        assertThat(sheet.path("dimensions")).hasSize(6);
        ok(201, anonymous.post("/api/v1/public/ballots/" + phone, Map.of("scores", all(70))));
        assertThat(anonymous.post("/api/v1/public/ballots/" + phone, Map.of("scores", all(70))).status()).isEqualTo(409);
        assertThat(anonymous.post("/api/v1/public/ballots/FORGED2345", Map.of("scores", all(70))).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/public/ballots/FORGED2345").status()).isEqualTo(404);
        ok(201, admin.post(E + "/" + id + "/paper-ballots", Map.of("code", paper, "scores", all(100))));
        assertThat(admin.post(E + "/" + id + "/paper-ballots", Map.of("code", paper, "scores", all(100))).status()).isEqualTo(409);

        // unpublished: the office and leaders see the results, nobody else
        assertThat(anonymous.get(E + "/" + id + "/results").status()).isEqualTo(404);
        assertThat(m0.get(E + "/" + id + "/results").status()).isEqualTo(404);
        JsonNode results = ok(200, leaderGov.get(E + "/" + id + "/results"));
        // u0: four ballots of 90, 80, 70, 100 → every dimension 85 → 85.00
        // u1: (60·25 + 70·15 + 80·15 + 90·15 + 100·10 + 50·20) / 100 = 71.00
        JsonNode first = results.path("ranking").get(0);
        JsonNode second = results.path("ranking").get(1);
        assertThat(first.path("unitId").asLong()).isEqualTo(u0);
        assertThat(first.path("score").decimalValue()).isEqualByComparingTo("85.00");
        assertThat(first.path("dimensionScores").path("WORK_STYLE").decimalValue()).isEqualByComparingTo("85");
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("topTen").asBoolean()).isTrue();
        assertThat(first.path("ballots").asInt()).isEqualTo(4);
        assertThat(second.path("unitId").asLong()).isEqualTo(u1);
        assertThat(second.path("score").decimalValue()).isEqualByComparingTo("71.00");
        assertThat(second.path("dimensionScores").path("PROPOSAL_HANDLING").decimalValue()).isEqualByComparingTo("50");
        assertThat(second.path("rank").asInt()).isEqualTo(2);
        assertThat(second.path("topTen").asBoolean()).isFalse();
        // results never contain an evaluator's identity
        String body = leaderGov.get(E + "/" + id + "/results").body();
        assertThat(body).doesNotContain("memberId").doesNotContain("voter").doesNotContain(phone).doesNotContain(paper);
        for (long memberId : c.memberIds) {
            assertThat(body).doesNotContain("\"" + memberId + "\"");
        }
        JsonNode record = ok(200, admin.get(E + "/" + id));
        assertThat(record.path("ballotsCounted").asLong()).isEqualTo(5);
        assertThat(record.path("groups")).hasSize(2);
        assertThat(record.path("groups").get(0).path("externalParticipants").get(0).path("name").asString()).isEqualTo("服务对象甲");

        JsonNode published = ok(200, admin.post(E + "/" + id + "/publish", Map.of()));
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("bulletinId").isNull()).isFalse();
        assertThat(admin.post(E + "/" + id + "/publish", Map.of()).status()).isEqualTo(409);
        assertThat(m1.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(80))).status()).isEqualTo(409);
        JsonNode publicResults = ok(200, anonymous.get(E + "/" + id + "/results"));
        assertThat(publicResults.path("ranking").get(0).path("score").decimalValue()).isEqualByComparingTo("85.00");
        // the leaders received the bulletin
        assertThat(leaderGov.get("/api/v1/bulletins/" + published.path("bulletinId").asLong()).status()).isEqualTo(200);
        Api.Res docx = anonymous.get(E + "/" + id + "/announcement.docx");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        // audit: the decision, the groups, each ballot (without scores) and the publication
        List<String> actions = new ArrayList<>();
        admin.get("/api/v1/audit/entries?entityType=Evaluation&entityId=" + id + "&size=100").json().path("items")
                .forEach(a -> actions.add(a.path("action").asString()));
        assertThat(actions).contains("DECIDE", "GROUP", "BALLOT", "CODES", "PUBLISH");
    }

    /** A case the unit leads, taken through filing, handling and an approved reply to the lead proposer's rating. */
    void handledCase(Api lead, Api staff, Api unit, Api head, long unitId, String result) {
        String P = "/api/v1/proposals";
        long id = created(lead.post(P, c.draft(TestSupport.unique("关于加强校园周边交通安全的建议"), List.of())));
        ok(200, lead.post(P + "/" + id + "/submit", Map.of()));
        ok(200, staff.post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "符合立案条件")));
        ok(200, staff.post(P + "/" + id + "/assign", Map.of("leadUnitId", unitId, "coUnitIds", List.of())));
        ok(200, unit.post(P + "/" + id + "/accept", Map.of()));
        ok(201, unit.post(P + "/" + id + "/handling-records", Map.of("type", "PROPOSER_CONTACT",
                "date", java.time.LocalDate.now().toString(), "content", "电话联系提案人")));
        ok(200, unit.post(P + "/" + id + "/reply", Map.of("category", "A", "content", "已采纳并落实")));
        // the unit head signs the handler's reply before the office reviews it
        ok(200, head.post(P + "/" + id + "/reply-signoff", Map.of("approve", true)));
        ok(200, staff.post(P + "/" + id + "/reply-review", Map.of("approve", true)));
        ok(201, lead.post(P + "/" + id + "/evaluation", Map.of("attitude", "SATISFIED", "result", result, "comment", "测评")));
    }

    @Test
    void proposalHandlingIsFilledFromTheUnitsProposalFiguresWhenTheYearSaysSo() {
        long u0 = c.unitIds.get(0);
        Api lead = c.member(0);
        Api staff = c.staff();
        Api unit = c.unit(0);
        Api head = c.user(List.of("UNIT_HEAD"), null, u0);
        handledCase(lead, staff, unit, head, u0, "SATISFIED");
        handledCase(lead, staff, unit, head, u0, "UNSATISFIED");
        // a year without the proposal-handling dimension cannot fill it
        invalid(admin.post(E, Map.of("year", 2025, "termId", c.termId, "unitIds", List.of(c.unitIds.get(1)),
                "dimensions", List.of(Map.of("code", "DUTY_PERFORMANCE", "name", "部门职能履行", "weight", 100)),
                "proposalHandlingFromStats", true)), "proposalHandlingFromStats");
        long id = created(admin.post(E, Map.of("year", 2026, "termId", c.termId, "unitIds", List.of(u0),
                "proposalHandlingFromStats", true)));
        group(id, u0, List.of(c.memberIds.get(1)));
        JsonNode record = ok(200, admin.get(E + "/" + id));
        assertThat(record.path("proposalHandlingFromStats").asBoolean()).isTrue();
        // the setting: the office only, a value required
        for (String role : List.of("PROPOSAL_STAFF", "LEADER_CPPCC", "UNIT_HEAD")) {
            Api who = role.startsWith("UNIT") ? c.user(List.of(role), null, c.unitIds.get(2)) : c.role(role);
            assertThat(who.put(E + "/" + id + "/settings", Map.of("proposalHandlingFromStats", false)).status()).as(role).isEqualTo(403);
        }
        assertThat(c.member(1).put(E + "/" + id + "/settings", Map.of("proposalHandlingFromStats", false)).status()).isEqualTo(403);
        invalid(admin.put(E + "/" + id + "/settings", Map.of()), "proposalHandlingFromStats");
        assertThat(admin.put(E + "/" + id + "/settings", Map.of("proposalHandlingFromStats", true, "version", 999)).status())
                .isEqualTo(409);

        // evaluators do not score the dimension: the ballot page shows the fixed score, a score for it is refused
        Api m1 = c.member(1);
        invalid(m1.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(80))), "scores.PROPOSAL_HANDLING");
        Map<String, Object> five = all(80);
        five.remove("PROPOSAL_HANDLING");
        ok(201, m1.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", five)));
        String code = ok(201, admin.post(E + "/" + id + "/ballot-codes", Map.of("unitId", u0, "count", 1)))
                .path("items").get(0).path("code").asString();
        JsonNode sheet = ok(200, api.anonymous().get("/api/v1/public/ballots/" + code));
        assertThat(sheet.path("fixed").path("PROPOSAL_HANDLING").path("score").decimalValue()).isEqualByComparingTo("75.00");
        // the phone page shows it as a fixed score with the formula, without an input
        String page = api.anonymous().get("/ballot/" + code).body();
        assertThat(page).contains("id=\"fixed-PROPOSAL_HANDLING\"").contains("75.00").contains("按时答复率")
                .doesNotContain("name=\"score.PROPOSAL_HANDLING\"").contains("name=\"score.WORK_STYLE\"");
        // after a ballot the scoring cannot change
        assertThat(admin.put(E + "/" + id + "/settings", Map.of("proposalHandlingFromStats", false)).status()).isEqualTo(409);

        // two replies, both on time: 2/2 = 1; two ratings, one satisfied: 1/2 = 0.5 → 100 × (1 + 0.5) / 2 = 75.00
        // weighted: (80·(25+15+15+15+10) + 75·20) / 100 = (6400 + 1500) / 100 = 79.00
        JsonNode unitResult = ok(200, admin.get(E + "/" + id + "/results")).path("ranking").get(0);
        assertThat(unitResult.path("score").decimalValue()).isEqualByComparingTo("79.00");
        assertThat(unitResult.path("dimensionScores").path("PROPOSAL_HANDLING").decimalValue()).isEqualByComparingTo("75.00");
        JsonNode handling = unitResult.path("proposalHandling");
        assertThat(handling.path("replied").asLong()).isEqualTo(2);
        assertThat(handling.path("repliedOnTime").asLong()).isEqualTo(2);
        assertThat(handling.path("rated").asLong()).isEqualTo(2);
        assertThat(handling.path("satisfied").asLong()).isEqualTo(1);
        assertThat(handling.path("onTimeReplyRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(handling.path("satisfactionRate").decimalValue()).isEqualByComparingTo("0.5");

        // published: the figures of that day stay with the results, also when the unit's cases change later
        ok(200, admin.post(E + "/" + id + "/publish", Map.of()));
        handledCase(lead, staff, unit, head, u0, "UNSATISFIED");
        JsonNode published = ok(200, api.anonymous().get(E + "/" + id + "/results")).path("ranking").get(0);
        assertThat(published.path("score").decimalValue()).isEqualByComparingTo("79.00");
        assertThat(published.path("proposalHandling").path("rated").asLong()).isEqualTo(2);
    }

    @Test
    void aGroupsResearchVisitIsAnActivityWithTheGroupInvited() {
        long u0 = c.unitIds.get(0);
        long id = evaluation(2026, List.of(u0));
        long groupId = group(id, u0, List.of(c.memberIds.get(0)));
        JsonNode g = ok(201, admin.post(E + "/" + id + "/groups/" + groupId + "/activities", Map.of("type", "RESEARCH",
                "title", "民主评议调研走访", "startsAt", "2026-05-10T01:00:00Z", "endsAt", "2026-05-10T04:00:00Z", "location", "区民政局")));
        long activityId = g.path("activityIds").get(0).asLong();
        List<Long> invited = new ArrayList<>();
        admin.get("/api/v1/activities/" + activityId + "/attendance").json().path("items")
                .forEach(i -> invited.add(i.path("memberId").asLong()));
        assertThat(invited).containsExactlyInAnyOrder(viceChair, c.memberIds.get(0));
        invalid(admin.post(E + "/" + id + "/groups/" + groupId + "/activities", Map.of("type", "PLENARY",
                "title", "x", "startsAt", "2026-05-10T01:00:00Z", "endsAt", "2026-05-10T04:00:00Z", "location", "x")), "type");
        // an activity planned in the activity module is linked by its id, once
        assertThat(admin.post(E + "/" + id + "/groups/" + groupId + "/activities", Map.of("activityId", activityId)).status())
                .isEqualTo(409);
    }

    @Test
    void theSameCodeOrMemberAtTheSameMomentCountsOnce() throws Exception {
        long u0 = c.unitIds.get(0);
        long id = evaluation(2026, List.of(u0));
        group(id, u0, List.of(c.memberIds.get(0)));
        String code = ok(201, admin.post(E + "/" + id + "/ballot-codes", Map.of("unitId", u0, "count", 1)))
                .path("items").get(0).path("code").asString();
        Api anonymous = api.anonymous();
        Api m0 = c.member(0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> codeUses = new ArrayList<>();
            List<java.util.concurrent.Future<Integer>> memberVotes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                codeUses.add(pool.submit(() -> anonymous.post("/api/v1/public/ballots/" + code, Map.of("scores", all(60))).status()));
            }
            for (int i = 0; i < 2; i++) {
                memberVotes.add(pool.submit(() -> m0.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(70))).status()));
            }
            List<Integer> codeStatuses = new ArrayList<>();
            for (var f : codeUses) {
                codeStatuses.add(f.get());
            }
            List<Integer> voteStatuses = new ArrayList<>();
            for (var f : memberVotes) {
                voteStatuses.add(f.get());
            }
            assertThat(codeStatuses).containsExactlyInAnyOrder(201, 409);
            assertThat(voteStatuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(ok(200, admin.get(E + "/" + id)).path("ballotsCounted").asLong()).isEqualTo(2);
    }

    @Test
    void aUnitEvaluatedInTheTermIsNeitherProposedNorChosenAgain() {
        long u0 = c.unitIds.get(0);
        evaluation(2025, List.of(u0));
        Api.Res again = admin.post(E, Map.of("year", 2026, "termId", c.termId, "unitIds", List.of(u0, c.unitIds.get(1))));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("2025");
        assertThat(admin.post(E, Map.of("year", 2025, "termId", c.termId, "unitIds", List.of(c.unitIds.get(2)))).status())
                .isEqualTo(409);
        long township = created(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("镇"), "type", "TOWNSHIP")));
        invalid(admin.post(E, Map.of("year", 2026, "termId", c.termId, "unitIds", List.of(township))), "unitIds");

        JsonNode candidates = ok(200, admin.get(E + "/candidates?year=2026&count=20&termId=" + c.termId));
        List<Long> ids = new ArrayList<>();
        candidates.path("items").forEach(i -> {
            ids.add(i.path("unitId").asLong());
            assertThat(i.path("type").asString()).isNotEqualTo("TOWNSHIP");
        });
        assertThat(ids).doesNotContain(u0, township).isNotEmpty();
        assertThat(candidates.has("allCovered")).isTrue();
        assertThat(candidates.path("evaluatedPerType").path("DEPARTMENT").asInt()).isEqualTo(1);
    }

    @Test
    void refusedRoles() {
        long id = evaluation(2026, List.of(c.unitIds.get(0)));
        Map<String, Object> body = Map.of("year", 2027, "termId", c.termId, "unitIds", List.of(c.unitIds.get(1)));
        for (String role : List.of("PROPOSAL_STAFF", "LEADER_CPPCC", "LEADER_GOV", "MEMBER", "UNIT_HANDLER", "UNIT_HEAD")) {
            Api who = role.equals("MEMBER") ? c.member(3) : role.startsWith("UNIT") ? c.user(List.of(role), null, c.unitIds.get(2)) : c.role(role);
            assertThat(who.post(E, body).status()).as(role).isEqualTo(403);
            assertThat(who.get(E + "/candidates?year=2026").status()).as(role).isEqualTo(403);
            assertThat(who.post(E + "/" + id + "/groups", Map.of("unitId", c.unitIds.get(0), "leaderMemberId", viceChair)).status())
                    .as(role).isEqualTo(403);
            assertThat(who.post(E + "/" + id + "/ballot-codes", Map.of("unitId", c.unitIds.get(0), "count", 1)).status()).as(role).isEqualTo(403);
            assertThat(who.post(E + "/" + id + "/publish", Map.of()).status()).as(role).isEqualTo(403);
            assertThat(who.post(T, Map.of("year", 2030, "weight", 2)).status()).as(role).isEqualTo(403);
            // not a group member
            assertThat(who.post(E + "/" + id + "/ballots", Map.of("unitId", c.unitIds.get(0), "scores", all(80))).status())
                    .as(role).isEqualTo(403);
            boolean leader = role.startsWith("LEADER");
            assertThat(who.get(E + "/" + id).status()).as(role).isEqualTo(leader ? 200 : 403);
            assertThat(who.get(T).status()).as(role).isEqualTo(leader ? 200 : 403);
        }
        Api anonymous = api.anonymous();
        assertThat(anonymous.post(E, body).status()).isEqualTo(401);
        assertThat(anonymous.get(E + "/" + id).status()).isEqualTo(401);
        assertThat(anonymous.post(E + "/" + id + "/ballots", Map.of("unitId", c.unitIds.get(0), "scores", all(80))).status()).isEqualTo(401);
        assertThat(anonymous.get(E + "/" + id + "/results").status()).isEqualTo(404);
        assertThat(anonymous.get(E + "/" + id + "/announcement.docx").status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedInTheUsersLanguage() {
        invalid(admin.post(E, Map.of("termId", c.termId, "unitIds", List.of(c.unitIds.get(0)))), "year");
        invalid(admin.post(E, Map.of("year", 2026, "termId", c.termId, "unitIds", List.of())), "unitIds");
        invalid(admin.post(E, Map.of("year", 2031, "termId", c.termId, "unitIds", List.of(c.unitIds.get(0)))), "year");
        invalid(admin.post(E, Map.of("year", 2026, "termId", c.termId, "unitIds", List.of(c.unitIds.get(0)),
                "dimensions", List.of(Map.of("code", "bad code", "name", "x", "weight", 10)))), "dimensions");
        assertThat(admin.postRaw(E, "application/json", "{\"year\":".getBytes()).status()).isEqualTo(400);
        long u0 = c.unitIds.get(0);
        long id = evaluation(2026, List.of(u0));
        invalid(admin.post(E + "/" + id + "/groups", Map.of("unitId", u0, "leaderMemberId", c.memberIds.get(0))), "leaderMemberId");
        invalid(admin.post(E + "/" + id + "/groups", Map.of("unitId", c.unitIds.get(1), "leaderMemberId", viceChair)), "unitId");
        group(id, u0, List.of(c.memberIds.get(0)));
        assertThat(admin.post(E + "/" + id + "/groups", Map.of("unitId", u0, "leaderMemberId", viceChair)).status()).isEqualTo(409);
        Api m0 = c.member(0);
        Map<String, Object> tooHigh = all(90);
        tooHigh.put("WORK_STYLE", 101);
        invalid(m0.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", tooHigh)), "scores.WORK_STYLE");
        Map<String, Object> missing = all(90);
        missing.remove("INTEGRITY");
        invalid(m0.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", missing)), "scores.INTEGRITY");
        Map<String, Object> unknown = all(90);
        unknown.put("CHARM", 90);
        Api.Res en = m0.lang("en").post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", unknown));
        invalid(en, "scores.CHARM");
        assertThat(en.body()).contains("Not a dimension");
        // after all the refused ballots, the member still votes once
        ok(201, m0.post(E + "/" + id + "/ballots", Map.of("unitId", u0, "scores", all(90))));
        invalid(admin.post(E + "/" + id + "/ballot-codes", Map.of("unitId", u0, "count", 0)), "count");
        assertThat(admin.get(E + "/999999999").status()).isEqualTo(404);
        assertThat(admin.get(E + "/candidates?year=abc").status()).isEqualTo(400);
    }

    @Test
    void townshipAssessmentScoresFollowTheYearsWeight() {
        long t1 = created(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("甲镇"), "type", "TOWNSHIP")));
        long t2 = created(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("乙街道"), "type", "TOWNSHIP")));
        int lastYear = YEARS.getAndIncrement();
        int thisYear = YEARS.getAndIncrement();
        long before = created(admin.post(T, Map.of("year", lastYear, "weight", 1.5)));
        JsonNode created = ok(201, admin.post(T, Map.of("year", thisYear, "weight", 2.0)));
        long now = created.path("id").asLong();
        assertThat(created.path("criteria")).hasSize(4);
        assertThat(admin.post(T, Map.of("year", thisYear, "weight", 2.0)).status()).isEqualTo(409);

        // 25 + 25 + 20 + 20 = 90 of 100 → 1.35 at weight 1.5, 1.80 at weight 2
        Map<String, Object> ninety = Map.of("LEADERSHIP", 25, "WORK_PLAN", 25, "FUNDING", 20, "MEMBER_STUDY", 20);
        ok(200, admin.post(T + "/" + before + "/scores", Map.of("unitId", t1, "criterionScores", ninety)));
        JsonNode row = ok(200, admin.post(T + "/" + now + "/scores", Map.of("unitId", t1, "criterionScores", ninety)));
        assertThat(row.path("weightedScore").decimalValue()).isEqualByComparingTo("1.80");
        // 25 + 22.5 + 15 + 15 = 77.5 → 1.55
        ok(200, admin.post(T + "/" + now + "/scores", Map.of("unitId", t2, "criterionScores",
                Map.of("LEADERSHIP", 25, "WORK_PLAN", 22.5, "FUNDING", 15, "MEMBER_STUDY", 15))));
        JsonNode results = ok(200, admin.get(T + "/" + now + "/results"));
        assertThat(results.get(0).path("unitId").asLong()).isEqualTo(t1);
        assertThat(results.get(0).path("rawScore").decimalValue()).isEqualByComparingTo("90");
        assertThat(results.get(1).path("unitId").asLong()).isEqualTo(t2);
        assertThat(results.get(1).path("rawScore").decimalValue()).isEqualByComparingTo("77.5");
        assertThat(results.get(1).path("weightedScore").decimalValue()).isEqualByComparingTo("1.55");
        JsonNode old = ok(200, admin.get(T + "/" + before + "/results"));
        assertThat(old.get(0).path("weightedScore").decimalValue()).isEqualByComparingTo("1.35");

        invalid(admin.post(T + "/" + now + "/scores", Map.of("unitId", t1, "criterionScores", Map.of("FUNDING", 26))),
                "criterionScores.FUNDING");
        invalid(admin.post(T + "/" + now + "/scores", Map.of("unitId", c.unitIds.get(0), "criterionScores", ninety)), "unitId");
        invalid(admin.post(T, Map.of("year", YEARS.getAndIncrement(), "weight", -1)), "weight");

        JsonNode ev = ok(201, admin.upload(T + "/" + now + "/evidence?unitId=" + t1, "file", "工作计划.pdf", "application/pdf",
                "%PDF-1.4 plan".getBytes()));
        assertThat(admin.getBytes(T + "/" + now + "/evidence/" + ev.path("id").asLong())).startsWith("%PDF".getBytes());
        assertThat(ok(200, admin.get(T + "/" + now)).toString()).contains("工作计划.pdf");

        byte[] xlsx = admin.getBytes(T + "/" + now + "/export");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).startsWith("甲镇");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(7).getStringCellValue()).isEqualTo("1.80");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        JsonNode chart = ok(200, c.role("LEADER_CPPCC").get(T + "/chart"));
        List<Integer> years = new ArrayList<>();
        chart.path("years").forEach(y -> years.add(y.asInt()));
        assertThat(years).contains(lastYear, thisYear);
        JsonNode series = null;
        for (JsonNode s : chart.path("series")) {
            if (s.path("unitId").asLong() == t1) {
                series = s;
            }
        }
        assertThat(series).isNotNull();
        assertThat(series.path("weighted").get(years.indexOf(lastYear)).decimalValue()).isEqualByComparingTo("1.35");
        assertThat(series.path("weighted").get(years.indexOf(thisYear)).decimalValue()).isEqualByComparingTo("1.80");
    }

    static XWPFDocument docx(byte[] bytes) throws java.io.IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }
}
