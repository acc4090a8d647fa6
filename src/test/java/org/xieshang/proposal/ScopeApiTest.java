package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Data scope (one rule for lists and cases): members see their own cases (as any proposer) and
 * published ones; a unit sees what is assigned to it (lead or co-unit); staff and CPPCC leaders
 * see every case of their committee except drafts; a party/government leader sees the key cases it
 * lead-handles. For every role, the list holds exactly the
 * cases whose detail answers 200, and that set is the one the rule names.
 *
 * <p>The cases live in a session of a year no other test uses, so a list filtered by that year
 * holds only them.
 */
class ScopeApiTest extends ProposalApiTestBase {

    private static final int YEAR = 2027;
    private static final Set<String> PUBLISHED = Set.of("closedPublished", "filedPublished");

    private final Map<String, Long> cases = new LinkedHashMap<>();
    private final Map<String, Supplier<Api>> roles = new HashMap<>();
    private Api author;

    @BeforeAll
    void buildCases() {
        long session = f.newSession(YEAR);
        author = f.c.member(4);

        cases.put("draft", f.draftIn(session));
        cases.put("jointDraft", f.draftIn(session, f.member(1)));
        long withdrawn = f.draftIn(session);
        expectStatus(ok(200, f.lead().post(P + "/" + withdrawn + "/withdraw", Map.of())), "WITHDRAWN");
        cases.put("withdrawnDraft", withdrawn);
        long awaiting = f.draftIn(session, f.member(1));
        expectStatus(ok(200, f.lead().post(P + "/" + awaiting + "/submit", Map.of())), "AWAITING_COSIGNERS");
        cases.put("awaitingCoSigners", awaiting);
        cases.put("submitted", f.caseIn(session, "SUBMITTED", false));
        long filed = f.caseIn(session, "FILED", false);
        cases.put("filed", filed);
        long notFiled = f.caseIn(session, "SUBMITTED", false);
        expectStatus(ok(200, f.staff().post(P + "/" + notFiled + "/review", Map.of("decision", "NOT_FILE",
                "reason", "内容空泛，无具体建议"))), "NOT_FILED");
        cases.put("notFiled", notFiled);
        long merged = ok(201, author.post(P, Map.of("title", "并入的提案", "background", "情况", "suggestions", "建议",
                "category", "城乡建设", "sessionId", session))).path("id").asLong();
        ok(200, author.post(P + "/" + merged + "/submit", Map.of()));
        expectStatus(ok(200, f.staff().post(P + "/" + merged + "/merge", Map.of("intoId", filed))), "MERGED");
        cases.put("mergedSource", merged);
        cases.put("assigned", f.caseIn(session, "ASSIGNED", false));
        cases.put("inProgress", f.caseIn(session, "IN_PROGRESS", false));
        long reassigned = f.caseIn(session, "ASSIGNED", false);
        ok(201, f.leadUnit().post(P + "/" + reassigned + "/reassignment-requests", Map.of("reason", "不属于本单位职责")));
        ok(200, f.staff().post(P + "/" + reassigned + "/assign", Map.of("leadUnitId", f.unit(3))));
        cases.put("reassigned", reassigned);
        cases.put("replied", f.caseIn(session, "REPLIED", true));
        long closedPublished = f.caseIn(session, "CLOSED", false);
        ok(200, f.staff().post(P + "/" + closedPublished + "/publication", Map.of("published", true)));
        cases.put("closedPublished", closedPublished);
        long filedPublished = f.caseIn(session, "FILED", false);
        ok(200, f.staff().post(P + "/" + filedPublished + "/publication", Map.of("published", true)));
        cases.put("filedPublished", filedPublished);
        long confidential = f.caseIn(session, "CLOSED", false);
        ok(200, f.staff().post(P + "/" + confidential + "/publication", Map.of("confidential", true)));
        cases.put("confidential", confidential);
        cases.put("collective", ok(201, f.staff().post(P + "/collective", Map.of("title", "界别集体提案", "background", "情况",
                "suggestions", "建议", "category", "城乡建设", "sessionId", session, "collectiveName", "经济界别",
                "convenerMemberId", f.member(4)))).path("id").asLong());

        // key proposals: one lead-handled by the LEADER_GOV user of the roles below, one by another leader
        long govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        long otherGovId = ok(200, f.c.role("LEADER_GOV").get("/api/v1/me")).path("id").asLong();
        long keyLed = f.caseIn(session, "ASSIGNED", false);
        ok(200, f.staff().post(P + "/" + keyLed + "/key", Map.of("leadLeaderUserIds", java.util.List.of(govId),
                "supervisorUserIds", java.util.List.of())));
        cases.put("keyLed", keyLed);
        long keyOther = f.caseIn(session, "FILED", false);
        ok(200, f.staff().post(P + "/" + keyOther + "/key", Map.of("leadLeaderUserIds", java.util.List.of(otherGovId),
                "supervisorUserIds", java.util.List.of())));
        cases.put("keyLedByAnother", keyOther);

        roles.put("ADMIN", () -> f.admin);
        roles.put("PROPOSAL_STAFF", f::staff);
        roles.put("LEADER_CPPCC", f::leaderCppcc);
        roles.put("MEMBER lead proposer", f::lead);
        roles.put("MEMBER co-signer", f::cosigner);
        roles.put("MEMBER of a merged and a collective case", () -> author);
        roles.put("MEMBER not a proposer", f::other);
        roles.put("UNIT_HANDLER lead unit", f::leadUnit);
        roles.put("UNIT_HEAD lead unit", f::leadUnitHead);
        roles.put("UNIT_HANDLER co-unit", f::coUnit);
        roles.put("UNIT_HANDLER unrelated unit", f::otherUnit);
        roles.put("UNIT_HANDLER unit assigned after re-assignment", f::newUnit);
        roles.put("LEADER_GOV", f::leaderGov);
    }

    /** What each role must see, written out from the rule (not derived from the code). */
    private Set<String> expected(String role) {
        Set<String> all = new TreeSet<>(cases.keySet());
        Set<String> out = new TreeSet<>(PUBLISHED);
        switch (role) {
            case "ADMIN", "PROPOSAL_STAFF", "LEADER_CPPCC" -> {
                out.addAll(all);
                out.removeAll(Set.of("draft", "jointDraft", "withdrawnDraft"));
            }
            case "MEMBER lead proposer" -> {
                out.addAll(all);
                out.removeAll(Set.of("mergedSource", "collective"));
            }
            case "MEMBER co-signer" -> out.addAll(Set.of("jointDraft", "awaitingCoSigners", "replied"));
            case "MEMBER of a merged and a collective case" -> out.addAll(Set.of("mergedSource", "filed", "collective"));
            case "UNIT_HANDLER lead unit", "UNIT_HEAD lead unit", "UNIT_HANDLER co-unit" ->
                    out.addAll(Set.of("assigned", "inProgress", "replied", "confidential", "keyLed"));
            case "UNIT_HANDLER unit assigned after re-assignment" -> out.add("reassigned");
            case "LEADER_GOV" -> out.add("keyLed"); // the key case it lead-handles
            case "MEMBER not a proposer", "UNIT_HANDLER unrelated unit" -> {
                // published ones only
            }
            default -> throw new IllegalArgumentException(role);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ADMIN", "PROPOSAL_STAFF", "LEADER_CPPCC", "MEMBER lead proposer", "MEMBER co-signer",
            "MEMBER of a merged and a collective case", "MEMBER not a proposer", "UNIT_HANDLER lead unit",
            "UNIT_HEAD lead unit", "UNIT_HANDLER co-unit", "UNIT_HANDLER unrelated unit",
            "UNIT_HANDLER unit assigned after re-assignment", "LEADER_GOV"})
    void listAndDetailShowTheSameCases(String role) {
        Api who = roles.get(role).get();

        Map<Long, String> statusInDetail = new HashMap<>();
        Set<String> visible = new TreeSet<>();
        cases.forEach((name, id) -> {
            Api.Res res = who.get(P + "/" + id);
            assertThat(res.status()).as(role + " GET " + name + ": " + res).isIn(200, 404);
            if (res.status() == 200) {
                visible.add(name);
                statusInDetail.put(id, res.get("status"));
            }
        });

        JsonNode page = ok(200, who.get(P + "?year=" + YEAR + "&size=200"));
        Map<Long, String> byId = new HashMap<>();
        cases.forEach((name, id) -> byId.put(id, name));
        Set<String> listed = new TreeSet<>();
        for (JsonNode item : page.path("items")) {
            String name = byId.get(item.path("id").asLong());
            assertThat(name).as(role + " lists a case of this session only: " + item).isNotNull();
            listed.add(name);
            assertThat(item.path("status").asString()).as(name).isEqualTo(statusInDetail.get(item.path("id").asLong()));
        }

        assertThat(listed).as(role + ": the list holds exactly the cases whose detail answers 200").isEqualTo(visible);
        // full-text search applies the same rule over the index (every case's text contains 建议)
        JsonNode searched = ok(200, who.get(P + "?year=" + YEAR + "&size=200&q=" + java.net.URLEncoder.encode("建议",
                java.nio.charset.StandardCharsets.UTF_8)));
        Set<String> found = new TreeSet<>();
        searched.path("items").forEach(i -> found.add(byId.get(i.path("id").asLong())));
        assertThat(found).as(role + ": search shows exactly the visible cases").isEqualTo(visible);
        assertThat(page.path("total").asLong()).isEqualTo(visible.size());
        assertThat(visible).as(role + ": the cases the rule names").isEqualTo(expected(role));
        // the status filter applies the same scope
        JsonNode closed = ok(200, who.get(P + "?year=" + YEAR + "&status=CLOSED&size=200"));
        Set<String> closedListed = new TreeSet<>();
        closed.path("items").forEach(i -> closedListed.add(byId.get(i.path("id").asLong())));
        Set<String> closedVisible = new TreeSet<>(visible);
        closedVisible.retainAll(Set.of("closedPublished", "confidential"));
        assertThat(closedListed).isEqualTo(closedVisible);
    }
}
