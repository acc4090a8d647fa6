package org.xieshang.keywork.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.identity.UserAccounts;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.proposal.ProposalCases;
import org.xieshang.proposal.ProposalCases.CaseFacts;
import org.xieshang.proposal.ProposalCases.CaseFile;
import org.xieshang.proposal.ProposalCases.KeyStep;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/**
 * Key proposals (重点提案): staff mark filed cases key with their lead-handling leaders (领办,
 * LEADER_GOV) and supervising CPPCC leaders (督办, LEADER_CPPCC), one by one or by the chair's
 * meeting's yearly decision; staff, supervisors and lead leaders record supervision events.
 */
@Service
@Transactional
class KeyProposals {

    static final int MAX_LEADERS = 20;
    static final int MAX_DECISION_CASES = 200;

    record LeaderView(Long userId, String name) {
    }

    record KeyView(Long proposalId, boolean key, List<Long> leadLeaderUserIds, List<Long> supervisorUserIds,
                   List<LeaderView> leadLeaders, List<LeaderView> supervisors, long version) {
    }

    record DecisionView(Long id, int year, LocalDate meetingDate, List<Long> proposalIds, String reasons,
                        String createdBy, Instant createdAt) {
    }

    record EventView(Long id, Long proposalId, SupervisionType type, LocalDate date, String content,
                     String participants, Long authorUserId, String author, Instant createdAt,
                     List<CaseFile> attachments) {
    }

    private final ProposalCases cases;
    private final KeyLeaderRepository leaders;
    private final KeyDecisionRepository decisions;
    private final SupervisionEventRepository events;
    private final UserAccounts users;
    private final Notifications notifications;

    KeyProposals(ProposalCases cases, KeyLeaderRepository leaders, KeyDecisionRepository decisions,
                 SupervisionEventRepository events, UserAccounts users, Notifications notifications) {
        this.cases = cases;
        this.leaders = leaders;
        this.decisions = decisions;
        this.events = events;
        this.users = users;
        this.notifications = notifications;
    }

    /** Marks the case key and sets its leaders (the lists replace the earlier ones). */
    KeyView mark(Long id, List<Long> leadLeaderUserIds, List<Long> supervisorUserIds) {
        InvalidInput invalid = new InvalidInput();
        List<Long> lead = leaderIds(invalid, "leadLeaderUserIds", leadLeaderUserIds, Role.LEADER_GOV);
        List<Long> supervisors = leaderIds(invalid, "supervisorUserIds", supervisorUserIds, Role.LEADER_CPPCC);
        invalid.throwIfAny();
        CaseFacts c = cases.check(id, KeyStep.MARK_KEY);
        List<Long> added = setLeaders(id, lead, supervisors);
        cases.markKey(id, leaderNote(lead, supervisors));
        announce(c, added);
        return view(id);
    }

    /** The chair's meeting's decision: every listed case becomes key (its leaders stay as they are). */
    DecisionView decide(Integer year, LocalDate meetingDate, List<Long> proposalIds, String reasons) {
        CurrentUser user = CurrentUsers.require();
        InvalidInput invalid = new InvalidInput();
        if (year == null || year < 1949 || year > 2200) {
            invalid.add("year", "validation.year");
        }
        if (meetingDate == null) {
            invalid.add("meetingDate", "validation.required");
        }
        List<Long> ids = proposalIds == null ? List.of()
                : proposalIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_DECISION_CASES) {
            invalid.add("proposalIds", "validation.range", 1, MAX_DECISION_CASES);
        }
        String why = reasons == null ? null : reasons.strip();
        if (why != null && why.length() > 4000) {
            invalid.add("reasons", "validation.length", 0, 4000);
        }
        invalid.throwIfAny();
        if (!cases.isStaff(user)) {
            throw new org.xieshang.shared.error.Forbidden();
        }
        for (Long pid : ids) {
            try {
                cases.open(pid);
            } catch (NotFound unknown) {
                throw InvalidInput.field("proposalIds", "keyproposal.validation.unknownProposal", pid);
            }
            cases.check(pid, KeyStep.MARK_KEY);
        }
        KeyDecision d = decisions.save(new KeyDecision(year, meetingDate, ids, why, user.displayName()));
        for (Long pid : ids) {
            cases.markKey(pid, meetingDate + (why == null || why.isEmpty() ? "" : "：" + abbreviate(why)));
            cases.notifyLeadUnit(pid, "keyproposal.notice.marked");
        }
        return view(d);
    }

    @Transactional(readOnly = true)
    List<DecisionView> decisions(Integer year) {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV);
        if (year != null && (year < 1949 || year > 2200)) {
            throw InvalidInput.field("year", "validation.year");
        }
        List<KeyDecision> found = year == null ? decisions.findAllByOrderByIdAsc() : decisions.findByYearOrderByIdAsc(year);
        return found.stream().map(KeyProposals::view).toList();
    }

    /** The key standing of a case anyone who may see it may read. */
    @Transactional(readOnly = true)
    KeyView key(Long id) {
        cases.open(id);
        return view(id);
    }

    /** A supervision event on a key case, by staff, one of its supervisors or lead leaders; the lead unit is told. */
    EventView supervise(Long id, SupervisionType type, LocalDate date, String content, String participants) {
        return supervise(id, type, date, content, participants, null);
    }

    /** As above, with a file documenting it (minutes, photos, a report), checked before anything is written. */
    EventView supervise(Long id, SupervisionType type, LocalDate date, String content, String participants,
                        org.springframework.web.multipart.MultipartFile file) {
        boolean withFile = file != null && !file.isEmpty();
        if (withFile) {
            cases.checkedFile(file);
        }
        InvalidInput invalid = new InvalidInput();
        String text = cases.datedRecord(invalid, type, date, content);
        String who = participants == null || participants.isBlank() ? null : participants.strip();
        if (who != null && who.length() > 2000) {
            invalid.add("participants", "validation.length", 0, 2000);
        }
        invalid.throwIfAny();
        CurrentUser user = CurrentUsers.require();
        CaseFacts p = cases.check(id, KeyStep.SUPERVISE);
        if (!p.key()) {
            throw new Conflict("keyproposal.notKey");
        }
        SupervisionEvent e = events.save(new SupervisionEvent(id, type, date, text, who, user.id(), user.displayName()));
        cases.record(id, "SUPERVISION_" + type.name(), abbreviate(text));
        if (withFile) {
            cases.addEventFile(id, e.getId(), file);
        }
        cases.notifyLeadUnit(id, "keyproposal.notice.supervised");
        return view(e, cases.eventFiles(id));
    }

    /** A file added to a supervision event later, by those who may record supervision. */
    CaseFile attach(Long id, Long eventId, org.springframework.web.multipart.MultipartFile file) {
        String name = cases.checkedFile(file);
        CurrentUsers.require();
        cases.open(id);
        SupervisionEvent e = events.findById(eventId).filter(x -> x.getProposalId().equals(id)).orElseThrow(NotFound::new);
        cases.check(id, KeyStep.SUPERVISE);
        CaseFile added = cases.addEventFile(id, e.getId(), file);
        cases.record(id, "SUPERVISION_ATTACH", name);
        return added;
    }

    @Transactional(readOnly = true)
    List<EventView> events(Long id) {
        cases.open(id);
        java.util.Map<Long, List<CaseFile>> files = cases.eventFiles(id);
        return events.findByProposalIdOrderByDateAscIdAsc(id).stream().map(e -> view(e, files)).toList();
    }

    private List<Long> leaderIds(InvalidInput invalid, String field, List<Long> ids, Role role) {
        if (ids == null) {
            return List.of();
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() > MAX_LEADERS) {
            invalid.add(field, "validation.range", 0, MAX_LEADERS);
            return List.of();
        }
        Set<Long> allowed = Set.copyOf(users.userIdsWithRole(role));
        if (distinct.stream().anyMatch(u -> u == null || !allowed.contains(u))) {
            invalid.add(field, "keyproposal.validation.leaderRole", role.name());
        }
        return distinct;
    }

    /** Replaces the case's leaders with these, changing only what differs; answers the users newly attached. */
    private List<Long> setLeaders(Long id, List<Long> lead, List<Long> supervisors) {
        List<KeyLeader> current = leaders.findByProposalIdOrderByIdAsc(id);
        List<Long> added = new ArrayList<>();
        for (KeyLeader l : current) {
            List<Long> wanted = l.getRole() == KeyLeader.Kind.LEAD ? lead : supervisors;
            if (!wanted.contains(l.getUserId())) {
                leaders.delete(l);
            }
        }
        for (Long u : lead) {
            if (current.stream().noneMatch(l -> l.getRole() == KeyLeader.Kind.LEAD && l.getUserId().equals(u))) {
                leaders.save(new KeyLeader(id, u, KeyLeader.Kind.LEAD));
                added.add(u);
            }
        }
        for (Long u : supervisors) {
            if (current.stream().noneMatch(l -> l.getRole() == KeyLeader.Kind.SUPERVISOR && l.getUserId().equals(u))) {
                leaders.save(new KeyLeader(id, u, KeyLeader.Kind.SUPERVISOR));
                added.add(u);
            }
        }
        leaders.flush();
        return added;
    }

    private void announce(CaseFacts p, List<Long> addedLeaders) {
        if (!addedLeaders.isEmpty()) {
            notifications.toUsers(addedLeaders, Notice.of("keyproposal.notice.leader", "/proposals/" + p.id(), p.title()));
        }
        cases.notifyLeadUnit(p.id(), "keyproposal.notice.marked");
    }

    private String leaderNote(List<Long> lead, List<Long> supervisors) {
        return "领办/lead: " + names(lead) + "; 督办/supervise: " + names(supervisors);
    }

    private String names(List<Long> ids) {
        return ids.isEmpty() ? "-" : String.join("、", ids.stream().map(u -> users.displayName(u).orElse("#" + u)).toList());
    }

    private KeyView view(Long id) {
        CaseFacts p = cases.facts(List.of(id)).stream().findFirst().orElseThrow(NotFound::new);
        List<KeyLeader> all = leaders.findByProposalIdOrderByIdAsc(id);
        List<LeaderView> lead = all.stream().filter(l -> l.getRole() == KeyLeader.Kind.LEAD)
                .map(l -> new LeaderView(l.getUserId(), users.displayName(l.getUserId()).orElse(null))).toList();
        List<LeaderView> sup = all.stream().filter(l -> l.getRole() == KeyLeader.Kind.SUPERVISOR)
                .map(l -> new LeaderView(l.getUserId(), users.displayName(l.getUserId()).orElse(null))).toList();
        return new KeyView(id, p.key(), lead.stream().map(LeaderView::userId).toList(),
                sup.stream().map(LeaderView::userId).toList(), lead, sup, p.version());
    }

    private static DecisionView view(KeyDecision d) {
        return new DecisionView(d.getId(), d.getYear(), d.getMeetingDate(), d.proposalIds(), d.getReasons(),
                d.getCreatedBy(), d.getCreatedAt());
    }

    private static EventView view(SupervisionEvent e, java.util.Map<Long, List<CaseFile>> files) {
        return new EventView(e.getId(), e.getProposalId(), e.getType(), e.getDate(), e.getContent(), e.getParticipants(),
                e.getAuthorUserId(), e.getAuthor(), e.getCreatedAt(), files.getOrDefault(e.getId(), List.of()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
