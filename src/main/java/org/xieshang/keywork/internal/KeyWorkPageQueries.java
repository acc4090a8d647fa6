package org.xieshang.keywork.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.identity.UserAccounts;
import org.xieshang.keywork.internal.KeyWorkViews.CaseChoice;
import org.xieshang.keywork.internal.KeyWorkViews.CaseRef;
import org.xieshang.keywork.internal.KeyWorkViews.DecisionRow;
import org.xieshang.keywork.internal.KeyWorkViews.EventRow;
import org.xieshang.keywork.internal.KeyWorkViews.KeyCaseList;
import org.xieshang.keywork.internal.KeyWorkViews.KeyCasePage;
import org.xieshang.keywork.internal.KeyWorkViews.KeyCaseRow;
import org.xieshang.keywork.internal.KeyWorkViews.Person;
import org.xieshang.proposal.ProposalCases;
import org.xieshang.proposal.ProposalCases.CaseFacts;
import org.xieshang.proposal.ProposalCases.KeyStep;
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

    private final ProposalCases cases;
    private final KeyProposals keys;
    private final KeyLeaderRepository leaders;
    private final SupervisionEventRepository events;
    private final UserAccounts users;
    private final ReferenceData reference;

    KeyWorkPageQueries(ProposalCases cases, KeyProposals keys, KeyLeaderRepository leaders,
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
        boolean mayListAll = cases.seesAllCases(user);
        boolean mineOnly = mine || !mayListAll;
        Page<CaseFacts> found = cases.keyCases(user, mineOnly, page, PAGE_SIZE);
        List<Long> ids = found.getContent().stream().map(CaseFacts::id).toList();
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
            List<KeyLeader> ls = attachedTo.getOrDefault(p.id(), List.of());
            Object[] pr = progress.get(p.id());
            String myRole = ls.stream().filter(l -> l.getUserId().equals(user.id())).map(l -> l.getRole().name())
                    .findFirst().orElse(null);
            return new KeyCaseRow(p.id(), p.number(), p.title(), p.status(),
                    p.leadUnitId() == null ? null : units.get(p.leadUnitId()), p.dueDate(),
                    names(ls, KeyLeader.Kind.LEAD, names), names(ls, KeyLeader.Kind.SUPERVISOR, names),
                    pr == null ? 0 : ((Number) pr[1]).longValue(), pr == null ? null : (LocalDate) pr[2], myRole);
        }).toList();
        return new KeyCaseList(rows, found.getTotalElements(), found.getNumber(), found.getTotalPages(), mineOnly,
                mayListAll);
    }

    /** One case's key page; 404 unless the reader may see the case. */
    KeyCasePage keyCase(Long id) {
        CurrentUser user = CurrentUsers.require();
        CaseFacts p = cases.open(id);
        KeyProposals.KeyView key = keys.key(id);
        boolean mayMark = cases.may(id, KeyStep.MARK_KEY);
        boolean maySupervise = p.key() && cases.may(id, KeyStep.SUPERVISE);
        boolean mayCompile = cases.isStaff(user) && p.status() != null
                && cases.filedStates().contains(p.status());
        List<EventRow> rows = keys.events(id).stream().map(e -> new EventRow(e.type(), e.date(), e.content(),
                e.participants(), e.author(), e.createdAt(), e.attachments())).toList();
        return new KeyCasePage(id, p.number(), p.title(), p.status(),
                p.leadUnitId() == null ? null : unitNames().get(p.leadUnitId()), p.dueDate(), p.key(),
                key.leadLeaders().stream().map(l -> new Person(l.userId(), l.name())).toList(),
                key.supervisors().stream().map(l -> new Person(l.userId(), l.name())).toList(), rows, mayMark,
                maySupervise, mayCompile, mayMark ? people(Role.LEADER_GOV) : List.of(),
                mayMark ? people(Role.LEADER_CPPCC) : List.of(), key.version());
    }

    /** The chair's meetings' decisions, latest first, with their cases' numbers and titles. */
    List<DecisionRow> decisions() {
        List<KeyProposals.DecisionView> found = keys.decisions(null);
        Map<Long, CaseRef> refs = new HashMap<>();
        cases.facts(found.stream().flatMap(d -> d.proposalIds().stream()).distinct().toList())
                .forEach(p -> refs.put(p.id(), new CaseRef(p.id(), p.number(), p.title())));
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
        return cases.filedCases(CHOICES).stream().map(p -> new CaseChoice(p.id(), p.number(), p.title(), p.key()))
                .toList();
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
