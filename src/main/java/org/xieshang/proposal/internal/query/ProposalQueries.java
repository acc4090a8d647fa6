package org.xieshang.proposal.internal.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.member.MemberDirectory;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseRows;
import org.xieshang.proposal.internal.CaseCondition;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.proposal.internal.ProposalSettings;
import org.xieshang.proposal.internal.ProposerKind;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.ReplyVisibility;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.handling.ProposerContact;
import org.xieshang.proposal.internal.query.ProposalViews.AttachmentView;
import org.xieshang.proposal.internal.query.ProposalViews.CoUnitView;
import org.xieshang.proposal.internal.query.ProposalViews.EvaluationView;
import org.xieshang.proposal.internal.query.ProposalViews.HistoryView;
import org.xieshang.proposal.internal.query.ProposalViews.PartView;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalSummary;
import org.xieshang.proposal.internal.query.ProposalViews.ProposerView;
import org.xieshang.proposal.internal.query.ProposalViews.ReassignmentView;
import org.xieshang.proposal.internal.query.ProposalViews.RecordView;
import org.xieshang.proposal.internal.query.ProposalViews.Satisfaction;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.InvalidInput;

/** Reading cases: the detail of one, and lists filtered by the same scope rule. */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

    /**
     * @param replyCategory the approved reply's class
     * @param implemented   with {@code replyCategory=B}: whether the unit has reported the matter done
     * @param replySignedOff whether the reply awaiting review is signed by the unit's head (the office's
     *                       queue lists only those: the others still wait for the head)
     */
    public record Filter(ProposalStatus status, Long unitId, Integer year, String category, Boolean key, Boolean mine,
                  String q, String replyCategory, Boolean implemented, Boolean replySignedOff) {

        public Filter(ProposalStatus status, Long unitId, Integer year, String category, Boolean key, Boolean mine,
                      String q, String replyCategory, Boolean implemented) {
            this(status, unitId, year, category, key, mine, q, replyCategory, implemented, null);
        }

        public Filter(ProposalStatus status, Long unitId, Integer year, String category, Boolean key, Boolean mine,
                      String q) {
            this(status, unitId, year, category, key, mine, q, null, null);
        }
    }

    /** A rating as the detail reads it (the view adds the member's name). */
    private record Rated(Long memberId, Long unitId, int round, Rating attitude, Rating result, String comment,
                         java.time.Instant at) {
    }

    private final CaseSupport cases;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final ProposalSearch search;
    private final ProposerContact contact;
    private final UserAccounts accounts;
    private final CappedLists lists;
    private final ListTotals totals;

    ProposalQueries(CaseSupport cases, MemberDirectory members, ReferenceData reference, ProposalSearch search,
                    ProposerContact contact, UserAccounts accounts, CappedLists lists, ListTotals totals) {
        this.totals = totals;
        this.accounts = accounts;
        this.lists = lists;
        this.search = search;
        this.contact = contact;
        this.cases = cases;
        this.members = members;
        this.reference = reference;
    }

    /**
     * One case as the current user may see it: the row, then its collections in one statement
     * ({@link CaseRows}), by plain JDBC into the views without a JPA session or transaction of its own
     * (issue 16: a caller's is joined); the members' names in one, unit names from the reference cache.
     */
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public ProposalDetail detail(Long id) {
        return detail(cases.readToShow(id));
    }

    /** As {@link #detail(Long)} of a case the caller has read already (the case page). */
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public ProposalDetail detail(CaseRows.Read read) {
        ProposalCase c = read.kase();
        Proposal p = c.proposal();
        CurrentUser user = CurrentUsers.require();
        // the units handling the case reach its proposers; no one else gets their contact details here
        java.util.Set<Step.Actor> actors = c.actorsOf(user);
        Map<Long, MemberDirectory.Contact> contacts = actors.contains(Step.Actor.LEAD_UNIT) || actors.contains(Step.Actor.CO_UNIT)
                ? members.contacts(c.proposers().stream().map(ProposalProposer::getMemberId).toList()) : Map.of();
        // the kinds a case cannot hold in its state were not asked for (CaseRows.detailKinds)
        List<Rated> evals = read.of(CaseRows.Kind.EVALUATION).stream().map(r -> new Rated(r.a1(), r.a2(), r.i1(),
                Rating.valueOf(r.s1()), Rating.valueOf(r.s2()), r.s3(), r.t1())).toList();
        java.util.Set<Long> named = new java.util.HashSet<>();
        c.proposers().forEach(x -> named.add(x.getMemberId()));
        evals.forEach(e -> named.add(e.memberId()));
        Map<Long, String> names = new HashMap<>(members.names(named));
        List<ProposerView> proposers = c.proposers().stream().map(x -> {
            MemberDirectory.Contact reach = contacts.get(x.getMemberId());
            return new ProposerView(x.getMemberId(), name(names, x.getMemberId()), x.getRole().name(),
                    x.getConfirmation().name(), x.getMergedFromId(), reach == null ? null : reach.phone(),
                    reach == null ? null : reach.email());
        }).toList();
        Long lead = c.leadMemberId();
        // a split case's satisfaction is the lead proposer's rating of the lead unit's part (docs/signoff.md)
        Satisfaction satisfaction = evals.stream().filter(e -> e.memberId().equals(lead)
                        && (e.unitId() == null || e.unitId().equals(p.getLeadUnitId())))
                .reduce((a, b) -> b).map(e -> new Satisfaction(e.attitude(), e.result())).orElse(null);
        List<CoUnitView> coUnits = c.coUnits().stream().map(u -> new CoUnitView(u.getUnitId(), unitName(u.getUnitId()),
                u.getOpinion(), u.getOpinionAt(), u.isOpinionOnPaper(), u.getRemindedAt())).toList();
        List<RecordView> handling = read.of(CaseRows.Kind.RECORD).stream().map(r -> new RecordView(r.id(), r.a1(),
                HandlingType.valueOf(r.s1()), r.d1(), r.s2(), r.i1(), r.s3())).toList();
        // the contact rule from the records just read (ProposerContact.overdue would read them again)
        LocalDate contactDue = contact.dueDate(p);
        boolean contacted = handling.stream().anyMatch(r -> r.type() == HandlingType.PROPOSER_CONTACT
                && p.getLeadUnitId() != null && p.getLeadUnitId().equals(r.unitId()));
        return new ProposalDetail(p.getId(), p.getNumber(), p.getTitle(), p.getBackground(), p.getSuggestions(),
                p.getCategory(), p.getStatus(), p.getProposerKind().name(), p.getCollectiveName(), p.getSessionId(),
                p.isDuringPlenary(), proposers, p.getHandlingMode() == null ? null : p.getHandlingMode().name(),
                p.getLeadUnitId(), unitName(p.getLeadUnitId()), c.coUnits().stream().map(ProposalCoUnit::getUnitId).toList(),
                coUnits, p.getAssignedOn(), p.getAcceptedOn(), contactDue, contact.overdue(p, contactDue, contacted),
                p.getDueDate(), p.isKey(), p.isPublished(), p.isConfidential(),
                ReplyVisibility.category(user, p), ReplyVisibility.content(user, p),
                p.getRepliedOn(), p.getReplyRound(),
                p.isRehandled(), p.getImplementedOn(), p.getImplementationNote(), satisfaction, p.getNotFiledGround(),
                p.getDecisionReason(), p.getMergedIntoId(), p.getSubmittedOn(), p.getClosedOn(),
                handling,
                evals.stream().map(e -> new EvaluationView(e.memberId(), name(names, e.memberId()), e.round(),
                        e.attitude(), e.result(), e.comment(), e.at(), e.unitId())).toList(),
                read.of(CaseRows.Kind.REASSIGNMENT).stream().map(r -> new ReassignmentView(r.a1(), r.s1(), r.t1(), r.t2()))
                        .toList(),
                read.of(CaseRows.Kind.ATTACHMENT).stream().map(r -> new AttachmentView(r.id(), r.s1(), r.s2(), r.a1()))
                        .toList(),
                read.of(CaseRows.Kind.CONVERSION).stream().findFirst().map(CaseRows.Row::s1).orElse(null),
                history(read, user),
                unitsWithoutAccount(p, c),
                p.getVersion(), p.isReplySignedOff(), signoffReason(p),
                parts(read, evals, user));
    }

    /** A split case's parts; empty for sole and joint handling. */
    private List<PartView> parts(CaseRows.Read read, List<Rated> evals, CurrentUser u) {
        Long lead = read.kase().leadMemberId();
        return read.of(CaseRows.Kind.PART).stream().map(r -> {
            Long unit = r.a1();
            boolean working = ReplyVisibility.seesWorkingReply(u, unit);
            Satisfaction rating = evals.stream().filter(e -> e.memberId().equals(lead) && unit.equals(e.unitId()))
                    .reduce((a, b) -> b).map(e -> new Satisfaction(e.attitude(), e.result())).orElse(null);
            return new PartView(unit, unitName(unit), ProposalStatus.valueOf(r.s1()), working ? r.s2() : r.s4(),
                    working ? r.s3() : r.s5(), r.b1(), r.d1(), r.i1(), rating);
        }).toList();
    }

    /** The head's reason for sending the reply back, while the handler reworks it: the unit's and the office's business. */
    private static String signoffReason(Proposal p) {
        return ReplyVisibility.seesWorkingReply(CurrentUsers.require(), p.getLeadUnitId()) ? p.getSignoffReturnReason() : null;
    }

    /** The case's units (lead first) that have no enabled account: nobody there can act on the case. */
    private List<Long> unitsWithoutAccount(Proposal p, ProposalCase c) {
        if (p.getLeadUnitId() == null) {
            return List.of();
        }
        List<Long> units = new ArrayList<>();
        units.add(p.getLeadUnitId());
        c.coUnits().forEach(u -> units.add(u.getUnitId()));
        java.util.Set<Long> with = accounts.unitIdsWithAccounts();
        return units.stream().filter(u -> !with.contains(u)).toList();
    }

    /** The timeline; the class of a reply under review stays hidden from those who cannot see the reply yet. */
    private List<HistoryView> history(CaseRows.Read read, CurrentUser user) {
        ProposalCase c = read.kase();
        boolean reply = showReply(c);
        // the head's reason for returning a draft is as internal as the draft itself
        boolean unit = ReplyVisibility.seesWorkingReply(user, c.proposal().getLeadUnitId());
        return read.of(CaseRows.Kind.HISTORY).stream().map(r -> new HistoryView(r.t1(), r.s1(), r.s2(),
                r.s3() == null ? null : ProposalStatus.valueOf(r.s3()), r.s4() == null ? null : ProposalStatus.valueOf(r.s4()),
                !reply && "REPLY".equals(r.s2()) || !unit && "RETURN_SIGNOFF".equals(r.s2()) ? null : r.s5())).toList();
    }

    /** A reply under review is the unit's and the office's business until approved (see {@link ReplyVisibility}). */
    private boolean showReply(ProposalCase c) {
        ProposalStatus s = c.proposal().getStatus();
        if (s != ProposalStatus.REPLY_REVIEW && s != ProposalStatus.IN_PROGRESS) {
            return true;
        }
        return !ReplyVisibility.hidesWorkingReply(CurrentUsers.require(), c.proposal());
    }

    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Page<ProposalSummary> list(Filter filter, PageRequest page) {
        return listing(filter, page, null).page();
    }

    /**
     * One page of a list, the total's exactness and the next page's cursor (docs/perf.md, "Lists").
     *
     * <p>No transaction of its own: the page is a handful of plain SQL reads (one connection for the call,
     * in auto-commit; in PostgreSQL's and H2's read committed each statement saw its own snapshot inside a
     * transaction as well), and opening a JPA session and transaction for them cost about a third of the
     * list's own CPU (docs/perf.md). What reads entities (search, the member names missing from their
     * cache) has its own read-only transaction; a caller's transaction is joined.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the page number's page
     */
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Listed listing(Filter filter, PageRequest page, String cursor) {
        CurrentUser user = CurrentUsers.require();
        if (filter.year() != null && (filter.year() < 1949 || filter.year() > 2200)) {
            throw InvalidInput.field("year", "validation.year");
        }
        ListCursor after = ListCursor.parse(cursor);
        if (filter.q() != null && !filter.q().isBlank()) {
            if (after != null) { // full-text results are ranked, not newest first
                throw InvalidInput.field("cursor", "lists.cursor.search");
            }
            Page<ProposalSummary> hits = searched(filter, page);
            // the search index counts hits exactly only up to 1,000 (ProposalSearch's threshold)
            return new Listed(hits, hits.getTotalElements() < 1000, null, 1000);
        }
        // "mine" implies the scope (proposers see their own cases): only the member's proposer links
        boolean mine = Boolean.TRUE.equals(filter.mine()) && user.memberId() != null;
        Long committee = org.xieshang.shared.tenancy.CommitteeContext.current();
        List<Long> sessions = filter.year() == null ? null : reference.sessions().stream()
                .filter(s -> s.year() == filter.year()).map(ReferenceData.SessionView::id).toList();
        CaseCondition filters = filters(filter, sessions);
        List<CaseCondition> scope = mine ? List.of(ProposalScope.proposedBy(user.memberId(), committee))
                : ProposalScope.branches(user, committee);
        // a unit's cases are its lead cases and its co-unit cases: two more alternatives, not an OR
        List<CaseCondition> unit = filter.unitId() == null ? List.of(CaseCondition.ALL)
                : List.of(ProposalScope.leadUnit(filter.unitId()), ProposalScope.coUnit(filter.unitId(), committee));
        List<CaseCondition> branches = new ArrayList<>();
        for (CaseCondition s : scope) {
            for (CaseCondition u : unit) {
                branches.add(s.and(u).and(filters));
            }
        }
        // every case but drafts: the total from the statistics read model where it covers the filters
        CappedLists.Total exact = mine ? null : totals.staff(user, filter, sessions, filters);
        CappedLists.Result found = lists.page(branches, page, after, exact);
        return new Listed(summaries(found.page(), Map.of()), found.totalExact(), found.nextCursor(), found.bound());
    }

    /**
     * The list's filters but the unit, as a condition on the proposal rows (the unit filter is two
     * alternatives, see {@link #listing}).
     *
     * @param sessions the year's sessions, or null without a year filter
     */
    static CaseCondition filters(Filter filter, List<Long> sessions) {
        CaseCondition where = CaseCondition.ALL;
        if (filter.status() != null) {
            where = where.and(CaseCondition.of("status = ?", filter.status().name()));
        }
        if (sessions != null) {
            where = where.and(CaseCondition.in("session_id", sessions));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            where = where.and(CaseCondition.of("category = ?", filter.category().strip()));
        }
        if (filter.key() != null) {
            where = where.and(CaseCondition.of("is_key = ?", filter.key()));
        }
        String category = filter.replyCategory() == null || filter.replyCategory().isBlank() ? null
                : filter.replyCategory().strip();
        if (category != null) {
            where = where.and(CaseCondition.of("approved_reply_category = ?", category));
        }
        if (filter.implemented() != null) {
            where = where.and(CaseCondition.of(filter.implemented() ? "implemented_on is not null" : "implemented_on is null"));
        }
        if (filter.replySignedOff() != null) {
            where = where.and(CaseCondition.of("reply_signed_off = ?", filter.replySignedOff()));
        }
        return where;
    }

    /**
     * A list page with what {@link Page} cannot say: whether {@code total} is exact (false when the count
     * stopped at the cap), the cursor of the next page (null on the last page and for searches), and the
     * cap: when not exact, there are more than {@code bound} cases.
     */
    public record Listed(Page<ProposalSummary> page, boolean totalExact, String nextCursor, int bound) {
    }

    /**
     * The approved reply's class and whether the unit reported it done (B replies are followed until
     * done); matches everything when neither is asked for. The lists use the same rule in SQL
     * ({@link #filters}); ListCursorApiTest holds the two to the same cases.
     */
    public static Specification<Proposal> followUp(Filter filter) {
        String category = filter.replyCategory() == null || filter.replyCategory().isBlank() ? null
                : filter.replyCategory().strip();
        Boolean implemented = filter.implemented();
        return (r, q, cb) -> {
            var where = cb.conjunction();
            if (category != null) {
                where = cb.and(where, cb.equal(r.get("approvedReplyCategory"), category));
            }
            if (implemented != null) {
                where = cb.and(where, implemented ? cb.isNotNull(r.get("implementedOn")) : cb.isNull(r.get("implementedOn")));
            }
            if (filter.replySignedOff() != null) {
                where = cb.and(where, cb.equal(r.get("replySignedOff"), filter.replySignedOff()));
            }
            return where;
        };
    }

    /** Full-text search: the index ranks, the database gives the rows (in the index's order). */
    private Page<ProposalSummary> searched(Filter filter, PageRequest page) {
        Page<ProposalSearch.Hit> hits = search.search(filter.q(), filter, PageRequest.of(page.getPageNumber(), page.getPageSize()));
        Map<Long, String> snippets = new HashMap<>();
        for (ProposalSearch.Hit h : hits.getContent()) {
            if (h.snippet() != null) {
                snippets.put(h.id(), h.snippet());
            }
        }
        List<CappedLists.SummaryRow> ordered = lists.rows(hits.getContent().stream().map(ProposalSearch.Hit::id).toList());
        return summaries(new org.springframework.data.domain.PageImpl<>(ordered, page, hits.getTotalElements()), snippets);
    }

    private Page<ProposalSummary> summaries(Page<CappedLists.SummaryRow> found, Map<Long, String> snippets) {
        // the lead proposers came with the rows (CappedLists); their names from the member directory's cache
        Map<Long, Long> leads = new HashMap<>();
        for (CappedLists.SummaryRow row : found.getContent()) {
            if (row.leadMemberId() != null) {
                leads.put(row.id(), row.leadMemberId());
            }
        }
        Map<Long, String> names = new HashMap<>(members.names(leads.values()));
        return found.map(p -> new ProposalSummary(p.id(), p.number(), p.title(), p.category(), p.status(),
                p.proposerKind() == ProposerKind.COLLECTIVE ? p.collectiveName() : name(names, leads.get(p.id())),
                p.leadUnitId(), p.dueDate(), p.key(), p.submittedOn(), p.createdAt(), snippets.get(p.id())));
    }

    /** Read-write: the committee's first call creates its default settings (PostgreSQL refuses that in a read-only transaction). */
    @Transactional
    public SettingsView settings() {
        CurrentUsers.require();
        ProposalSettings s = cases.settings();
        return SettingsView.of(s);
    }

    public record SettingsView(List<String> categories, List<String> notFiledGrounds, List<String> replyClasses,
                        String numberFormat, int reassignmentWorkingDays, int dueMonths, int maxDueMonths,
                        int rehandlingMonths, boolean contactRequired, int meetWithinWorkingDays,
                        Boolean replySignoffRequired) {
        public static SettingsView of(ProposalSettings s) {
            return new SettingsView(s.categories(), s.notFiledGrounds(), s.replyClasses(), s.getNumberFormat(),
                    s.getReassignmentWorkingDays(), s.getDueMonths(), s.getMaxDueMonths(), s.getRehandlingMonths(),
                    s.isContactRequired(), s.getMeetWithinWorkingDays(), s.isReplySignoffRequired());
        }
    }

    private String name(Map<Long, String> cache, Long memberId) {
        if (memberId == null) {
            return null;
        }
        return cache.computeIfAbsent(memberId, id -> members.find(id).map(MemberDirectory.MemberSummary::name).orElse("?"));
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : reference.unit(unitId).map(ReferenceData.UnitView::name).orElse(null);
    }
}
