package org.xieshang.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.activity.ActivityType;
import org.xieshang.activity.AttendanceChanged;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.activity.SpeechRecorded;
import org.xieshang.audit.AuditTrail;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.member.MemberRole;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.DomainException;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/**
 * The use cases of activities: plan and invite (office), ask for leave and check in (invited
 * members, or the office for them), decide leaves, correct attendance with a reason, record
 * speeches, close attendance after the end. Every attendance change is kept as history, audited and
 * published as {@link AttendanceChanged}.
 */
@Service
@Transactional(readOnly = true)
public class ActivityService {

    static final String AUDIT_TYPE = "Activity";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What the office enters to plan an activity; groups add their serving members to the invitees. */
    public record ActivityForm(ActivityType type, String title, Instant startsAt, Instant endsAt, String location,
                               String organiser, String description, String agenda, List<Long> invitedMemberIds,
                               boolean inviteAllMembers, boolean inviteStandingCommittee, List<Long> invitedSectorIds,
                               List<Long> invitedSpecialCommitteeIds) {
    }

    public record ActivityView(Long id, ActivityType type, String title, Instant startsAt, Instant endsAt, String location,
                               String organiser, String description, String agenda, String status, Instant closedAt,
                               List<Long> invitedMemberIds, long version) {
    }

    public record AttendanceItem(Long memberId, String name, AttendanceStatus status, Instant checkedInAt, String checkInBy) {
    }

    public record LeaveView(Long id, Long activityId, Long memberId, String reason, String status, Instant requestedAt,
                            String decidedBy, Instant decidedAt, String refusalReason) {
    }

    public record ChangeView(Long memberId, AttendanceStatus fromStatus, AttendanceStatus toStatus, String cause,
                             String reason, String changedBy, Instant changedAt) {
    }

    public record SpeechView(Long id, Long memberId, String memberName, String topic, Instant recordedAt) {
    }

    private final ActivityRepository activities;
    private final InvitationRepository invitations;
    private final LeaveRequestRepository leaves;
    private final AttendanceChangeRepository changes;
    private final SpeechRepository speeches;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ActivityCloser closer;
    private final Clock clock;

    ActivityService(ActivityRepository activities, InvitationRepository invitations, LeaveRequestRepository leaves,
                    AttendanceChangeRepository changes, SpeechRepository speeches, MemberDirectory members,
                    ReferenceData reference, Notifications notifications, AuditTrail audit,
                    ApplicationEventPublisher events, ActivityCloser closer, Clock clock) {
        this.activities = activities;
        this.invitations = invitations;
        this.leaves = leaves;
        this.changes = changes;
        this.speeches = speeches;
        this.members = members;
        this.reference = reference;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.closer = closer;
        this.clock = clock;
    }

    /** "Now" of the demo committee's acted-out past (set on this thread only); null: the clock's. */
    private static final ThreadLocal<Instant> ACTED_NOW = new ThreadLocal<>();

    Instant now() {
        Instant acted = ACTED_NOW.get();
        return (acted != null ? acted : clock.instant()).truncatedTo(ChronoUnit.MILLIS);
    }

    static <T> T actingAtResult(Instant at, java.util.function.Supplier<T> work) {
        List<T> out = new ArrayList<>();
        actingAt(at, () -> out.add(work.get()));
        return out.get(0);
    }

    /** Runs work as if it were that moment (demo data acting out a past year through the use cases). */
    static void actingAt(Instant at, Runnable work) {
        Instant previous = ACTED_NOW.get();
        ACTED_NOW.set(at);
        try {
            work.run();
        } finally {
            if (previous == null) {
                ACTED_NOW.remove();
            } else {
                ACTED_NOW.set(previous);
            }
        }
    }

    ZoneId zone() {
        return clock.getZone();
    }

    // --- planning (office) ---

    @Transactional
    public ActivityView create(ActivityForm form) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        ActivityForm f = normalize(form);
        InvalidInput invalid = new InvalidInput();
        if (f.type() == null) {
            invalid.add("type", "validation.required");
        }
        text(invalid, "title", f.title(), 300, true);
        text(invalid, "location", f.location(), 300, true);
        text(invalid, "organiser", f.organiser(), 300, false);
        text(invalid, "description", f.description(), 4000, false);
        text(invalid, "agenda", f.agenda(), 4000, false);
        if (f.startsAt() == null) {
            invalid.add("startsAt", "validation.required");
        }
        if (f.endsAt() == null) {
            invalid.add("endsAt", "validation.required");
        } else if (f.startsAt() != null && !f.endsAt().isAfter(f.startsAt())) {
            invalid.add("endsAt", "activity.validation.endAfterStart");
        }
        Set<Long> invitees = invitees(f, invalid);
        invalid.throwIfAny();

        Activity a = activities.save(new Activity(f, CheckInCode.newSecret(), user.username(), now()));
        invitees.forEach(m -> invitations.save(new Invitation(a.getId(), m)));
        audit.record(AUDIT_TYPE, a.getId(), "planned", Map.of("type", a.getType().name(), "title", a.getTitle(),
                "invited", invitees.size()));
        closer.schedule(a);
        notifications.toMembers(invitees, Notice.of("activity.notice.invited", "/activities/" + a.getId(), a.getTitle(),
                WHEN.format(a.getStartsAt().atZone(zone())), a.getLocation()));
        return view(a);
    }

    private static ActivityForm normalize(ActivityForm f) {
        return new ActivityForm(f.type(), strip(f.title()), f.startsAt(), f.endsAt(), strip(f.location()), strip(f.organiser()),
                strip(f.description()), strip(f.agenda()), f.invitedMemberIds() == null ? List.of() : f.invitedMemberIds(),
                f.inviteAllMembers(), f.inviteStandingCommittee(),
                f.invitedSectorIds() == null ? List.of() : f.invitedSectorIds(),
                f.invitedSpecialCommitteeIds() == null ? List.of() : f.invitedSpecialCommitteeIds());
    }

    /** Invitees one by one (each must exist) and by group (serving members of the group). */
    private Set<Long> invitees(ActivityForm f, InvalidInput invalid) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Long id : f.invitedMemberIds()) {
            if (id == null || !members.exists(id)) {
                invalid.add("invitedMemberIds", "validation.unknownMember");
            } else {
                ids.add(id);
            }
        }
        for (Long sector : f.invitedSectorIds()) {
            if (sector == null || !reference.sectorExists(sector)) {
                invalid.add("invitedSectorIds", "validation.unknownSector");
            }
        }
        for (Long sc : f.invitedSpecialCommitteeIds()) {
            if (sc == null || !reference.specialCommitteeExists(sc)) {
                invalid.add("invitedSpecialCommitteeIds", "validation.unknownSpecialCommittee");
            } else {
                members.servingMembersOfSpecialCommittee(sc).forEach(m -> ids.add(m.id()));
            }
        }
        if (f.inviteAllMembers() || f.inviteStandingCommittee() || !f.invitedSectorIds().isEmpty()) {
            for (MemberSummary m : members.all()) {
                if (!m.status().isServing()) {
                    continue;
                }
                boolean standing = m.roles().stream().anyMatch(MemberRole::isLiaison);
                if (f.inviteAllMembers() || (f.inviteStandingCommittee() && standing)
                        || f.invitedSectorIds().contains(m.sectorId())) {
                    ids.add(m.id());
                }
            }
        }
        if (ids.isEmpty() && !invalid.hasProblems()) {
            invalid.add("invitedMemberIds", "activity.validation.noInvitees");
        }
        return ids;
    }

    // --- reading ---

    public Page<ActivityView> list(Pageable pageable) {
        CurrentUsers.requireAny(Role.ADMIN);
        return activities.findAllByOrderByStartsAtDesc(pageable).map(this::view);
    }

    /** The activities of a month: all for the office and leaders, a member's own otherwise. */
    public List<ActivityView> month(YearMonth month) {
        CurrentUser user = CurrentUsers.require();
        Instant from = month.atDay(1).atStartOfDay(zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant();
        if (seesAll(user)) {
            return activities.findByStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAtAsc(from, to).stream()
                    .map(this::view).toList();
        }
        if (user.memberId() == null) {
            return List.of();
        }
        return activities.ofMember(user.memberId()).stream()
                .filter(a -> !a.getStartsAt().isBefore(from) && a.getStartsAt().isBefore(to)).map(this::view).toList();
    }

    /** The signed-in member's activities that have not ended yet, soonest first, with their own status. */
    public List<Mine> mine() {
        CurrentUser user = CurrentUsers.require();
        if (user.memberId() == null) {
            return List.of();
        }
        Instant now = now();
        List<Mine> out = new ArrayList<>();
        for (Activity a : activities.ofMember(user.memberId())) {
            if (a.getEndsAt().isBefore(now) || a.isCancelled()) {
                continue;
            }
            Invitation i = invitations.findByActivityIdAndMemberId(a.getId(), user.memberId()).orElseThrow();
            boolean pendingLeave = leaves.existsByActivityIdAndMemberIdAndStatusIn(a.getId(), user.memberId(),
                    EnumSet.of(LeaveRequest.Status.PENDING));
            out.add(new Mine(view(a), i.getStatus(), pendingLeave,
                    CheckInWindow.contains(a.getStartsAt(), a.getEndsAt(), now)));
        }
        return out;
    }

    public record Mine(ActivityView activity, AttendanceStatus status, boolean leavePending, boolean checkInOpen) {
    }

    /** Every activity of a member (for their calendar feed), oldest first; no user check (signed link). */
    List<Activity> ofMemberForFeed(Long memberId) {
        return activities.ofMember(memberId).stream().filter(a -> !a.isCancelled()).toList();
    }

    public ActivityView get(Long id) {
        return view(visible(id));
    }

    /** The office and leaders see every activity; a member only those they are invited to. */
    private Activity visible(Long id) {
        CurrentUser user = CurrentUsers.require();
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        if (seesAll(user)) {
            return a;
        }
        if (user.memberId() != null && invitations.findByActivityIdAndMemberId(id, user.memberId()).isPresent()) {
            return a;
        }
        throw new NotFound();
    }

    static boolean seesAll(CurrentUser user) {
        return user.hasAny(Role.ADMIN, Role.LEADER_CPPCC);
    }

    public List<AttendanceItem> attendance(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        return attendanceOf(a);
    }

    /** The attendance as shown on the activity's page (the office and leaders; a member sees it too). */
    public List<AttendanceItem> attendanceForPage(Long id) {
        return attendanceOf(visible(id));
    }

    private List<AttendanceItem> attendanceOf(Activity a) {
        List<Invitation> rows = invitations.findByActivityIdOrderByIdAsc(a.getId());
        Map<Long, String> names = members.names(rows.stream().map(Invitation::getMemberId).toList());
        return rows.stream().map(i -> new AttendanceItem(i.getMemberId(), names.get(i.getMemberId()), i.getStatus(),
                i.getCheckedInAt(), i.getCheckInBy() == null ? null : i.getCheckInBy().name())).toList();
    }

    public List<LeaveView> leaveRequests(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        activities.findById(id).orElseThrow(NotFound::new);
        return leaves.findByActivityIdOrderByIdAsc(id).stream().map(ActivityService::view).toList();
    }

    public List<ChangeView> history(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        activities.findById(id).orElseThrow(NotFound::new);
        return changes.findByActivityIdOrderByIdAsc(id).stream().map(c -> new ChangeView(c.getMemberId(), c.getFromStatus(),
                c.getToStatus(), c.getCause().name(), c.getReason(), c.getChangedBy(), c.getChangedAt())).toList();
    }

    public List<SpeechView> speeches(Long id) {
        Activity a = visible(id);
        List<Speech> rows = speeches.findByActivityIdOrderByIdAsc(a.getId());
        Map<Long, String> names = members.names(rows.stream().map(Speech::getMemberId).toList());
        return rows.stream().map(s -> new SpeechView(s.getId(), s.getMemberId(), names.get(s.getMemberId()), s.getTopic(),
                s.getRecordedAt())).toList();
    }

    // --- leave (members ask, the office decides) ---

    @Transactional
    public LeaveView requestLeave(Long id, Long memberId, String reason) {
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        Invitation i = invitee(a, memberId);
        notCancelled(a);
        String r = strip(reason);
        InvalidInput invalid = new InvalidInput();
        text(invalid, "reason", r, 2000, true);
        invalid.throwIfAny();
        if (i.getStatus() == AttendanceStatus.PRESENT) {
            throw new Conflict("activity.leave.alreadyPresent");
        }
        if (leaves.existsByActivityIdAndMemberIdAndStatusIn(id, i.getMemberId(),
                EnumSet.of(LeaveRequest.Status.PENDING, LeaveRequest.Status.APPROVED))) {
            throw new Conflict("activity.leave.alreadyRequested");
        }
        LeaveRequest l = leaves.save(new LeaveRequest(id, i.getMemberId(), r, now()));
        audit.record(AUDIT_TYPE, id, "leaveRequested", Map.of("memberId", i.getMemberId(), "leaveRequestId", l.getId()));
        notifications.toRole(Role.ADMIN, Notice.of("activity.notice.leaveRequested", "/activities/" + id,
                members.names(List.of(i.getMemberId())).getOrDefault(i.getMemberId(), ""), a.getTitle()));
        return view(l);
    }

    @Transactional
    public LeaveView decide(Long id, Long requestId, Boolean approve, String reason) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        LeaveRequest l = leaves.findById(requestId).filter(r -> r.getActivityId().equals(id)).orElseThrow(NotFound::new);
        notCancelled(a);
        String r = strip(reason);
        InvalidInput invalid = new InvalidInput();
        if (approve == null) {
            invalid.add("approve", "validation.required");
        } else if (!approve) {
            text(invalid, "reason", r, 2000, true);
        }
        invalid.throwIfAny();
        if (l.getStatus() != LeaveRequest.Status.PENDING) {
            throw new Conflict("activity.leave.alreadyDecided");
        }
        l.decide(approve, r, user.username(), now());
        audit.record(AUDIT_TYPE, id, approve ? "leaveApproved" : "leaveRefused",
                r == null ? Map.of("leaveRequestId", requestId) : Map.of("leaveRequestId", requestId, "reason", r));
        if (approve) {
            Invitation i = invitations.findByActivityIdAndMemberId(id, l.getMemberId()).orElseThrow(NotFound::new);
            // an approved leave excuses an absence, even one counted at the close; a member who came stays present
            if (i.getStatus() == AttendanceStatus.INVITED || i.getStatus() == AttendanceStatus.ABSENT) {
                change(a, i, AttendanceStatus.ON_LEAVE, AttendanceChange.Cause.LEAVE, null, user.username());
            }
        }
        notifications.toMembers(List.of(l.getMemberId()), Notice.of(approve ? "activity.notice.leaveApproved"
                : "activity.notice.leaveRefused", "/activities/" + id, a.getTitle(), r == null ? "" : r));
        return view(l);
    }

    // --- check-in ---

    /**
     * Checks a member in: the member themself (API, or the QR code's link with {@code code}), or the
     * office ticking a name. Refused: unknown activity 404; not invited 403; a forged or expired code
     * 403; outside the window 409; already present 409.
     */
    @Transactional
    public AttendanceItem checkIn(Long id, Long memberId, String code, boolean byCode) {
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        Invitation i = invitee(a, memberId);
        CurrentUser user = CurrentUsers.require();
        Instant now = now();
        if (byCode && !CheckInCode.valid(a.getCodeSecret(), a.getId(), code, now)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "activity.checkIn.badCode");
        }
        notCancelled(a);
        if (!CheckInWindow.contains(a.getStartsAt(), a.getEndsAt(), now) || a.isClosed()) {
            throw new Conflict("activity.checkIn.outsideWindow");
        }
        if (i.getStatus() == AttendanceStatus.PRESENT) {
            throw new Conflict("activity.checkIn.already");
        }
        Invitation.CheckInBy by = byCode ? Invitation.CheckInBy.QR_CODE
                : user.memberId() != null && user.memberId().equals(i.getMemberId()) ? Invitation.CheckInBy.SELF
                : Invitation.CheckInBy.OFFICE;
        AttendanceStatus before = i.getStatus();
        i.checkIn(now, by);
        record(a, i, before, AttendanceChange.Cause.CHECK_IN, null, user.username());
        Map<Long, String> names = members.names(List.of(i.getMemberId()));
        return new AttendanceItem(i.getMemberId(), names.get(i.getMemberId()), i.getStatus(), i.getCheckedInAt(), by.name());
    }

    /** The current code of the office's screen (office only). */
    public IssuedCode code(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        Instant now = now();
        return new IssuedCode(CheckInCode.issue(a.getCodeSecret(), a.getId(), now), CheckInCode.expiresAt(now));
    }

    public record IssuedCode(String code, Instant expiresAt) {
    }

    /** The invitation of this member: the signed-in member, or any member for the office. */
    private Invitation invitee(Activity a, Long memberId) {
        CurrentUser user = CurrentUsers.require();
        Long who;
        if (user.has(Role.ADMIN) && memberId != null) {
            who = memberId;
        } else if (user.memberId() != null && (memberId == null || memberId.equals(user.memberId()))) {
            who = user.memberId();
        } else {
            throw new Forbidden();
        }
        return invitations.findByActivityIdAndMemberId(a.getId(), who)
                .orElseThrow(() -> new DomainException(HttpStatus.FORBIDDEN, "activity.notInvited"));
    }

    // --- corrections and speeches (office) ---

    @Transactional
    public AttendanceItem correct(Long id, Long memberId, AttendanceStatus status, String reason) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        Invitation i = invitations.findByActivityIdAndMemberId(id, memberId).orElseThrow(NotFound::new);
        notCancelled(a);
        String r = strip(reason);
        InvalidInput invalid = new InvalidInput();
        if (status == null) {
            invalid.add("status", "validation.required");
        } else if (status == AttendanceStatus.INVITED) {
            invalid.add("status", "validation.unknownValue");
        }
        text(invalid, "reason", r, 2000, true);
        invalid.throwIfAny();
        if (i.getStatus() == status) {
            throw new Conflict("activity.correction.unchanged");
        }
        change(a, i, status, AttendanceChange.Cause.CORRECTION, r, user.username());
        audit.record(AUDIT_TYPE, id, "attendanceCorrected", Map.of("memberId", memberId, "status", status.name(), "reason", r));
        Map<Long, String> names = members.names(List.of(memberId));
        return new AttendanceItem(memberId, names.get(memberId), i.getStatus(), i.getCheckedInAt(),
                i.getCheckInBy() == null ? null : i.getCheckInBy().name());
    }

    @Transactional
    public SpeechView recordSpeech(Long id, Long memberId, String topic) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        String t = strip(topic);
        InvalidInput invalid = new InvalidInput();
        if (memberId == null) {
            invalid.add("memberId", "validation.required");
        } else if (!members.exists(memberId)) {
            invalid.add("memberId", "validation.unknownMember");
        }
        text(invalid, "topic", t, 500, true);
        invalid.throwIfAny();
        Speech s = speeches.save(new Speech(id, memberId, t, user.username(), now()));
        audit.record(AUDIT_TYPE, id, "speechRecorded", Map.of("memberId", memberId, "speechId", s.getId()));
        events.publishEvent(new SpeechRecorded(a.getCommitteeId(), id, s.getId(), memberId, a.getType(), day(a), t));
        return new SpeechView(s.getId(), memberId, members.names(List.of(memberId)).get(memberId), t, s.getRecordedAt());
    }

    /**
     * The office cancels a planned activity before its end: invitees are told; it is never closed,
     * so nobody counts absent, and it leaves the statistics and the duty record. 409 when closed,
     * already cancelled or ended.
     */
    @Transactional
    public ActivityView cancel(Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        Activity a = activities.findById(id).orElseThrow(NotFound::new);
        if (a.isClosed() || a.isCancelled() || !now().isBefore(a.getEndsAt())) {
            throw new Conflict("activity.cancel.notPlanned");
        }
        a.cancel();
        activities.saveAndFlush(a);
        List<Long> invitees = invitations.findByActivityIdOrderByIdAsc(id).stream().map(Invitation::getMemberId).toList();
        audit.record(AUDIT_TYPE, id, "cancelled", Map.of("title", a.getTitle(), "invited", invitees.size()));
        notifications.toMembers(invitees, Notice.of("activity.notice.cancelled", "/activities/" + id, a.getTitle(),
                WHEN.format(a.getStartsAt().atZone(zone()))));
        return view(a);
    }

    private static void notCancelled(Activity a) {
        if (a.isCancelled()) {
            throw new Conflict("activity.cancelled");
        }
    }

    // --- the close (system, after the end) ---

    /**
     * Closes attendance if the activity has ended and is still open: every invitee still INVITED
     * counts ABSENT. Answers whether it closed now (false when already closed or not ended).
     */
    @Transactional
    public boolean close(Long id) {
        Activity a = activities.findById(id).orElse(null);
        if (a == null || a.isClosed() || a.isCancelled() || now().isBefore(a.getEndsAt())) {
            return false;
        }
        String actor = CurrentUsers.actorName();
        int absent = 0;
        for (Invitation i : invitations.findByActivityIdAndStatus(id, AttendanceStatus.INVITED)) {
            change(a, i, AttendanceStatus.ABSENT, AttendanceChange.Cause.CLOSE, null, actor);
            absent++;
        }
        a.close(now());
        audit.record(AUDIT_TYPE, id, "closed", Map.of("absent", absent));
        return true;
    }

    /** Ended activities whose attendance is still open (for the safety-net sweep). */
    List<Long> endedOpen(java.time.Duration ago) {
        return activities.findByStatusAndEndsAtLessThanEqual(Activity.Status.PLANNED, now().minus(ago)).stream()
                .map(Activity::getId).toList();
    }

    // --- helpers ---

    private void change(Activity a, Invitation i, AttendanceStatus to, AttendanceChange.Cause cause, String reason, String by) {
        AttendanceStatus before = i.getStatus();
        i.set(to);
        record(a, i, before, cause, reason, by);
    }

    private void record(Activity a, Invitation i, AttendanceStatus before, AttendanceChange.Cause cause, String reason,
                        String by) {
        Instant now = now();
        changes.save(new AttendanceChange(a.getId(), i.getMemberId(), before, i.getStatus(), cause, reason, by, now));
        if (cause != AttendanceChange.Cause.CORRECTION) {
            audit.record(AUDIT_TYPE, a.getId(), "attendance", Map.of("memberId", i.getMemberId(), "from", before.name(),
                    "to", i.getStatus().name(), "cause", cause.name()));
        }
        events.publishEvent(new AttendanceChanged(a.getCommitteeId(), a.getId(), i.getMemberId(), a.getType(), before,
                i.getStatus(), day(a), now));
    }

    LocalDate day(Activity a) {
        return LocalDate.ofInstant(a.getStartsAt(), zone());
    }

    ActivityView view(Activity a) {
        List<Long> invited = invitations.findByActivityIdOrderByIdAsc(a.getId()).stream().map(Invitation::getMemberId).toList();
        return new ActivityView(a.getId(), a.getType(), a.getTitle(), a.getStartsAt(), a.getEndsAt(), a.getLocation(),
                a.getOrganiser(), a.getDescription(), a.getAgenda(), a.getStatus().name(), a.getClosedAt(), invited,
                a.getVersion());
    }

    private static LeaveView view(LeaveRequest l) {
        return new LeaveView(l.getId(), l.getActivityId(), l.getMemberId(), l.getReason(), l.getStatus().name(),
                l.getRequestedAt(), l.getDecidedBy(), l.getDecidedAt(), l.getRefusalReason());
    }

    static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static void text(InvalidInput invalid, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                invalid.add(field, "validation.required");
            }
        } else if (value.length() > max) {
            invalid.add(field, "validation.length", 1, max);
        }
    }

    static Map<Long, String> names(MemberDirectory members, Collection<Long> ids) {
        return new LinkedHashMap<>(members.names(ids));
    }
}
