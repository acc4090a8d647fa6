package org.xieshang.liaison.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.audit.AuditTrail;
import org.xieshang.liaison.ContactMethod;
import org.xieshang.liaison.LiaisonContactLogged;
import org.xieshang.liaison.LiaisonContacts;
import org.xieshang.liaison.ProposalLeadRaised;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/**
 * Contact logs (DESIGN §3): a liaison records a contact with members of their group in the
 * year's confirmed plan; difficulties are followed until resolved, proposal leads can be raised
 * once as a proposal draft. A liaison works on their own contacts; the office (ADMIN) on all.
 */
@Service
@Transactional(readOnly = true)
public class LiaisonContactService implements LiaisonContacts {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_MEMBERS = 200;

    public record ContactForm(Long liaisonMemberId, List<Long> memberIds, LocalDate date, ContactMethod method,
                              String conveyed, String suggestions, String committeeSuggestions, String situation,
                              String proposalLeads, String difficulties) {
    }

    public record FollowUpView(Long id, Long contactId, FollowUpKind kind, String text, FollowUpStatus status,
                               Long memberId, Long liaisonMemberId, List<Long> contactMemberIds, LocalDate contactDate,
                               String resolution, Instant closedAt, String closedBy, long version) {
    }

    public record ContactView(Long id, Long liaisonMemberId, List<Long> memberIds, LocalDate date, ContactMethod method,
                              String conveyed, String suggestions, String committeeSuggestions, String situation,
                              String proposalLeads, String difficulties, String recordedBy, Instant recordedAt,
                              List<FollowUpView> followUps, List<Long> extraMemberIds) {
    }

    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    private final LiaisonContactRepository contacts;
    private final LiaisonParticipantRepository participants;
    private final LiaisonFollowUpRepository followUps;
    private final LiaisonPlanService plans;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LiaisonClock clock;

    LiaisonContactService(LiaisonContactRepository contacts, LiaisonParticipantRepository participants, LiaisonFollowUpRepository followUps,
                   LiaisonPlanService plans, AuditTrail audit, ApplicationEventPublisher events, LiaisonClock clock) {
        this.contacts = contacts;
        this.participants = participants;
        this.followUps = followUps;
        this.plans = plans;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Logs a contact. 403 unless the caller is the liaison or ADMIN; 409 without a confirmed plan
     * for the contact's year; 400 (field {@code memberIds}) for a member outside the liaison's group.
     */
    @Transactional
    public ContactView log(ContactForm raw) {
        CurrentUser user = CurrentUsers.require();
        boolean admin = user.has(Role.ADMIN);
        if (!admin && user.memberId() == null) {
            throw new Forbidden();
        }
        ContactForm form = normalize(raw, admin ? null : user.memberId());
        if (form.liaisonMemberId() == null) {
            throw InvalidInput.field("liaisonMemberId", "validation.required");
        }
        if (!admin && !form.liaisonMemberId().equals(user.memberId())) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        LocalDate today = clock.today();
        if (form.date() == null) {
            invalid.add("date", "validation.required");
        } else if (form.date().isAfter(today)) {
            invalid.add("date", "liaison.contact.future");
        } else if (form.date().getYear() < LiaisonPlanService.FIRST_YEAR) {
            invalid.add("date", "liaison.contact.tooOld", String.valueOf(LiaisonPlanService.FIRST_YEAR));
        }
        if (form.method() == null) {
            invalid.add("method", "validation.required");
        }
        if (form.memberIds().isEmpty()) {
            invalid.add("memberIds", "validation.required");
        } else if (form.memberIds().size() > MAX_MEMBERS) {
            invalid.add("memberIds", "liaison.contact.tooManyMembers", MAX_MEMBERS);
        } else if (form.method() != null && form.method().singleMember() && form.memberIds().size() != 1) {
            invalid.add("memberIds", "liaison.contact.oneMember");
        }
        Map<String, String> texts = texts(form);
        texts.forEach((field, text) -> {
            if (text != null && text.length() > MAX_TEXT) {
                invalid.add(field, "validation.length", "0", String.valueOf(MAX_TEXT));
            }
        });
        if (texts.values().stream().allMatch(t -> t == null)) {
            invalid.add("conveyed", "liaison.contact.nothingRecorded");
        }
        invalid.throwIfAny();

        int year = form.date().getYear();
        LiaisonPlan plan = plans.plan(year).orElseThrow(() -> new Conflict("liaison.contact.noPlan", String.valueOf(year)));
        if (plan.getStatus() != PlanStatus.CONFIRMED) {
            throw new Conflict("liaison.contact.planNotConfirmed", String.valueOf(year));
        }
        if (!plan.liaisonIds().contains(form.liaisonMemberId())) {
            throw InvalidInput.field("liaisonMemberId", "liaison.contact.notLiaisonInPlan", String.valueOf(year));
        }
        Set<Long> group = new HashSet<>();
        plans.group(plan, form.liaisonMemberId()).forEach(a -> group.add(a.getMemberId()));
        List<Long> outside = form.memberIds().stream().filter(id -> !group.contains(id)).toList();
        if (!outside.isEmpty() && form.method() != ContactMethod.SYMPOSIUM) {
            throw InvalidInput.field("memberIds", "liaison.contact.notInGroup", outside.toString(), String.valueOf(year));
        }
        // a symposium may include members of other groups (issue 15 point 9): members of this year's plan,
        // recorded as extra contacts and counted for them as for the group's own
        if (!outside.isEmpty()) {
            Set<Long> inPlan = new HashSet<>();
            plans.pairs(plan).forEach(a -> inPlan.add(a.getMemberId()));
            List<Long> unknown = outside.stream().filter(id -> !inPlan.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw InvalidInput.field("memberIds", "liaison.contact.extraNotMember", unknown.toString());
            }
        }
        Set<Long> extra = new HashSet<>(outside);

        LiaisonContact contact = contacts.saveAndFlush(new LiaisonContact(form, user.username()));
        participants.saveAll(form.memberIds().stream()
                .map(id -> new LiaisonParticipant(contact.getId(), id, extra.contains(id))).toList());
        if (form.difficulties() != null) {
            followUps.save(new LiaisonFollowUp(contact.getId(), FollowUpKind.DIFFICULTY, form.difficulties()));
        }
        if (form.proposalLeads() != null) {
            followUps.save(new LiaisonFollowUp(contact.getId(), FollowUpKind.PROPOSAL_LEAD, form.proposalLeads()));
        }
        participants.flush();
        followUps.flush();
        events.publishEvent(new LiaisonContactLogged(user.committeeId(), contact.getId(), form.liaisonMemberId(),
                form.memberIds().stream().sorted().toList(), form.date(), form.method()));
        return views(List.of(contact)).get(0);
    }

    /** Contacts of a year (or all), newest first: the office and CPPCC leaders see all, others their own. */
    public Page<ContactView> search(Integer year, Long liaisonMemberId, Long memberId, PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        boolean everyone = user.hasAny(Role.ADMIN, Role.LEADER_CPPCC);
        if (!everyone && user.memberId() == null) {
            throw new Forbidden();
        }
        LocalDate from = year == null ? LocalDate.of(LiaisonPlanService.FIRST_YEAR, 1, 1) : LocalDate.of(year, 1, 1);
        LocalDate to = year == null ? END_OF_TIME : LocalDate.of(year, 12, 31);
        Page<LiaisonContact> found = contacts.search(from, to, liaisonMemberId, memberId, everyone,
                user.memberId() == null ? -1L : user.memberId(), page);
        return new PageImpl<>(views(found.getContent()), page, found.getTotalElements());
    }

    public ContactView get(Long id) {
        LiaisonContact contact = contacts.findById(id).orElseThrow(NotFound::new);
        ContactView view = views(List.of(contact)).get(0);
        if (!visible(CurrentUsers.require(), view)) {
            throw new NotFound();
        }
        return view;
    }

    /** Follow-ups (difficulties, leads), newest contact first; a liaison sees those of their own contacts. */
    public Page<FollowUpView> followUps(FollowUpKind kind, boolean openOnly, Long liaisonMemberId, PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        Long liaison = liaisonMemberId;
        if (!user.hasAny(Role.ADMIN, Role.LEADER_CPPCC)) {
            if (user.memberId() == null || (liaison != null && !liaison.equals(user.memberId()))) {
                throw new Forbidden();
            }
            liaison = user.memberId();
        }
        Page<LiaisonFollowUp> found = followUps.search(kind, openOnly, liaison, page);
        return new PageImpl<>(followUpViews(found.getContent()), page, found.getTotalElements());
    }

    @Transactional
    public FollowUpView resolve(Long id, String resolution) {
        LiaisonFollowUp f = followUps.findById(id).orElseThrow(NotFound::new);
        LiaisonContact contact = requireWorkOn(f);
        if (f.getKind() != FollowUpKind.DIFFICULTY) {
            throw new Conflict("liaison.followUp.notDifficulty");
        }
        if (f.getStatus() != FollowUpStatus.OPEN) {
            throw new Conflict("liaison.followUp.alreadyResolved");
        }
        String text = clean(resolution);
        if (text == null) {
            throw InvalidInput.field("resolution", "validation.required");
        }
        if (text.length() > MAX_TEXT) {
            throw InvalidInput.field("resolution", "validation.length", "1", String.valueOf(MAX_TEXT));
        }
        f.resolve(text, CurrentUsers.actorName());
        followUps.saveAndFlush(f);
        audit.record("LiaisonFollowUp", f.getId(), "RESOLVE", Map.of("contactId", contact.getId(), "resolution", text));
        return followUpViews(List.of(f)).get(0);
    }

    /**
     * Turns a proposal lead into a proposal draft for one of the contact's members, once: publishes
     * {@link ProposalLeadRaised} for the proposal module. With one member met, that member is the default.
     */
    @Transactional
    public FollowUpView raiseLead(Long id, Long memberId) {
        LiaisonFollowUp f = followUps.findById(id).orElseThrow(NotFound::new);
        LiaisonContact contact = requireWorkOn(f);
        if (f.getKind() != FollowUpKind.PROPOSAL_LEAD) {
            throw new Conflict("liaison.followUp.notLead");
        }
        if (f.getStatus() != FollowUpStatus.OPEN) {
            throw new Conflict("liaison.followUp.alreadyRaised");
        }
        List<Long> met = participants.findByContactIdInOrderByContactIdAscMemberIdAsc(List.of(contact.getId())).stream()
                .map(LiaisonParticipant::getMemberId).toList();
        Long member = memberId;
        if (member == null && met.size() == 1) {
            member = met.get(0);
        }
        if (member == null) {
            throw InvalidInput.field("memberId", "validation.required");
        }
        if (!met.contains(member)) {
            throw InvalidInput.field("memberId", "liaison.followUp.notParticipant");
        }
        f.raised(member, CurrentUsers.actorName());
        followUps.saveAndFlush(f);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contactId", contact.getId());
        details.put("memberId", member);
        audit.record("LiaisonFollowUp", f.getId(), "RAISE_PROPOSAL_LEAD", details);
        events.publishEvent(new ProposalLeadRaised(CurrentUsers.require().committeeId(), member, contact.getId(), f.getBody()));
        return followUpViews(List.of(f)).get(0);
    }

    @Override
    public List<ContactFact> between(LocalDate from, LocalDate to) {
        List<LiaisonContact> found = contacts.findByContactDateBetweenOrderByContactDateAscIdAsc(from, to);
        Map<Long, List<Long>> members = membersOf(found);
        return found.stream().map(c -> new ContactFact(c.getId(), c.getLiaisonMemberId(),
                members.getOrDefault(c.getId(), List.of()), c.getContactDate(), c.getMethod())).toList();
    }

    /** Open difficulties of a year's contacts (the compliance dashboard shows them). */
    long openDifficulties() {
        return followUps.search(FollowUpKind.DIFFICULTY, true, null, PageRequest.of(0, 1)).getTotalElements();
    }

    // --- helpers ---

    /** The contact of a follow-up, if the caller may work on it: its liaison or ADMIN (404 when not even visible). */
    private LiaisonContact requireWorkOn(LiaisonFollowUp f) {
        CurrentUser user = CurrentUsers.require();
        LiaisonContact contact = contacts.findById(f.getContactId()).orElseThrow(NotFound::new);
        if (user.has(Role.ADMIN) || contact.getLiaisonMemberId().equals(user.memberId())) {
            return contact;
        }
        if (user.has(Role.LEADER_CPPCC)) {
            throw new Forbidden();
        }
        throw new NotFound();
    }

    private static boolean visible(CurrentUser user, ContactView c) {
        return user.hasAny(Role.ADMIN, Role.LEADER_CPPCC) || c.liaisonMemberId().equals(user.memberId())
                || (user.memberId() != null && c.memberIds().contains(user.memberId()));
    }

    private static ContactForm normalize(ContactForm f, Long ownMemberId) {
        List<Long> ids = f.memberIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(f.memberIds().stream().filter(java.util.Objects::nonNull).toList()));
        return new ContactForm(f.liaisonMemberId() != null ? f.liaisonMemberId() : ownMemberId, ids, f.date(), f.method(),
                clean(f.conveyed()), clean(f.suggestions()), clean(f.committeeSuggestions()), clean(f.situation()),
                clean(f.proposalLeads()), clean(f.difficulties()));
    }

    private static Map<String, String> texts(ContactForm f) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("conveyed", f.conveyed());
        texts.put("suggestions", f.suggestions());
        texts.put("committeeSuggestions", f.committeeSuggestions());
        texts.put("situation", f.situation());
        texts.put("proposalLeads", f.proposalLeads());
        texts.put("difficulties", f.difficulties());
        return texts;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private Map<Long, List<Long>> membersOf(List<LiaisonContact> list) {
        Map<Long, List<Long>> members = new HashMap<>();
        if (list.isEmpty()) {
            return members;
        }
        participants.findByContactIdInOrderByContactIdAscMemberIdAsc(list.stream().map(LiaisonContact::getId).toList())
                .forEach(p -> members.computeIfAbsent(p.getContactId(), k -> new ArrayList<>()).add(p.getMemberId()));
        return members;
    }

    private List<ContactView> views(List<LiaisonContact> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> members = membersOf(list);
        Map<Long, List<Long>> extras = new HashMap<>();
        participants.findByContactIdInOrderByContactIdAscMemberIdAsc(list.stream().map(LiaisonContact::getId).toList())
                .stream().filter(LiaisonParticipant::isExtra)
                .forEach(p -> extras.computeIfAbsent(p.getContactId(), k -> new ArrayList<>()).add(p.getMemberId()));
        Map<Long, List<FollowUpView>> items = new HashMap<>();
        List<Long> ids = list.stream().map(LiaisonContact::getId).toList();
        Map<Long, LiaisonContact> byId = new HashMap<>();
        list.forEach(c -> byId.put(c.getId(), c));
        for (LiaisonFollowUp f : followUps.findByContactIdInOrderByIdAsc(ids)) {
            items.computeIfAbsent(f.getContactId(), k -> new ArrayList<>())
                    .add(followUpView(f, byId.get(f.getContactId()), members.getOrDefault(f.getContactId(), List.of())));
        }
        return list.stream().map(c -> new ContactView(c.getId(), c.getLiaisonMemberId(), members.getOrDefault(c.getId(), List.of()),
                c.getContactDate(), c.getMethod(), c.getConveyed(), c.getSuggestions(), c.getCommitteeSuggestions(),
                c.getSituation(), c.getProposalLeads(), c.getDifficulties(), c.getRecordedBy(), c.getRecordedAt(),
                items.getOrDefault(c.getId(), List.of()), extras.getOrDefault(c.getId(), List.of()))).toList();
    }

    private List<FollowUpView> followUpViews(List<LiaisonFollowUp> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, LiaisonContact> byId = new HashMap<>();
        contacts.findAllById(list.stream().map(LiaisonFollowUp::getContactId).distinct().toList()).forEach(c -> byId.put(c.getId(), c));
        Map<Long, List<Long>> members = membersOf(new ArrayList<>(byId.values()));
        return list.stream().map(f -> followUpView(f, byId.get(f.getContactId()), members.getOrDefault(f.getContactId(), List.of())))
                .toList();
    }

    private static FollowUpView followUpView(LiaisonFollowUp f, LiaisonContact c, List<Long> members) {
        return new FollowUpView(f.getId(), f.getContactId(), f.getKind(), f.getBody(), f.getStatus(), f.getMemberId(),
                c.getLiaisonMemberId(), members, c.getContactDate(), f.getResolution(), f.getClosedAt(), f.getClosedBy(),
                f.getVersion());
    }
}
