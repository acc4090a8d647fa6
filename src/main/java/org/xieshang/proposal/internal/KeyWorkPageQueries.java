package org.xieshang.proposal.internal;

import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.identity.UserAccounts;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.KeyWorkViews.CaseChoice;
import org.xieshang.proposal.internal.KeyWorkViews.CaseRef;
import org.xieshang.proposal.internal.KeyWorkViews.DecisionRow;
import org.xieshang.proposal.internal.KeyWorkViews.EventRow;
import org.xieshang.proposal.internal.KeyWorkViews.KeyCaseList;
import org.xieshang.proposal.internal.KeyWorkViews.KeyCasePage;
import org.xieshang.proposal.internal.KeyWorkViews.KeyCaseRow;
import org.xieshang.proposal.internal.KeyWorkViews.Person;
import org.xieshang.proposal.internal.Step.Actor;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;

/**
 * What the key-proposal pages show. The rules stay in {@link KeyProposals}; this adds the lists and
 * the forms' choices.
 */
@Service
@Transactional(readOnly = true)
class KeyWorkPageQueries {

    static final int PAGE_SIZE = 20;
    /** Cases offered for a new bulletin: key cases first, then the newest. */
    static final int CHOICES = 100;

    private static final Set<ProposalStatus> COMPILABLE = EnumSet.of(ProposalStatus.FILED, ProposalStatus.ASSIGNED,
            ProposalStatus.IN_PROGRESS, ProposalStatus.REPLY_REVIEW, ProposalStatus.REPLIED, ProposalStatus.REHANDLING,
            ProposalStatus.CLOSED);

    private final CaseSupport cases;
    private final KeyProposals keys;
    private final KeyLeaderRepository leaders;
    private final SupervisionEventRepository events;
    private final UserAccounts users;
    private final ReferenceData reference;

    KeyWorkPageQueries(CaseSupport cases, KeyProposals keys, KeyLeaderRepository leaders,
                       SupervisionEventRepository events, UserAccounts users, ReferenceData reference) {
        this.cases = cases;
        this.keys = keys;
        this.leaders = leaders;
        this.events = events;
        this.users = users;
        this.reference = reference;
    }

    /**
     * Key cases: the office and CPPCC leaders may list all of them; a leader's own list holds the
     * cases they lead-handle or supervise (a party/government leader has only that one).
     */
    KeyCaseList keyCases(boolean mine, int page) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV);
        boolean mayListAll = ProposalScope.seesAllCases(user);
        boolean mineOnly = mine || !mayListAll;
        Specification<Proposal> spec = ProposalScope.visibleTo(user).and((r, q, cb) -> cb.isTrue(r.get("key")));
        if (mineOnly) {
            spec = spec.and((r, q, cb) -> {
                Subquery<Long> attached = q.subquery(Long.class);
                var l = attached.from(KeyLeader.class);
                attached.select(l.get("proposalId")).where(cb.equal(l.get("userId"), user.id()));
                return r.get("id").in(attached);
            });
        }
        Page<Proposal> found = cases.proposals().findAll(spec,
                org.xieshang.shared.Paging.clamped(page, PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")));
        List<Long> ids = found.getContent().stream().map(Proposal::getId).toList();
        Map<Long, List<KeyLeader>> attachedTo = new HashMap<>();
        Map<Long, Object[]> progress = new HashMap<>();
        if (!ids.isEmpty()) {
            leaders.findByProposalIdInOrderByIdAsc(ids).forEach(l ->
                    attachedTo.computeIfAbsent(l.getProposalId(), k -> new ArrayList<>()).add(l));
            events.progressOf(ids).forEach(row -> progress.put((Long) row[0], row));
        }
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> units = unitNames();
        List<KeyCaseRow> rows = found.getContent().stream().map(p -> {
            List<KeyLeader> ls = attachedTo.getOrDefault(p.getId(), List.of());
            Object[] pr = progress.get(p.getId());
            String myRole = ls.stream().filter(l -> l.getUserId().equals(user.id())).map(l -> l.getRole().name())
                    .findFirst().orElse(null);
            return new KeyCaseRow(p.getId(), p.getNumber(), p.getTitle(), p.getStatus(),
                    p.getLeadUnitId() == null ? null : units.get(p.getLeadUnitId()), p.getDueDate(),
                    names(ls, KeyLeader.Kind.LEAD, names), names(ls, KeyLeader.Kind.SUPERVISOR, names),
                    pr == null ? 0 : ((Number) pr[1]).longValue(), pr == null ? null : (LocalDate) pr[2], myRole);
        }).toList();
        return new KeyCaseList(rows, found.getTotalElements(), found.getNumber(), found.getTotalPages(), mineOnly,
                mayListAll);
    }

    /** One case's key page; 404 unless the reader may see the case. */
    KeyCasePage keyCase(Long id) {
        CurrentUser user = CurrentUsers.require();
        ProposalCase c = cases.open(id);
        Proposal p = c.proposal();
        KeyProposals.KeyView key = keys.key(id);
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        actors.addAll(c.actorsOf(user));
        if (leaders.existsByProposalIdAndUserId(id, user.id())) {
            actors.add(Actor.KEY_LEADER);
        }
        boolean mayMark = Step.MARK_KEY.allowsAnyOf(actors) && Step.MARK_KEY.startsFrom(p.getStatus());
        boolean maySupervise = p.isKey() && Step.SUPERVISE.allowsAnyOf(actors) && Step.SUPERVISE.startsFrom(p.getStatus());
        boolean mayCompile = ProposalScope.isStaff(user) && COMPILABLE.contains(p.getStatus());
        List<EventRow> rows = keys.events(id).stream().map(e -> new EventRow(e.type(), e.date(), e.content(),
                e.participants(), e.author(), e.createdAt(), e.attachments())).toList();
        return new KeyCasePage(id, p.getNumber(), p.getTitle(), p.getStatus(),
                p.getLeadUnitId() == null ? null : unitNames().get(p.getLeadUnitId()), p.getDueDate(), p.isKey(),
                key.leadLeaders().stream().map(l -> new Person(l.userId(), l.name())).toList(),
                key.supervisors().stream().map(l -> new Person(l.userId(), l.name())).toList(), rows, mayMark,
                maySupervise, mayCompile, mayMark ? people(Role.LEADER_GOV) : List.of(),
                mayMark ? people(Role.LEADER_CPPCC) : List.of(), key.version());
    }

    /** The chair's meetings' decisions, latest first, with their cases' numbers and titles. */
    List<DecisionRow> decisions() {
        List<KeyProposals.DecisionView> found = keys.decisions(null);
        Map<Long, CaseRef> refs = new HashMap<>();
        cases.proposals().findAllById(found.stream().flatMap(d -> d.proposalIds().stream()).distinct().toList())
                .forEach(p -> refs.put(p.getId(), new CaseRef(p.getId(), p.getNumber(), p.getTitle())));
        List<KeyProposals.DecisionView> latestFirst = new ArrayList<>(found);
        java.util.Collections.reverse(latestFirst);
        return latestFirst.stream().map(d -> new DecisionRow(d.id(), d.year(), d.meetingDate(),
                d.proposalIds().stream().map(refs::get).filter(java.util.Objects::nonNull).toList(), d.reasons(),
                d.createdBy(), d.createdAt())).toList();
    }

    LocalDate today() {
        return cases.today();
    }

    /** Cases the office may compile into a bulletin: key cases first, then the newest filed ones. */
    List<CaseChoice> caseChoices() {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        Specification<Proposal> spec = (r, q, cb) -> r.get("status").in(COMPILABLE);
        return cases.proposals().findAll(spec, PageRequest.of(0, CHOICES,
                        Sort.by(Sort.Order.desc("key"), Sort.Order.desc("id")))).getContent().stream()
                .map(p -> new CaseChoice(p.getId(), p.getNumber(), p.getTitle(), p.isKey())).toList();
    }

    private List<Person> people(Role role) {
        return users.userIdsWithRole(role).stream()
                .map(u -> new Person(u, users.displayName(u).orElse("#" + u))).toList();
    }

    private List<String> names(List<KeyLeader> attached, KeyLeader.Kind kind, Map<Long, String> cache) {
        return attached.stream().filter(l -> l.getRole() == kind)
                .map(l -> cache.computeIfAbsent(l.getUserId(), u -> users.displayName(u).orElse("#" + u))).toList();
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        for (UnitView u : reference.units()) {
            names.put(u.id(), u.name());
        }
        return names;
    }
}
