package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: the lists' total for those who see every case comes from the statistics read model
 * (docs/perf.md, "Lists"); it must equal a direct count of the cases the user sees with the same
 * filters, for every role and every filter the read model answers, also after cases change; and the
 * pager says "page n" without "of m" when the total is not exact.
 */
class ListTotalApiTest extends ProposalApiTestBase {

    private static final int YEAR = 2071; // a year of this class's own (ListCursorApiTest has 2063/2064)

    /** The filters checked, as query strings, each with the same filter on a case. */
    private static final Map<String, Predicate<Proposal>> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("", p -> true);
        for (ProposalStatus s : List.of(ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN, ProposalStatus.SUBMITTED,
                ProposalStatus.FILED, ProposalStatus.ASSIGNED, ProposalStatus.REPLIED, ProposalStatus.CLOSED,
                ProposalStatus.MERGED, ProposalStatus.NOT_FILED)) {
            FILTERS.put("status=" + s, p -> p.getStatus() == s);
        }
        FILTERS.put("category=" + enc(CATEGORY()), p -> CATEGORY().equals(p.getCategory()));
        FILTERS.put("key=true", Proposal::isKey);
        FILTERS.put("key=false", p -> !p.isKey());
        FILTERS.put("key=true&status=ASSIGNED", p -> p.isKey() && p.getStatus() == ProposalStatus.ASSIGNED);
        FILTERS.put("replyCategory=B", p -> "B".equals(p.getApprovedReplyCategory()));
        FILTERS.put("replyCategory=B&implemented=true", p -> "B".equals(p.getApprovedReplyCategory()) && p.getImplementedOn() != null);
        FILTERS.put("replyCategory=B&implemented=false", p -> "B".equals(p.getApprovedReplyCategory()) && p.getImplementedOn() == null);
        FILTERS.put("key=false&category=" + enc(CATEGORY()) + "&status=SUBMITTED",
                p -> !p.isKey() && CATEGORY().equals(p.getCategory()) && p.getStatus() == ProposalStatus.SUBMITTED);
        // not answered by the read model (the capped count): still exact at this size
        FILTERS.put("implemented=false", p -> p.getImplementedOn() == null);
    }

    private static String CATEGORY() {
        return "城乡建设";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private long session;
    private long committee;
    private Api author;
    private final Map<String, Supplier<Api>> roles = new LinkedHashMap<>();

    @BeforeAll
    void buildCases() {
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", org.xieshang.support.TestSupport.unique("第四十届"),
                "startDate", "2070-01-01", "endDate", "2074-12-31"))).path("id").asLong();
        session = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第" + YEAR + "年会议",
                "year", YEAR, "startDate", YEAR + "-01-10"))).path("id").asLong();
        author = f.c.member(4);
        f.draftIn(session);
        f.draftIn(session, f.member(1));
        long withdrawnDraft = f.draftIn(session);
        expectStatus(ok(200, f.lead().post(P + "/" + withdrawnDraft + "/withdraw", Map.of())), "WITHDRAWN");
        long withdrawnLater = f.caseIn(session, "SUBMITTED", false);
        expectStatus(ok(200, f.lead().post(P + "/" + withdrawnLater + "/withdraw", Map.of())), "WITHDRAWN");
        f.caseIn(session, "SUBMITTED", false);
        f.caseIn(session, "FILED", true);
        f.caseIn(session, "ASSIGNED", false);
        long key = f.caseIn(session, "IN_PROGRESS", true);
        ok(200, f.staff().post(P + "/" + key + "/key", Map.of()));
        f.caseIn(session, "REPLIED", false);
        long implemented = f.caseIn(session, "CLOSED", false);
        ok(200, f.leadUnit().post(P + "/" + implemented + "/implementation-report", Map.of("content", "计划已全部落实")));
        f.caseIn(session, "CLOSED", false);
        long published = f.caseIn(session, "FILED", false);
        ok(200, f.staff().post(P + "/" + published + "/publication", Map.of("published", true)));
        long govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        long keyLed = f.caseIn(session, "ASSIGNED", false);
        ok(200, f.staff().post(P + "/" + keyLed + "/key", Map.of("leadLeaderUserIds", List.of(govId),
                "supervisorUserIds", List.of())));
        long target = f.caseIn(session, "SUBMITTED", false);
        long source = f.caseIn(session, "SUBMITTED", true);
        ok(200, f.staff().post(P + "/" + source + "/merge", Map.of("intoId", target)));
        long notFiled = f.caseIn(session, "SUBMITTED", false);
        ok(200, f.staff().post(P + "/" + notFiled + "/review", Map.of("decision", "NOT_FILE", "reason", "内容空泛，无具体建议")));
        long other = ok(201, author.post(P, Map.of("title", "另一委员的提案", "background", "情况", "suggestions", "建议",
                "category", CATEGORY(), "sessionId", session))).path("id").asLong();
        ok(200, author.post(P + "/" + other + "/submit", Map.of()));
        ok(201, author.post(P, Map.of("title", "另一委员的草稿", "background", "情况", "suggestions", "建议",
                "category", CATEGORY(), "sessionId", session)));

        roles.put("ADMIN", () -> f.admin);
        roles.put("PROPOSAL_STAFF", f::staff);
        roles.put("LEADER_CPPCC", f::leaderCppcc);
        roles.put("LEADER_GOV", f::leaderGov);
        roles.put("MEMBER lead proposer", f::lead);
        roles.put("MEMBER co-signer", f::cosigner);
        roles.put("MEMBER other", () -> author);
        roles.put("UNIT_HANDLER lead unit", f::leadUnit);
        roles.put("UNIT_HANDLER co-unit", f::coUnit);
        committee = CommitteeContext.callAsSystem(() -> tx.execute(t -> em.createQuery(
                "select p.committeeId from Proposal p where p.sessionId = :s", Long.class)
                .setParameter("s", session).setMaxResults(1).getSingleResult()));
    }

    @Test
    void theTotalEqualsACountOfTheVisibleCasesForEveryRoleAndFilter() {
        assertTotals("as built");
        // the read model's total does not depend on the cap: with a cap of 1, staff still get exact totals
        Object lists = context.getBean(capped());
        ReflectionTestUtils.setField(lists, "cap", 1);
        try {
            assertTotals("cap 1");
            for (String filter : List.of("", "status=FILED", "key=false", "replyCategory=B")) {
                for (Api staff : List.of(f.admin, f.staff())) {
                    JsonNode page = ok(200, staff.get(P + "?year=" + YEAR + "&size=1&" + filter));
                    assertThat(page.path("totalExact").asBoolean()).as(filter).isTrue();
                }
            }
            JsonNode unit = ok(200, f.leadUnit().get(P + "?year=" + YEAR + "&size=1"));
            assertThat(unit.path("totalExact").asBoolean()).as("a unit's list keeps the capped count").isFalse();
        } finally {
            ReflectionTestUtils.setField(lists, "cap", 10_000);
        }
        assertThat(visible(user(f.staff()), p -> true)).as("the data set is not trivial").isGreaterThan(10);
    }

    @Test
    void theTotalFollowsCaseChanges() {
        assertTotals("before");
        long filed = f.caseIn(session, "FILED", false);
        assertTotals("a case filed");
        long draft = f.draftIn(session);
        assertTotals("a new draft");
        expectStatus(ok(200, f.lead().post(P + "/" + draft + "/withdraw", Map.of())), "WITHDRAWN");
        assertTotals("a draft withdrawn");
        long submitted = f.caseIn(session, "SUBMITTED", false);
        expectStatus(ok(200, f.lead().post(P + "/" + submitted + "/withdraw", Map.of())), "WITHDRAWN");
        assertTotals("a submitted case withdrawn");
        long into = f.caseIn(session, "SUBMITTED", false);
        long merged = f.caseIn(session, "SUBMITTED", false);
        ok(200, f.staff().post(P + "/" + merged + "/merge", Map.of("intoId", into)));
        assertTotals("merged");
        f.advance(filed, "REPLIED", false);
        assertTotals("assigned and replied");
        ok(200, f.staff().post(P + "/" + filed + "/key", Map.of()));
        ok(200, f.leadUnit().post(P + "/" + filed + "/implementation-report", Map.of("content", "已落实")));
        assertTotals("key and implemented");
    }

    /** The pages: beyond an inexact total the pager says "page n" and offers "next", never "of m". */
    @Test
    void thePagerWithoutAnExactTotalSaysPageNWithoutOfM() throws Exception {
        String password = "List-total-pages-2071";
        var account = org.xieshang.support.TestSupport.account(f.admin, List.of("MEMBER"), f.member(2), null, password);
        Api member = new Api(port).login(account.username(), password);
        for (int i = 0; i < 21; i++) {
            ok(201, member.post(P, Map.of("title", "分页草稿 " + i, "background", "情况", "suggestions", "建议",
                    "category", CATEGORY(), "sessionId", session)));
        }
        var pages = new org.xieshang.support.PageClient(port).signIn(account.username(), password);
        assertThat(pages.get("/proposals/mine?status=DRAFT").body()).contains("共 21 件提案").contains("第 1 / 2 页");
        Object lists = context.getBean(capped());
        ReflectionTestUtils.setField(lists, "cap", 2);
        try {
            String first = pages.get("/proposals/mine?status=DRAFT").body();
            assertThat(first).contains("共 2+ 件提案").contains("第 1 页").doesNotContain("第 1 / ").contains("rel=\"next\"");
            String second = pages.get("/proposals/mine?status=DRAFT&page=1").body();
            assertThat(second).as("the last page knows its total").contains("共 21 件提案").contains("第 2 / 2 页");
        } finally {
            ReflectionTestUtils.setField(lists, "cap", 10_000);
        }
    }

    private static Class<?> capped() {
        try {
            return Class.forName("org.xieshang.proposal.internal.query.CappedLists");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every role, every filter: the list's total (a page of one row, so that it is counted) equals the direct count. */
    private void assertTotals(String when) {
        for (var role : roles.entrySet()) {
            Api who = role.getValue().get();
            CurrentUser user = user(who);
            for (var filter : FILTERS.entrySet()) {
                JsonNode page = ok(200, who.get(P + "?year=" + YEAR + "&size=1" + (filter.getKey().isEmpty() ? "" : "&" + filter.getKey())));
                String what = when + ", " + role.getKey() + ", " + filter.getKey();
                if (page.path("totalExact").asBoolean()) {
                    assertThat(page.path("total").asLong()).as(what).isEqualTo(visible(user, filter.getValue()));
                } else {
                    assertThat(page.path("total").asLong()).as(what + " (capped)").isGreaterThan(1);
                }
                if (ProposalScope.seesAllCases(user) && !filter.getKey().equals("implemented=false")) {
                    assertThat(page.path("totalExact").asBoolean()).as(what + ": exact from the read model").isTrue();
                }
            }
        }
    }

    /** The oracle: the cases of the session the one-OR scope rule shows the user, filtered here. */
    private long visible(CurrentUser user, Predicate<Proposal> filter) {
        return CommitteeContext.callAs(committee, () -> tx.execute(t -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Proposal> q = cb.createQuery(Proposal.class);
            Root<Proposal> r = q.from(Proposal.class);
            q.where(cb.and(ProposalScope.visibleTo(user).toPredicate(r, q, cb), cb.equal(r.get("sessionId"), session)));
            List<Proposal> all = em.createQuery(q).getResultList();
            long n = all.stream().filter(filter).count();
            em.clear();
            return n;
        }));
    }

    private CurrentUser user(Api who) {
        JsonNode me = ok(200, who.get("/api/v1/me"));
        Set<Role> roleSet = new HashSet<>();
        me.path("roles").forEach(r -> roleSet.add(Role.valueOf(r.asString())));
        return new CurrentUser(me.path("id").asLong(), me.path("username").asString(), "", committee, roleSet,
                me.path("memberId").isNull() || me.path("memberId").isMissingNode() ? null : me.path("memberId").asLong(),
                me.path("unitId").isNull() || me.path("unitId").isMissingNode() ? null : me.path("unitId").asLong());
    }
}
