package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ids;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: the lists as a union of indexed sub-queries, walked by cursor. The union equals the one-OR
 * scope rule ({@link ProposalScope#visibleTo}) for every role, in the same order; a cursor walk skips
 * and repeats nothing while cases are added between its pages; a bad cursor is 400 in the user's language.
 */
class ListCursorApiTest extends ProposalApiTestBase {

    /** Years of a term of this class's own: the test committee is shared, and other classes list their years. */
    private static final int YEAR = 2063; // ProposalStatsApiTest has 2043
    private static final int WALK_YEAR = 2064;
    private static final Class<?> CAPPED = capped();

    private static Class<?> capped() {
        try {
            return Class.forName("org.xieshang.proposal.internal.query.CappedLists");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    EntityManager em;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    TransactionTemplate tx;

    private long session;
    private long walkSession;
    private final Map<String, Supplier<Api>> roles = new LinkedHashMap<>();

    @BeforeAll
    void buildCases() {
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", org.xieshang.support.TestSupport.unique("第三十二届"),
                "startDate", "2061-01-01", "endDate", "2065-12-31"))).path("id").asLong();
        session = session(term, YEAR);
        walkSession = session(term, WALK_YEAR);
        Api author = f.c.member(4);
        f.draftIn(session);
        f.draftIn(session, f.member(1));
        long withdrawn = f.draftIn(session);
        expectStatus(ok(200, f.lead().post(P + "/" + withdrawn + "/withdraw", Map.of())), "WITHDRAWN");
        f.caseIn(session, "SUBMITTED", false);
        f.caseIn(session, "FILED", true);
        f.caseIn(session, "ASSIGNED", false);
        f.caseIn(session, "IN_PROGRESS", true);
        long published = f.caseIn(session, "FILED", false);
        ok(200, f.staff().post(P + "/" + published + "/publication", Map.of("published", true)));
        long other = ok(201, author.post(P, Map.of("title", "另一委员的提案", "background", "情况", "suggestions", "建议",
                "category", "城乡建设", "sessionId", session))).path("id").asLong();
        ok(200, author.post(P + "/" + other + "/submit", Map.of()));
        long govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        long keyLed = f.caseIn(session, "ASSIGNED", false);
        ok(200, f.staff().post(P + "/" + keyLed + "/key", Map.of("leadLeaderUserIds", List.of(govId),
                "supervisorUserIds", List.of())));
        ok(200, author.post(P + "/" + ok(201, author.post(P, Map.of("title", "草稿", "background", "情况",
                "suggestions", "建议", "category", "城乡建设", "sessionId", session))).path("id").asLong() + "/withdraw", Map.of()));

        roles.put("ADMIN", () -> f.admin);
        roles.put("PROPOSAL_STAFF", f::staff);
        roles.put("LEADER_CPPCC", f::leaderCppcc);
        roles.put("LEADER_GOV", f::leaderGov);
        roles.put("MEMBER lead proposer", f::lead);
        roles.put("MEMBER co-signer", f::cosigner);
        roles.put("MEMBER other", () -> author);
        roles.put("MEMBER not a proposer", f::other);
        roles.put("UNIT_HANDLER lead unit", f::leadUnit);
        roles.put("UNIT_HEAD lead unit", f::leadUnitHead);
        roles.put("UNIT_HANDLER co-unit", f::coUnit);
        roles.put("UNIT_HANDLER unrelated unit", f::otherUnit);
    }

    private long session(long term, int year) {
        return ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第" + year + "年会议", "year", year,
                "startDate", year + "-01-10"))).path("id").asLong();
    }

    @Test
    void theUnionEqualsTheOneOrRuleForEveryRoleInTheSameOrder() throws Exception {
        for (var role : roles.entrySet()) {
            Api who = role.getValue().get();
            CurrentUser user = user(who);
            List<Long> old = oldRule(user, null);
            assertThat(walk(who, "year=" + YEAR, 2)).as(role.getKey() + ": cursor walk").isEqualTo(old);
            assertThat(pages(who, "year=" + YEAR, 3)).as(role.getKey() + ": page numbers").isEqualTo(old);
            JsonNode all = ok(200, who.get(P + "?year=" + YEAR + "&size=200"));
            assertThat(ids(all)).as(role.getKey()).isEqualTo(old);
            assertThat(all.path("total").asLong()).isEqualTo(old.size());
            assertThat(all.path("totalExact").asBoolean()).isTrue();
            assertThat(all.path("nextCursor").isNull()).as("one page: no next").isTrue();
            // the unit filter (lead or co-unit) is two more alternatives per scope alternative
            for (int unit = 0; unit < 2; unit++) {
                assertThat(walk(who, "year=" + YEAR + "&unitId=" + f.unit(unit), 1))
                        .as(role.getKey() + ": unit " + unit).isEqualTo(oldRule(user, f.unit(unit)));
            }
        }
        // deep page numbers are read with the database's offset over one OR: the same rows
        Object lists = context.getBean(CAPPED);
        org.springframework.test.util.ReflectionTestUtils.setField(lists, "deep", 2);
        try {
            for (var role : roles.entrySet()) {
                assertThat(pages(role.getValue().get(), "year=" + YEAR, 2)).as(role.getKey() + ": deep pages")
                        .isEqualTo(oldRule(user(role.getValue().get()), null));
            }
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(lists, "deep", 10_000);
        }
        assertThat(oldRule(user(f.staff()), null)).as("the data set is not trivial").hasSizeGreaterThan(6);
        assertThat(oldRule(user(f.coUnit()), null)).hasSizeGreaterThan(2);
    }

    @Autowired
    org.xieshang.proposal.internal.query.ProposalQueries queries;

    /**
     * The lists' SQL form of the scope alternatives and filters ({@code ProposalScope.branches},
     * {@code ProposalQueries.filters}) against the criteria form kept for the other callers
     * ({@link ProposalScope#visibleTo}, {@code ProposalQueries.followUp}), for users of random roles,
     * member, unit and account, and random filters: the same cases in the same order, the same total
     * (a page of one: the read model's or the capped count), and a deep page read over the one OR.
     */
    @Test
    void theSqlScopeAndFiltersEqualTheCriteriaRuleForRandomUsersAndFilters() {
        List<CurrentUser> real = roles.values().stream().map(r -> user(r.get())).toList();
        Long committee = real.get(0).committeeId();
        List<Long> memberIds = real.stream().map(CurrentUser::memberId).filter(java.util.Objects::nonNull).distinct().toList();
        List<Long> unitIds = new ArrayList<>(List.of(f.unit(0), f.unit(1), f.unit(2), f.unit(3)));
        List<Long> userIds = real.stream().map(CurrentUser::id).distinct().toList();
        var users = net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.subsetOf(Role.values()),
                net.jqwik.api.Arbitraries.of(memberIds).injectNull(0.3), net.jqwik.api.Arbitraries.of(unitIds).injectNull(0.3),
                net.jqwik.api.Arbitraries.of(userIds)).as((rs, member, unit, id) -> new CurrentUser(id, "random", "", committee,
                        Set.copyOf(rs), member, unit));
        var filters = net.jqwik.api.Combinators.combine(
                net.jqwik.api.Arbitraries.of(org.xieshang.proposal.ProposalStatus.class).injectNull(0.5),
                net.jqwik.api.Arbitraries.of(unitIds).injectNull(0.7), net.jqwik.api.Arbitraries.of(YEAR, YEAR, YEAR, 1950),
                net.jqwik.api.Arbitraries.of("城乡建设", " 城乡建设 ", "教育").injectNull(0.6),
                net.jqwik.api.Arbitraries.of(true, false).injectNull(0.6), net.jqwik.api.Arbitraries.of(true, false).injectNull(0.7),
                net.jqwik.api.Arbitraries.of("A", "B", " B ", "C").injectNull(0.6),
                net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.of(true, false).injectNull(0.6),
                        // signed or not: rarely asked, and mostly "signed" (every case but an unsigned reply), so
                        // that most samples still find cases
                        net.jqwik.api.Arbitraries.of(true, true, false).injectNull(0.85))
                        .as((implemented, signed) -> new Boolean[] {implemented, signed}))
                .as((status, unit, year, category, key, mine, reply, tail) -> new org.xieshang.proposal.internal.query
                        .ProposalQueries.Filter(status, unit, year, category, key, mine, null, reply, tail[0], tail[1]));
        List<CurrentUser> sampledUsers = new ArrayList<>(real);
        users.sampleStream().limit(80).forEach(sampledUsers::add);
        var sampledFilters = filters.sampleStream().limit(sampledUsers.size()).toList();
        int nonEmpty = 0;
        Object lists = context.getBean(CAPPED);
        for (int i = 0; i < sampledUsers.size(); i++) {
            CurrentUser user = sampledUsers.get(i);
            var filter = i < real.size() ? new org.xieshang.proposal.internal.query.ProposalQueries.Filter(null, null, YEAR,
                    null, null, null, null) : sampledFilters.get(i);
            String as = user + " " + filter;
            List<Long> expected = criteriaRule(user, filter);
            nonEmpty += expected.isEmpty() ? 0 : 1;
            var all = as(user, () -> queries.listing(filter, org.springframework.data.domain.PageRequest.of(0, 500), null));
            assertThat(all.page().getContent().stream().map(x -> x.id()).toList()).as(as).isEqualTo(expected);
            var one = as(user, () -> queries.listing(filter, org.springframework.data.domain.PageRequest.of(0, 1), null));
            assertThat(one.page().getTotalElements()).as(as + ": total").isEqualTo(expected.size());
            assertThat(one.totalExact()).isTrue();
            org.springframework.test.util.ReflectionTestUtils.setField(lists, "deep", 1);
            try {
                var deep = as(user, () -> queries.listing(filter, org.springframework.data.domain.PageRequest.of(1, 2), null));
                assertThat(deep.page().getContent().stream().map(x -> x.id()).toList()).as(as + ": deep page")
                        .isEqualTo(expected.subList(Math.min(2, expected.size()), Math.min(4, expected.size())));
            } finally {
                org.springframework.test.util.ReflectionTestUtils.setField(lists, "deep", 10_000);
            }
        }
        // about a third of the random samples find cases; a sixth is the bound that random draws keep clear of
        assertThat(nonEmpty).as("the samples are not trivial").isGreaterThan(sampledUsers.size() / 6);
    }

    /** Runs as this user (the security context the services read), then clears it. */
    private static <T> T as(CurrentUser user, Supplier<T> work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                user, null, List.of()));
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** The list by the criteria form: {@link ProposalScope#visibleTo} (or the member's own cases) and the filters. */
    private List<Long> criteriaRule(CurrentUser user, org.xieshang.proposal.internal.query.ProposalQueries.Filter filter) {
        return CommitteeContext.callAs(user.committeeId(), () -> tx.execute(t -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Proposal> r = q.from(Proposal.class);
            jakarta.persistence.criteria.Predicate where;
            if (Boolean.TRUE.equals(filter.mine()) && user.memberId() != null) {
                var p = q.subquery(Long.class);
                var x = p.from(org.xieshang.proposal.internal.ProposalProposer.class);
                p.select(x.get("id")).where(cb.equal(x.get("proposalId"), r.get("id")), cb.equal(x.get("memberId"), user.memberId()));
                where = cb.exists(p);
            } else {
                where = ProposalScope.visibleTo(user).toPredicate(r, q, cb);
            }
            where = cb.and(where, filter.year() == YEAR ? cb.equal(r.get("sessionId"), session) : cb.disjunction(),
                    org.xieshang.proposal.internal.query.ProposalQueries.followUp(filter).toPredicate(r, q, cb));
            if (filter.status() != null) {
                where = cb.and(where, cb.equal(r.get("status"), filter.status()));
            }
            if (filter.category() != null) {
                where = cb.and(where, cb.equal(r.get("category"), filter.category().strip()));
            }
            if (filter.key() != null) {
                where = cb.and(where, cb.equal(r.get("key"), filter.key()));
            }
            if (filter.unitId() != null) {
                var co = q.subquery(Long.class);
                var u = co.from(org.xieshang.proposal.internal.ProposalCoUnit.class);
                co.select(u.get("id")).where(cb.equal(u.get("proposalId"), r.get("id")), cb.equal(u.get("unitId"), filter.unitId()));
                where = cb.and(where, cb.or(cb.equal(r.get("leadUnitId"), filter.unitId()), cb.exists(co)));
            }
            q.select(r.get("id")).where(where).orderBy(cb.desc(r.get("createdAt")), cb.desc(r.get("id")));
            return em.createQuery(q).getResultList();
        }));
    }

    @Test
    void aCursorWalkSkipsAndRepeatsNothingWhileCasesAreAdded() {
        long s = walkSession;
        f.caseIn(s, "ASSIGNED", false);
        f.caseIn(s, "ASSIGNED", false);
        f.caseIn(s, "SUBMITTED", false);
        f.caseIn(s, "SUBMITTED", false);
        // the whole list, the filtered list and a unit's list, each walked while new cases arrive
        check(f.staff(), "", () -> f.caseIn(s, "SUBMITTED", false));
        check(f.staff(), "&status=SUBMITTED", () -> f.caseIn(s, "SUBMITTED", false));
        check(f.leadUnit(), "", () -> f.caseIn(s, "ASSIGNED", false));
        check(f.staff(), "&unitId=" + f.unit(1), () -> f.caseIn(s, "ASSIGNED", false));
    }

    /** Walks the list one by one, adding a matching case before each next page. */
    private void check(Api who, String filter, Runnable add) {
        String query = "year=" + WALK_YEAR + filter;
        List<Long> before = walk(who, query, 200);
        assertThat(before).hasSizeGreaterThan(1);
        List<Long> walked = new ArrayList<>();
        String cursor = null;
        int added = 0;
        do {
            JsonNode page = ok(200, who.get(P + "?" + query + "&size=1" + (cursor == null ? "" : "&cursor=" + cursor)));
            walked.addAll(ids(page));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            if (cursor != null) {
                add.run();
                added++;
            }
        } while (cursor != null);
        assertThat(added).isPositive();
        assertThat(walked).as("no row skipped, none repeated, none of the new ones").isEqualTo(before);
        List<Long> fresh = walk(who, query, 2);
        assertThat(fresh).as("a fresh walk shows the new cases first").hasSize(before.size() + added)
                .endsWith(before.toArray(Long[]::new));
    }

    @Test
    void aBadCursorIs400InTheUsersLanguage() {
        for (String bad : List.of("abc", "MTo", "%21%21", base64("2:1:0:5"), base64("1:x:0:5"), base64("1:1:0:0"),
                base64("1:1:-1:5"), base64("1:99999999999999999999:0:5"))) {
            invalid(f.staff().get(P + "?cursor=" + bad), "cursor");
        }
        Api.Res zh = f.staff().get(P + "?cursor=abc");
        assertThat(zh.json().path("errors").get(0).path("message").asString()).contains("游标");
        Api.Res en = f.staff().lang("en").get(P + "?cursor=abc");
        assertThat(en.json().path("errors").get(0).path("message").asString()).contains("cursor is not valid");
        // full-text results are ranked: no cursor there
        invalid(f.staff().get(P + "?q=" + URLEncoder.encode("建议", StandardCharsets.UTF_8) + "&cursor="
                + base64("1:1:0:5")), "cursor");
        assertThat(ok(200, f.staff().get(P + "?q=" + URLEncoder.encode("建议", StandardCharsets.UTF_8)))
                .path("nextCursor").isNull()).isTrue();
    }

    /** The pages: "next" reads by cursor; a capped count shows "N+"; an edited cursor is ignored, not an error. */
    @Test
    void thePagesWalkByCursorAndShowACappedCount() throws Exception {
        String password = "Cursor-pages-2026";
        var account = org.xieshang.support.TestSupport.account(f.admin, List.of("MEMBER"), f.member(2), null, password);
        Api member = new Api(port).login(account.username(), password);
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            drafts.add(0, ok(201, member.post(P, Map.of("title", "翻页草稿 " + i, "background", "情况", "suggestions", "建议",
                    "category", "城乡建设", "sessionId", session))).path("id").asLong());
        }
        var pages = new org.xieshang.support.PageClient(port).signIn(account.username(), password);
        var first = pages.get("/proposals/mine?status=DRAFT");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("共 21 件提案").contains("/proposals/" + drafts.get(19) + "\"")
                .doesNotContain("/proposals/" + drafts.get(20) + "\"");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/proposals/mine\\?[^\"]*cursor=[^\"]+)\" [^>]*rel=\"next\"")
                .matcher(first.body());
        assertThat(next.find()).as("the next link carries the cursor").isTrue();
        var second = pages.get(next.group(1).replace("&amp;", "&"));
        assertThat(second.body()).contains("/proposals/" + drafts.get(20) + "\"").contains("第 2 / 2 页")
                .doesNotContain("rel=\"next\"");
        assertThat(pages.get("/proposals/mine?status=DRAFT&page=1&cursor=nonsense").body())
                .as("an edited cursor falls back to the page number").contains("/proposals/" + drafts.get(20) + "\"");
        Object lists = context.getBean(CAPPED);
        org.springframework.test.util.ReflectionTestUtils.setField(lists, "cap", 2);
        try {
            assertThat(pages.get("/proposals/mine?status=DRAFT").body()).contains("共 2+ 件提案");
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(lists, "cap", 10_000);
        }
    }

    private static String base64(String raw) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The list's ids walked by cursor; each id once. */
    private static List<Long> walk(Api who, String query, int size) {
        List<Long> out = new ArrayList<>();
        String cursor = null;
        int guard = 0;
        do {
            JsonNode page = ok(200, who.get(P + "?" + query + "&size=" + size + (cursor == null ? "" : "&cursor=" + cursor)));
            out.addAll(ids(page));
            assertThat(ids(page)).hasSizeLessThanOrEqualTo(size);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            assertThat(++guard).isLessThan(500);
        } while (cursor != null);
        assertThat(new HashSet<>(out)).hasSameSizeAs(out);
        return out;
    }

    /** The list's ids read by page number. */
    private static List<Long> pages(Api who, String query, int size) {
        List<Long> out = new ArrayList<>();
        for (int p = 0; ; p++) {
            List<Long> page = ids(ok(200, who.get(P + "?" + query + "&size=" + size + "&page=" + p)));
            if (page.isEmpty()) {
                return out;
            }
            out.addAll(page);
        }
    }

    private CurrentUser user(Api who) {
        JsonNode me = ok(200, who.get("/api/v1/me"));
        Set<Role> roleSet = new HashSet<>();
        me.path("roles").forEach(r -> roleSet.add(Role.valueOf(r.asString())));
        return new CurrentUser(me.path("id").asLong(), me.path("username").asString(), "", committee(), roleSet,
                me.path("memberId").isNull() || me.path("memberId").isMissingNode() ? null : me.path("memberId").asLong(),
                me.path("unitId").isNull() || me.path("unitId").isMissingNode() ? null : me.path("unitId").asLong());
    }

    private Long committee() {
        return CommitteeContext.callAsSystem(() -> tx.execute(t -> em.createQuery(
                "select p.committeeId from Proposal p where p.sessionId = :s", Long.class)
                .setParameter("s", session).setMaxResults(1).getSingleResult()));
    }

    /** The ids of the session's year by the old rule: one OR over the scope, newest first. */
    private List<Long> oldRule(CurrentUser user, Long unitId) {
        return CommitteeContext.callAs(user.committeeId(), () -> tx.execute(t -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Proposal> r = q.from(Proposal.class);
            var where = ProposalScope.visibleTo(user).toPredicate(r, q, cb);
            where = cb.and(where, cb.equal(r.get("sessionId"), session));
            if (unitId != null) {
                var co = q.subquery(Long.class);
                var u = co.from(org.xieshang.proposal.internal.ProposalCoUnit.class);
                co.select(u.get("id")).where(cb.equal(u.get("proposalId"), r.get("id")), cb.equal(u.get("unitId"), unitId));
                where = cb.and(where, cb.or(cb.equal(r.get("leadUnitId"), unitId), cb.exists(co)));
            }
            q.select(r.get("id")).where(where).orderBy(cb.desc(r.get("createdAt")), cb.desc(r.get("id")));
            return em.createQuery(q).getResultList();
        }));
    }
}
