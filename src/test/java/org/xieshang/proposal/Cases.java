package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.xieshang.support.Api;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The proposal world of one test class: a {@link Committee} with five members and four units,
 * one signed-in client per role (created on first use), and builders that drive a new case
 * through the API to a given state, checking every step on the way.
 *
 * <p>Members: 0 lead proposer, 1 and 2 co-signers, 3 and 4 not proposers. Units: 0 lead unit,
 * 1 co-unit, 2 an unrelated unit, 3 a unit to re-assign to.
 */
final class Cases {

    static final String P = "/api/v1/proposals";
    static final String PROPOSER_CONTACT = "PROPOSER_CONTACT";

    final Committee c;
    final Api admin;

    private final Map<String, Api> clients = new java.util.concurrent.ConcurrentHashMap<>();

    Cases(Api admin) {
        this.admin = admin;
        this.c = new Committee(admin, 4, 5);
    }

    // --- who ---

    long member(int i) {
        return c.memberIds.get(i);
    }

    long unit(int i) {
        return c.unitIds.get(i);
    }

    Api lead() {
        return client("lead", () -> c.member(0));
    }

    Api cosigner() {
        return client("cosigner", () -> c.member(1));
    }

    Api cosigner2() {
        return client("cosigner2", () -> c.member(2));
    }

    /** A member who proposes nothing here. */
    Api other() {
        return client("other", () -> c.member(3));
    }

    Api staff() {
        return client("staff", c::staff);
    }

    Api leaderCppcc() {
        return client("leaderCppcc", () -> c.role("LEADER_CPPCC"));
    }

    Api leaderGov() {
        return client("leaderGov", () -> c.role("LEADER_GOV"));
    }

    Api leadUnit() {
        return client("leadUnit", () -> c.unit(0));
    }

    Api leadUnitHead() {
        return unitHead(0);
    }

    /** The head (UNIT_HEAD) of unit i, who signs its replies. */
    Api unitHead(int i) {
        return client(i == 0 ? "leadUnitHead" : "unitHead" + i, () -> c.user(List.of("UNIT_HEAD"), null, unit(i)));
    }

    Api coUnit() {
        return client("coUnit", () -> c.unit(1));
    }

    Api otherUnit() {
        return client("otherUnit", () -> c.unit(2));
    }

    Api newUnit() {
        return client("newUnit", () -> c.unit(3));
    }

    private Api client(String name, Supplier<Api> create) {
        return clients.computeIfAbsent(name, k -> create.get());
    }

    // --- cases ---

    /** A draft of the lead proposer, optionally naming co-signers. */
    long draft(Long... coSigners) {
        return draftIn(c.sessionId, coSigners);
    }

    long draftIn(long sessionId, Long... coSigners) {
        Map<String, Object> body = new java.util.HashMap<>(c.draft(TestSupport.unique("关于改善社区养老服务的建议"), List.of(coSigners)));
        body.put("sessionId", sessionId);
        JsonNode p = ok(201, lead().post(P, body));
        assertThat(p.path("status").asString()).isEqualTo("DRAFT");
        return p.path("id").asLong();
    }

    /** A case of the lead proposer (joint: co-signed by member 1) moved through the workflow to the given state. */
    long caseIn(String state, boolean joint) {
        long id = joint ? draft(member(1)) : draft();
        return advance(id, state, joint);
    }

    long caseIn(String state) {
        return caseIn(state, false);
    }

    long caseIn(long sessionId, String state, boolean joint) {
        long id = joint ? draftIn(sessionId, member(1)) : draftIn(sessionId);
        return advance(id, state, joint);
    }

    /** Another session of the committee's term, e.g. one whose year no other test uses. */
    long newSession(int year) {
        JsonNode s = ok(201, admin.post("/api/v1/terms/" + c.termId + "/sessions", Map.of("name", TestSupport.unique("会议"),
                "year", year, "startDate", LocalDate.of(year, 1, 10).toString())));
        return s.path("id").asLong();
    }

    private static final List<String> ORDER = List.of("DRAFT", "SUBMITTED", "FILED", "ASSIGNED", "IN_PROGRESS",
            "REPLY_REVIEW", "REPLIED", "CLOSED");

    /** Moves the case from where it stands (a state of {@link #ORDER}) on to the given state. */
    long advance(long id, String state, boolean joint) {
        int target = ORDER.indexOf(state);
        assertThat(target).as("known state " + state).isNotNegative();
        int now = ORDER.indexOf(ok(200, lead().get(P + "/" + id)).path("status").asString());
        assertThat(now).as("case " + id + " stands in a state of the main line").isNotNegative().isLessThanOrEqualTo(target);
        if (target >= 1 && now < 1) {
            JsonNode s = ok(200, lead().post(P + "/" + id + "/submit", Map.of()));
            if (joint) {
                assertThat(s.path("status").asString()).isEqualTo("AWAITING_COSIGNERS");
                s = ok(200, cosigner().post(P + "/" + id + "/cosign", Map.of("accept", true)));
            }
            assertThat(s.path("status").asString()).isEqualTo("SUBMITTED");
        }
        if (target >= 2 && now < 2) {
            expectStatus(ok(200, staff().post(P + "/" + id + "/review", Map.of("decision", "FILE", "reason", "符合立案条件"))), "FILED");
        }
        if (target >= 3 && now < 3) {
            expectStatus(ok(200, staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", unit(0),
                    "coUnitIds", List.of(unit(1))))), "ASSIGNED");
        }
        if (target >= 4 && now < 4) {
            expectStatus(ok(200, leadUnit().post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        }
        if (target >= 5 && now < 5) {
            contact(id);
            ok(201, coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意主办单位意见")));
            expectStatus(ok(200, replySigned(id, Map.of("category", "B",
                    "content", "已列入明年工作计划，分步实施"))), "REPLY_REVIEW");
        }
        if (target >= 6 && now < 6) {
            expectStatus(ok(200, staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
        }
        if (target >= 7 && now < 7) {
            expectStatus(ok(201, lead().post(P + "/" + id + "/evaluation", rating("SATISFIED", "SATISFIED"))), "CLOSED");
        }
        return id;
    }

    /**
     * The lead unit's handler replies and its head signs the reply (issue 15 point 1), as every
     * reply takes before staff review it; answers the sign-off, or the reply's refusal.
     */
    Api.Res replySigned(long id, Object body) {
        return replySigned(leadUnit(), leadUnitHead(), id, body);
    }

    /** As {@link #replySigned(long, Object)} for any unit's handler and head. */
    static Api.Res replySigned(Api handler, Api head, long id, Object body) {
        Api.Res reply = handler.post(P + "/" + id + "/reply", body);
        if (reply.status() != 200 || reply.json().path("replySignedOff").asBoolean()) {
            return reply;
        }
        return head.post(P + "/" + id + "/reply-signoff", Map.of("approve", true));
    }

    /** The lead unit logs contact with the proposer today. */
    void contact(long id) {
        ok(201, leadUnit().post(P + "/" + id + "/handling-records", Map.of("type", PROPOSER_CONTACT,
                "date", LocalDate.now().toString(), "content", "电话联系提案人，沟通办理思路")));
    }

    /** The lead unit replies again (after rehandling) and staff approve it. */
    void replyAgain(long id, String category) {
        contact(id);
        expectStatus(ok(200, replySigned(id, Map.of("category", category,
                "content", "重新办理后的答复"))), "REPLY_REVIEW");
        expectStatus(ok(200, staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
    }

    JsonNode get(long id) {
        return ok(200, staff().get(P + "/" + id));
    }

    String status(long id) {
        return get(id).path("status").asString();
    }

    static Map<String, Object> rating(String attitude, String result) {
        return Map.of("attitude", attitude, "result", result, "comment", "测评意见");
    }

    // --- expectations ---

    static JsonNode ok(int status, Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        return res.json();
    }

    static void expectStatus(JsonNode p, String status) {
        assertThat(p.path("status").asString()).as(p.toString()).isEqualTo(status);
    }

    /** A refusal as problem+json with the given status. */
    static JsonNode refused(int status, Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        assertThat(res.contentType()).as(res.toString()).startsWith("application/problem+json");
        assertThat(res.json().path("status").asInt()).isEqualTo(status);
        assertThat(res.get("detail")).isNotBlank();
        return res.json();
    }

    /** 400 naming exactly these fields in {@code errors}. */
    static void invalid(Api.Res res, String... fields) {
        refused(400, res);
        assertThat(fields(res)).as(res.toString()).containsExactlyInAnyOrder(fields);
    }

    static Set<String> fields(Api.Res res) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode e : res.json().path("errors")) {
            out.add(e.path("field").asString());
            assertThat(e.path("message").asString()).as(res.toString()).isNotBlank();
        }
        return out;
    }

    /** 409 whose detail names the state (its Chinese label). */
    static void wrongState(Api.Res res, String stateLabel) {
        refused(409, res);
        assertThat(res.get("detail")).as(res.toString()).contains("“" + stateLabel + "”");
    }

    static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asLong()));
        return out;
    }
}
