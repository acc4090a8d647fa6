package org.xieshang.proposal.internal;

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
import org.xieshang.proposal.internal.Step.Actor;
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
                     List<ProposalViews.AttachmentView> attachments) {
    }

    private final CaseSupport cases;
    private final KeyLeaderRepository leaders;
    private final KeyDecisionRepository decisions;
    private final SupervisionEventRepository events;
    private final UserAccounts users;
    private final Notifications notifications;
    private final AttachmentStore attachments;

    KeyProposals(CaseSupport cases, KeyLeaderRepository leaders, KeyDecisionRepository decisions,
                 SupervisionEventRepository events, UserAccounts users, Notifications notifications,
                 AttachmentStore attachments) {
        this.attachments = attachments;
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
        ProposalCase c = cases.openFor(id, Step.MARK_KEY);
        List<Long> added = setLeaders(id, lead, supervisors);
        c.proposal().markKey(true);
        cases.move(c, "MARK_KEY", null, leaderNote(lead, supervisors));
        announce(c.proposal(), added);
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
        if (!ProposalScope.isStaff(user)) {
            throw new org.xieshang.shared.error.Forbidden();
        }
        List<ProposalCase> chosen = new ArrayList<>();
        for (Long pid : ids) {
            ProposalCase c;
            try {
                c = cases.open(pid);
            } catch (NotFound unknown) {
                throw InvalidInput.field("proposalIds", "keyproposal.validation.unknownProposal", pid);
            }
            cases.check(c, Step.MARK_KEY);
            chosen.add(c);
        }
        KeyDecision d = decisions.save(new KeyDecision(year, meetingDate, ids, why, user.displayName()));
        for (ProposalCase c : chosen) {
            c.proposal().markKey(true);
            cases.move(c, "MARK_KEY", null, meetingDate + (why == null || why.isEmpty() ? "" : "：" + abbreviate(why)));
            if (c.proposal().getLeadUnitId() != null) {
                cases.notifyUnit(c.proposal().getLeadUnitId(), "keyproposal.notice.marked", c.proposal());
            }
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
            AttachmentStore.checked(file);
        }
        InvalidInput invalid = new InvalidInput();
        String text = cases.datedRecord(invalid, type, date, content);
        String who = participants == null || participants.isBlank() ? null : participants.strip();
        if (who != null && who.length() > 2000) {
            invalid.add("participants", "validation.length", 0, 2000);
        }
        invalid.throwIfAny();
        CurrentUser user = CurrentUsers.require();
        ProposalCase c = cases.open(id);
        Set<Actor> extra = leaders.existsByProposalIdAndUserId(id, user.id()) ? Set.of(Actor.KEY_LEADER) : Set.of();
        cases.check(c, Step.SUPERVISE, extra);
        Proposal p = c.proposal();
        if (!p.isKey()) {
            throw new Conflict("keyproposal.notKey");
        }
        SupervisionEvent e = events.save(new SupervisionEvent(id, type, date, text, who, user.id(), user.displayName()));
        cases.move(c, "SUPERVISION_" + type.name(), null, abbreviate(text));
        if (withFile) {
            attachments.addToEvent(id, e.getId(), file);
        }
        if (p.getLeadUnitId() != null) {
            cases.notifyUnit(p.getLeadUnitId(), "keyproposal.notice.supervised", p);
        }
        return view(e, attachments.ofEvents(id));
    }

    /** A file added to a supervision event later, by those who may record supervision. */
    ProposalViews.AttachmentView attach(Long id, Long eventId, org.springframework.web.multipart.MultipartFile file) {
        String name = AttachmentStore.checked(file);
        CurrentUser user = CurrentUsers.require();
        ProposalCase c = cases.open(id);
        SupervisionEvent e = events.findById(eventId).filter(x -> x.getProposalId().equals(id)).orElseThrow(NotFound::new);
        Set<Actor> extra = leaders.existsByProposalIdAndUserId(id, user.id()) ? Set.of(Actor.KEY_LEADER) : Set.of();
        cases.check(c, Step.SUPERVISE, extra);
        ProposalViews.AttachmentView added = attachments.addToEvent(id, e.getId(), file);
        cases.move(c, "SUPERVISION_ATTACH", null, name);
        return added;
    }

    @Transactional(readOnly = true)
    List<EventView> events(Long id) {
        cases.open(id);
        java.util.Map<Long, List<ProposalViews.AttachmentView>> files = attachments.ofEvents(id);
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

    private void announce(Proposal p, List<Long> addedLeaders) {
        if (!addedLeaders.isEmpty()) {
            notifications.toUsers(addedLeaders, Notice.of("keyproposal.notice.leader", "/proposals/" + p.getId(), p.getTitle()));
        }
        if (p.getLeadUnitId() != null) {
            cases.notifyUnit(p.getLeadUnitId(), "keyproposal.notice.marked", p);
        }
    }

    private String leaderNote(List<Long> lead, List<Long> supervisors) {
        return "领办/lead: " + names(lead) + "; 督办/supervise: " + names(supervisors);
    }

    private String names(List<Long> ids) {
        return ids.isEmpty() ? "-" : String.join("、", ids.stream().map(u -> users.displayName(u).orElse("#" + u)).toList());
    }

    private KeyView view(Long id) {
        Proposal p = cases.proposals().findById(id).orElseThrow(NotFound::new);
        List<KeyLeader> all = leaders.findByProposalIdOrderByIdAsc(id);
        List<LeaderView> lead = all.stream().filter(l -> l.getRole() == KeyLeader.Kind.LEAD)
                .map(l -> new LeaderView(l.getUserId(), users.displayName(l.getUserId()).orElse(null))).toList();
        List<LeaderView> sup = all.stream().filter(l -> l.getRole() == KeyLeader.Kind.SUPERVISOR)
                .map(l -> new LeaderView(l.getUserId(), users.displayName(l.getUserId()).orElse(null))).toList();
        return new KeyView(id, p.isKey(), lead.stream().map(LeaderView::userId).toList(),
                sup.stream().map(LeaderView::userId).toList(), lead, sup, p.getVersion());
    }

    private static DecisionView view(KeyDecision d) {
        return new DecisionView(d.getId(), d.getYear(), d.getMeetingDate(), d.proposalIds(), d.getReasons(),
                d.getCreatedBy(), d.getCreatedAt());
    }

    private static EventView view(SupervisionEvent e, java.util.Map<Long, List<ProposalViews.AttachmentView>> files) {
        return new EventView(e.getId(), e.getProposalId(), e.getType(), e.getDate(), e.getContent(), e.getParticipants(),
                e.getAuthorUserId(), e.getAuthor(), e.getCreatedAt(), files.getOrDefault(e.getId(), List.of()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
