package org.xieshang.proposal.internal.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.SessionView;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.proposal.internal.ProposalSettings;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.proposal.internal.ReassignmentRequest;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.handling.CoUnitFollowUp;
import org.xieshang.proposal.internal.repository.HandlingRecordRepository;
import org.xieshang.proposal.internal.repository.ReassignmentRequestRepository;
import org.xieshang.proposal.internal.query.ProposalQueries;
import org.xieshang.proposal.internal.query.ProposalSearch;
import org.xieshang.proposal.internal.query.ProposalViews;
import org.xieshang.proposal.internal.query.ProposalViews.CoUnitView;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;
import org.xieshang.proposal.internal.review.ProposalReview;
import org.xieshang.proposal.internal.web.ProposalPageViews.Actions;
import org.xieshang.proposal.internal.web.ProposalPageViews.CasePage;
import org.xieshang.proposal.internal.web.ProposalPageViews.CoUnitDue;
import org.xieshang.proposal.internal.web.ProposalPageViews.CoUnitsOwing;
import org.xieshang.proposal.internal.web.ProposalPageViews.CosignRequest;
import org.xieshang.proposal.internal.web.ProposalPageViews.MemberOption;
import org.xieshang.proposal.internal.web.ProposalPageViews.Options;
import org.xieshang.proposal.internal.web.ProposalPageViews.ReassignmentRow;
import org.xieshang.proposal.internal.web.ProposalPageViews.SessionOption;
import org.xieshang.proposal.internal.web.ProposalPageViews.SimilarCase;
import org.xieshang.proposal.internal.web.ProposalPageViews.UnitHint;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.i18n.Messages;

/**
 * What the proposal pages read besides the API's views: a case with the forms its user may use
 * now, the work lists of members, staff and units, and the choices of the forms. Same scope rule
 * as everything else: every case is opened through {@link CaseSupport}.
 */
@Service
@Transactional(readOnly = true)
class ProposalPageQueries {

    /** The states a case may be merged into (see {@link ProposalReview#merge}). */
    static final Set<ProposalStatus> MERGE_TARGETS = EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.FILED,
            ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS);

    private final CaseSupport cases;
    private final ProposalQueries queries;
    private final ProposalSearch search;
    private final ReferenceData reference;
    private final MemberDirectory members;
    private final WorkingCalendar calendar;
    private final HandlingRecordRepository records;
    private final ReassignmentRequestRepository reassignments;
    private final Messages messages;
    private final CoUnitFollowUp followUp;

    ProposalPageQueries(CaseSupport cases, ProposalQueries queries, ProposalSearch search, ReferenceData reference,
                        MemberDirectory members, WorkingCalendar calendar, HandlingRecordRepository records,
                        ReassignmentRequestRepository reassignments, Messages messages, CoUnitFollowUp followUp) {
        this.messages = messages;
        this.followUp = followUp;
        this.cases = cases;
        this.queries = queries;
        this.search = search;
        this.reference = reference;
        this.members = members;
        this.calendar = calendar;
        this.records = records;
        this.reassignments = reassignments;
    }

    /** A case the user may see (404 otherwise), with the forms open to them in its current state. */
    CasePage casePage(Long id) {
        return casePage(id, true);
    }

    /** A case for paper: the same facts, no forms and no suggestions. */
    CasePage printPage(Long id) {
        return casePage(id, false);
    }

    /**
     * The cases this one may be merged into, for the staff who may merge it now (404 unless visible,
     * 403 unless staff, 409 past review). A fragment of its own, loaded after the case page: the
     * similarity search costs several times the rest of the page at a million cases (issue 16).
     */
    List<SimilarCase> mergeCandidates(Long id) {
        cases.check(cases.openToRead(id), Step.MERGE);
        return search.relatedTo(id, 5).stream().map(this::similar).toList();
    }

    /** The units that handled similar cases, for the staff who may assign the case now (as {@link #mergeCandidates}). */
    List<UnitHint> unitHints(Long id) {
        cases.check(cases.openToRead(id), Step.ASSIGN);
        return search.unitsFor(id).stream().map(u -> new UnitHint(u.unitId(), u.name(), u.score(), u.cases())).toList();
    }

    /** The draft for its edit form: 404 unless visible, 403 unless the lead proposer's, 409 once submitted. */
    ProposalDetail editable(Long id) {
        cases.openFor(id, Step.EDIT);
        return queries.detail(id);
    }

    /** The years of the committee's sessions, latest first (the search filter). */
    List<Integer> years() {
        return reference.sessions().stream().map(SessionView::year).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    private CasePage casePage(Long id, boolean forms) {
        org.xieshang.proposal.internal.CaseRows.Read read = cases.readToShow(id);
        ProposalCase c = read.kase();
        ProposalDetail d = queries.detail(read);
        CurrentUser user = CurrentUsers.require();
        Set<Step> steps = forms ? c.stepsOf(user) : EnumSet.noneOf(Step.class);
        Proposal p = c.proposal();
        ProposalSettings settings = cases.settings();
        boolean lead = user.memberId() != null && user.memberId().equals(c.leadMemberId());
        boolean openRequest = d.reassignmentRequests().stream().anyMatch(r -> r.resolvedAt() == null);
        boolean inWindow = p.getAssignedOn() != null && calendar.workingDaysBetween(p.getAssignedOn(), cases.today())
                <= settings.getReassignmentWorkingDays();
        boolean rated = user.memberId() != null && d.evaluations().stream()
                .anyMatch(e -> e.memberId().equals(user.memberId()) && e.round() == d.replyRound());
        // split handling: each unit replies for and its head signs its own part; staff review and ratings of parts go through the API
        var mine = user.unitId() == null || !user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) ? null : d.parts().stream()
                .filter(x -> x.unitId().equals(user.unitId())).findFirst().orElse(null);
        boolean split = !d.parts().isEmpty();
        Actions actions = new Actions(
                steps.contains(Step.EDIT),
                steps.contains(Step.ATTACH),
                steps.contains(Step.SUBMIT),
                steps.contains(Step.WITHDRAW),
                steps.contains(Step.COSIGN),
                steps.contains(Step.FILE) && steps.contains(Step.NOT_FILE),
                steps.contains(Step.MERGE),
                steps.contains(Step.CONVERT) && d.conversion() == null,
                steps.contains(Step.ASSIGN),
                steps.contains(Step.EXTEND_DUE),
                steps.contains(Step.PUBLISH),
                steps.contains(Step.REQUEST_REASSIGNMENT) && !openRequest && inWindow,
                steps.contains(Step.ACCEPT),
                steps.contains(Step.RECORD_HANDLING),
                steps.contains(Step.CO_OPINION),
                split ? mine != null && Step.REPLY.startsFrom(mine.status()) : steps.contains(Step.REPLY),
                !split && steps.contains(Step.APPROVE_REPLY) && steps.contains(Step.RETURN_REPLY) && p.isReplySignedOff(),
                // the lead proposer's rating moves the case, so theirs is only taken while it is REPLIED
                !split && steps.contains(Step.EVALUATE) && d.replyRound() > 0 && !rated
                        && (!lead || d.status() == ProposalStatus.REPLIED),
                steps.contains(Step.REPORT_IMPLEMENTED) && "B".equals(d.replyCategory()) && d.implementedOn() == null,
                split ? mine != null && user.has(Role.UNIT_HEAD) && mine.status() == ProposalStatus.REPLY_REVIEW
                        && !mine.replySignedOff() : steps.contains(Step.SIGN_OFF_REPLY) && !p.isReplySignedOff());
        // merge candidates and unit hints are similarity searches (the dearest part of the page): loaded after it,
        // see mergeCandidates and unitHints
        // as ProposalHandling.reply: only the lead unit's own contact in this round counts
        // (from the records the detail has read: every record of the case, whoever looks)
        boolean contact = p.getLeadUnitId() != null && d.handlingRecords().stream().anyMatch(r -> r.type() == HandlingType.PROPOSER_CONTACT
                && p.getLeadUnitId().equals(r.unitId()) && r.round() == p.getReplyRound());
        List<String> withoutOpinion = d.coUnits().stream().filter(u -> u.opinion() == null).map(CoUnitView::name).toList();
        return new CasePage(d, actions, sessionName(d.sessionId()), unitNames(),
                actions.assign() ? defaultDueDate(settings) : null, options(settings), contact, withoutOpinion, lead,
                ProposalScope.isStaff(user), owing(c, d, user, forms, actions),
                split && forms && ProposalScope.isStaff(user) ? parts(d, x -> x.status() == ProposalStatus.REPLY_REVIEW
                        && x.replySignedOff()) : Set.of(),
                split && forms && c.actorsOf(user).contains(Step.Actor.PROPOSER) ? parts(d, x -> x.status() == ProposalStatus.REPLIED
                        && x.replyRound() > 0 && d.evaluations().stream().noneMatch(e -> e.memberId().equals(user.memberId())
                        && e.round() == x.replyRound() && x.unitId().equals(e.unitId()))) : Set.of());
    }

    /** The units of a split case's parts that pass the test: the parts staff may review, or the user may rate. */
    private static Set<Long> parts(ProposalDetail d, java.util.function.Predicate<ProposalViews.PartView> test) {
        return d.parts().stream().filter(test).map(ProposalViews.PartView::unitId)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Who holds up the reply and what the office or the lead unit may do about it (issue 17). */
    private CoUnitsOwing owing(ProposalCase c, ProposalDetail d, CurrentUser user, boolean forms, Actions actions) {
        boolean owes = d.coUnits().stream().anyMatch(u -> u.opinion() == null);
        if (!forms || (!owes && !actions.assign())) {
            return new CoUnitsOwing(List.of(), false, false, Set.of());
        }
        Set<Long> withAccounts = followUp.unitsWithAccounts();
        Set<Step.Actor> actors = c.actorsOf(user);
        boolean open = Step.CO_OPINION.startsFrom(d.status());
        boolean paper = open && actors.contains(Step.Actor.STAFF);
        boolean remind = open && actors.contains(Step.Actor.LEAD_UNIT);
        java.time.Instant since = java.time.Instant.now().minus(CoUnitFollowUp.REMINDER_GAP);
        List<CoUnitDue> units = d.coUnits().stream().filter(u -> u.opinion() == null).map(u -> {
            boolean account = withAccounts.contains(u.unitId());
            return new CoUnitDue(u.unitId(), u.name(), account, u.remindedAt(),
                    remind && account && (u.remindedAt() == null || u.remindedAt().isBefore(since)));
        }).toList();
        return new CoUnitsOwing(units, paper, remind, withAccounts);
    }

    /** Joint proposals waiting for the current member's answer. */
    List<CosignRequest> pendingCosigns() {
        CurrentUser user = member();
        Set<Long> ids = cases.proposers().findByMemberIdAndConfirmationOrderByIdAsc(user.memberId(), Confirmation.PENDING)
                .stream().map(ProposalProposer::getProposalId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Proposal> waiting = cases.proposals().findAllById(ids).stream()
                .filter(p -> p.getStatus() == ProposalStatus.AWAITING_COSIGNERS)
                .sorted(Comparator.comparing(Proposal::getCreatedAt).reversed()).toList();
        Map<Long, Long> leads = new HashMap<>();
        cases.proposers().findByProposalIdInOrderByIdAsc(waiting.stream().map(Proposal::getId).toList()).stream()
                .filter(x -> x.getRole() == ProposerRole.LEAD).forEach(x -> leads.put(x.getProposalId(), x.getMemberId()));
        return waiting.stream().map(p -> new CosignRequest(p.getId(), p.getTitle(), p.getCategory(),
                members.find(leads.get(p.getId())).map(MemberSummary::name).orElse(""), sessionName(p.getSessionId()),
                p.getCreatedAt())).toList();
    }

    /** Units' open objections to their assignments, oldest first (staff assign such cases again). */
    List<ReassignmentRow> openReassignments() {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        List<ReassignmentRequest> open = reassignments.findByResolvedAtIsNullOrderByIdAsc();
        Map<Long, Proposal> byId = cases.proposals().findAllById(open.stream().map(ReassignmentRequest::getProposalId).toList())
                .stream().collect(Collectors.toMap(Proposal::getId, Function.identity()));
        Map<Long, String> units = unitNames();
        return open.stream().filter(r -> byId.containsKey(r.getProposalId())).map(r -> {
            Proposal p = byId.get(r.getProposalId());
            return new ReassignmentRow(p.getId(), p.getNumber(), p.getTitle(), units.getOrDefault(r.getUnitId(), ""),
                    r.getReason(), r.getRequestedAt());
        }).toList();
    }

    /** Serving members other than the current one, for the co-signer picker. */
    List<MemberOption> coSignerChoices() {
        CurrentUser user = member();
        Map<Long, String> sectors = reference.sectors().stream()
                .collect(Collectors.toMap(ReferenceData.SectorView::id, ReferenceData.SectorView::name));
        return members.all().stream().filter(m -> m.status().isServing() && !m.id().equals(user.memberId()))
                .sorted(Comparator.comparing(MemberSummary::name))
                .map(m -> new MemberOption(m.id(), m.name(), sectors.getOrDefault(m.sectorId(), ""))).toList();
    }

    /** The committee's categories, grounds, reply classes, sessions (latest first) and units. */
    Options options() {
        CurrentUsers.require();
        return options(cases.settings());
    }

    /** The session a new proposal most likely belongs to: the latest that has begun, else the first to come. */
    Long currentSessionId() {
        LocalDate today = cases.today();
        List<SessionView> sessions = reference.sessions();
        return sessions.stream().filter(s -> s.startDate() == null || !s.startDate().isAfter(today))
                .max(Comparator.comparing((SessionView s) -> s.startDate() == null ? LocalDate.MIN : s.startDate()))
                .or(() -> sessions.stream().min(Comparator.comparing(SessionView::startDate,
                        Comparator.nullsLast(Comparator.naturalOrder()))))
                .map(SessionView::id).orElse(null);
    }

    /** Earlier cases like a text being written, and how each was handled. */
    List<SimilarCase> similarToText(String title, String body) {
        return search.relatedToText(title, body, 5).stream().map(this::similar).toList();
    }

    /** The similarity a case needs to be shown, in percent (for "none reaches N %"). */
    int minSimilarityPercent() {
        return (int) Math.round(search.minScore() * 100);
    }

    /** The category most similar cases had, or null. */
    String likelyCategory(String title, String body) {
        return search.categoryFor(title, body).category();
    }

    Map<Long, String> unitNames() {
        return reference.units().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
    }

    private Options options(ProposalSettings s) {
        List<SessionOption> sessions = reference.sessions().stream()
                .sorted(Comparator.comparing(SessionView::startDate, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(x -> new SessionOption(x.id(), sessionLabel(x))).toList();
        return new Options(s.categories(), s.notFiledGrounds(), s.replyClasses(), sessions, reference.units(),
                s.getReassignmentWorkingDays(), s.getDueMonths(), s.getMaxDueMonths(), s.isContactRequired(), minSimilarityPercent());
    }

    /** The due date assignment gives when none is chosen (the same rule as {@link ProposalReview#assign}). */
    private LocalDate defaultDueDate(ProposalSettings s) {
        return calendar.addWorkingDays(cases.today().plusMonths(s.getDueMonths()), 0);
    }

    private SimilarCase similar(ProposalSearch.Similar s) {
        return new SimilarCase(s.id(), s.number(), s.title(), s.score(), s.status(), s.replyCategory(), s.leadUnitName(),
                s.category(), MERGE_TARGETS.contains(s.status()));
    }

    private String sessionName(Long sessionId) {
        return reference.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .map(this::sessionLabel).orElse("");
    }

    private String sessionLabel(SessionView s) {
        return messages.get("proposal.page.sessionLabel", s.name(), s.year());
    }

    private static CurrentUser member() {
        CurrentUser user = CurrentUsers.requireAny(Role.MEMBER);
        if (user.memberId() == null) {
            throw new Forbidden();
        }
        return user;
    }
}
