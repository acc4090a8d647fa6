package org.xieshang.liaison.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.audit.AuditTrail;
import org.xieshang.liaison.internal.PlanChecks.Checks;
import org.xieshang.liaison.internal.PlanGenerator.Group;
import org.xieshang.liaison.internal.PlanGenerator.Input;
import org.xieshang.liaison.internal.PlanGenerator.Pair;
import org.xieshang.liaison.internal.PlanGenerator.Person;
import org.xieshang.liaison.internal.PlanGenerator.Result;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.i18n.Messages;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Yearly liaison plans (DESIGN §3): generate (and regenerate while a draft), adjust by hand with
 * the rules re-checked, confirm. The committee office's work (ADMIN).
 */
@Service
@Transactional(readOnly = true)
public class LiaisonPlanService {

    public static final int FIRST_YEAR = 2000;

    public record GroupView(Long liaisonMemberId, List<Long> memberIds) {
    }

    /** A repeated pair and why it is there: the generator's reason, or a move by hand. */
    public record RepeatView(Long liaisonMemberId, Long memberId, String reason, String explanation) {
    }

    public record Message(String code, String message) {
    }

    public record ChecksView(boolean ok, int liaisons, int members, int smallestGroup, int largestGroup, boolean balanced,
                             int minGroupSize, boolean minimumFeasible, int groupsBelowMinimum, int repeatedPairs,
                             int leastRepeatedPairs, int sectorSpread, List<Long> unassignedMemberIds,
                             List<Long> ineligibleMemberIds, List<Long> formerLiaisonIds, List<Message> problems) {
    }

    /** What changed from last year's plan. */
    public record ChangesView(int previousYear, boolean previousPlan, List<Long> newLiaisonMemberIds,
                              List<Long> formerLiaisonMemberIds, int keptPairs, int newPairs, int membersNotInPreviousPlan) {
    }

    public record PlanView(Long id, int year, PlanStatus status, List<GroupView> groups, int repeatedPairs, int minGroupSize,
                           Instant generatedAt, Instant confirmedAt, String confirmedBy, long version,
                           List<Message> warnings, List<RepeatView> repeats, ChecksView checks, ChangesView changes) {

        /** The repeat of a member's pair, or null (for the plan page). */
        public RepeatView repeatOf(Long memberId) {
            return repeats.stream().filter(r -> r.memberId().equals(memberId)).findFirst().orElse(null);
        }

        public boolean draft() {
            return status == PlanStatus.DRAFT;
        }
    }

    public record PlanSummary(int year, PlanStatus status, int liaisons, int pairs, Instant generatedAt, Instant confirmedAt) {
    }

    /** The result of a generation: whether the plan was created (201) or a draft regenerated (200). */
    public record Generated(boolean created, PlanView plan) {
    }

    /** Today's eligible people: serving liaisons and serving members who are not liaisons. */
    record People(List<Person> liaisons, List<Person> members, Map<Long, MemberSummary> byId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiaisonPlanRepository plans;
    private final LiaisonAssignmentRepository assignments;
    private final LiaisonSettingsService settings;
    private final MemberDirectory directory;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Messages messages;
    private final LiaisonClock clock;

    LiaisonPlanService(LiaisonPlanRepository plans, LiaisonAssignmentRepository assignments, LiaisonSettingsService settings, MemberDirectory directory,
                AuditTrail audit, Notifications notifications, Messages messages, LiaisonClock clock) {
        this.plans = plans;
        this.assignments = assignments;
        this.settings = settings;
        this.directory = directory;
        this.audit = audit;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * What a generation would give, said before it is run (issue 15 point 9): how many liaisons and
     * members the setting yields and whether the minimum group size can be met by the numbers; when
     * it cannot, one plain message (null when it can).
     */
    public record Outlook(int year, int liaisons, int members, int minGroupSize, int smallestGroup, int largestGroup,
                          boolean minimumMet, List<org.xieshang.member.MemberRole> liaisonRoles, String message) {
    }

    // --- use cases ---

    public Outlook outlook(Integer year) {
        CurrentUsers.requireAny(Role.ADMIN);
        checkYear(year);
        LiaisonSettingsService.Settings rules = settings.current();
        People people = people();
        int l = people.liaisons().size();
        int m = people.members().size();
        int smallest = l == 0 ? 0 : m / l;
        int largest = l == 0 ? 0 : (m + l - 1) / l;
        boolean met = l > 0 && smallest >= rules.minGroupSize();
        String message = null;
        if (l == 0) {
            message = messages.get("liaison.outlook.noLiaisons");
        } else if (!met) {
            // numbers as text: MessageFormat would print 1200 as "1,200"
            message = messages.get("liaison.outlook.tooFew", String.valueOf(m), String.valueOf(l),
                    String.valueOf(rules.minGroupSize()), String.valueOf((long) l * rules.minGroupSize()),
                    String.valueOf(smallest), String.valueOf(largest));
        }
        return new Outlook(year, l, m, rules.minGroupSize(), smallest, largest, met, rules.liaisonRoles(), message);
    }

    @Transactional
    public Generated generate(Integer year) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        checkYear(year);
        LiaisonPlan plan = plans.findByPlanYear(year).orElse(null);
        if (plan != null && plan.getStatus() == PlanStatus.CONFIRMED) {
            throw new Conflict("liaison.plan.confirmedNoRegenerate", String.valueOf(year));
        }
        int minimum = settings.current().minGroupSize();
        People people = people();
        if (people.liaisons().isEmpty()) {
            throw new Conflict("liaison.plan.noLiaisons");
        }
        Input input = new Input(people.liaisons(), people.members(), previousPairs(year), minimum);
        Result result = PlanGenerator.generate(input);

        boolean created = plan == null;
        if (created) {
            plan = new LiaisonPlan(year);
        } else {
            assignments.deleteAll(assignments.findByPlanIdOrderByLiaisonMemberIdAscMemberIdAsc(plan.getId()));
            // deletes before the new rows' inserts, which Hibernate would otherwise order first
            assignments.flush();
        }
        plan.generated(minimum, people.liaisons().stream().map(Person::id).toList(), JSON.writeValueAsString(result.warnings()),
                user.username());
        plans.saveAndFlush(plan);
        Map<Pair, PlanGenerator.Repeat> repeats = new HashMap<>();
        result.repeats().forEach(r -> repeats.put(new Pair(r.liaisonId(), r.memberId()), r));
        List<LiaisonAssignment> rows = new ArrayList<>();
        for (Group g : result.groups()) {
            for (Long memberId : g.memberIds()) {
                LiaisonAssignment a = new LiaisonAssignment(plan.getId(), g.liaisonId(), memberId);
                PlanGenerator.Repeat repeat = repeats.get(new Pair(g.liaisonId(), memberId));
                if (repeat != null) {
                    a.explainRepeat(repeat);
                }
                rows.add(a);
            }
        }
        assignments.saveAll(rows);
        assignments.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", year);
        details.put("liaisons", people.liaisons().size());
        details.put("members", people.members().size());
        details.put("repeatedPairs", result.repeatedPairs());
        details.put("warnings", result.warnings().stream().map(w -> w.code().name()).toList());
        audit.record("LiaisonPlan", plan.getId(), created ? "GENERATE" : "REGENERATE", details);
        return new Generated(created, view(plan));
    }

    public List<PlanSummary> list() {
        CurrentUsers.requireAny(Role.ADMIN);
        return plans.findAllByOrderByPlanYearDesc().stream().map(p -> new PlanSummary(p.getPlanYear(), p.getStatus(),
                p.liaisonIds().size(), assignments.findByPlanIdOrderByLiaisonMemberIdAscMemberIdAsc(p.getId()).size(),
                p.getGeneratedAt(), p.getConfirmedAt())).toList();
    }

    public PlanView get(int year) {
        CurrentUsers.requireAny(Role.ADMIN);
        return view(require(year));
    }

    @Transactional
    public PlanView confirm(int year, Long expectedVersion) {
        CurrentUsers.requireAny(Role.ADMIN);
        LiaisonPlan plan = require(year);
        if (plan.getStatus() == PlanStatus.CONFIRMED) {
            throw new Conflict("liaison.plan.alreadyConfirmed", String.valueOf(year));
        }
        checkVersion(plan, expectedVersion);
        plan.confirm(CurrentUsers.actorName());
        plans.saveAndFlush(plan);
        PlanView view = view(plan);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", year);
        details.put("repeatedPairs", view.repeatedPairs());
        details.put("checksOk", view.checks().ok());
        details.put("problems", view.checks().problems().stream().map(Message::code).toList());
        audit.record("LiaisonPlan", plan.getId(), "CONFIRM", details);
        List<Long> liaisons = view.groups().stream().filter(g -> !g.memberIds().isEmpty()).map(GroupView::liaisonMemberId).toList();
        notifications.toMembers(liaisons, Notice.of("liaison.notice.planConfirmed", "/liaison/mine?year=" + year, year));
        return view;
    }

    /**
     * Moves a member to another liaison's group, or adds a member who is not in the plan yet (e.g.
     * joined since it was generated). In a confirmed plan only the latter is allowed.
     */
    @Transactional
    public PlanView move(int year, Long memberId, Long liaisonMemberId, Long expectedVersion) {
        CurrentUsers.requireAny(Role.ADMIN);
        LiaisonPlan plan = require(year);
        People people = people();
        InvalidInput invalid = new InvalidInput();
        Set<Long> memberIds = ids(people.members());
        Set<Long> liaisonIds = ids(people.liaisons());
        if (memberId == null) {
            invalid.add("memberId", "validation.required");
        } else if (!memberIds.contains(memberId)) {
            invalid.add("memberId", "liaison.move.notEligibleMember");
        }
        if (liaisonMemberId == null) {
            invalid.add("liaisonMemberId", "validation.required");
        } else if (!liaisonIds.contains(liaisonMemberId)) {
            invalid.add("liaisonMemberId", "liaison.move.notLiaison");
        }
        invalid.throwIfAny();
        checkVersion(plan, expectedVersion);
        LiaisonAssignment existing = assignments.findByPlanIdAndMemberId(plan.getId(), memberId).orElse(null);
        if (existing != null && plan.getStatus() == PlanStatus.CONFIRMED) {
            throw new Conflict("liaison.plan.confirmedNoMove", String.valueOf(year));
        }
        Long from = existing == null ? null : existing.getLiaisonMemberId();
        if (liaisonMemberId.equals(from)) {
            return view(plan);
        }
        if (existing == null) {
            existing = new LiaisonAssignment(plan.getId(), liaisonMemberId, memberId);
        }
        existing.moveTo(liaisonMemberId);
        assignments.saveAndFlush(existing);
        plan.addLiaison(liaisonMemberId);
        plan.changed();
        plans.saveAndFlush(plan);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", year);
        details.put("memberId", memberId);
        details.put("fromLiaisonMemberId", from);
        details.put("toLiaisonMemberId", liaisonMemberId);
        audit.record("LiaisonPlan", plan.getId(), from == null ? "ADD_MEMBER" : "MOVE_MEMBER", details);
        return view(plan);
    }

    // --- for the other use cases of the module ---

    Optional<LiaisonPlan> plan(int year) {
        return plans.findByPlanYear(year);
    }

    LiaisonPlan require(int year) {
        return plans.findByPlanYear(year).orElseThrow(() -> new NotFound("liaison.plan.notFound", String.valueOf(year)));
    }

    List<LiaisonAssignment> pairs(LiaisonPlan plan) {
        return assignments.findByPlanIdOrderByLiaisonMemberIdAscMemberIdAsc(plan.getId());
    }

    List<LiaisonAssignment> group(LiaisonPlan plan, Long liaisonMemberId) {
        return assignments.findByPlanIdAndLiaisonMemberIdOrderByMemberIdAsc(plan.getId(), liaisonMemberId);
    }

    /** Last year's pairs: the plan of the year before, whatever its state (the best record of who met whom). */
    List<Pair> previousPairs(int year) {
        return plans.findByPlanYear(year - 1).map(p -> pairs(p).stream()
                .map(a -> new Pair(a.getLiaisonMemberId(), a.getMemberId())).toList()).orElse(List.of());
    }

    /** Last year's liaison of each member (for the plan page's "what changed"). */
    Map<Long, Long> previousLiaisonOf(int year) {
        Map<Long, Long> map = new HashMap<>();
        previousPairs(year).forEach(p -> map.put(p.memberId(), p.liaisonId()));
        return map;
    }

    People people() {
        LiaisonSettingsService.Settings rules = settings.current();
        List<Person> liaisons = new ArrayList<>();
        List<Person> members = new ArrayList<>();
        Map<Long, MemberSummary> byId = new HashMap<>();
        for (MemberSummary m : directory.all()) {
            byId.put(m.id(), m);
            if (!m.status().isServing()) {
                continue;
            }
            Person p = new Person(m.id(), m.sectorId());
            if (rules.isLiaison(m.roles())) {
                liaisons.add(p);
            } else {
                members.add(p);
            }
        }
        return new People(liaisons, members, byId);
    }

    PlanView view(LiaisonPlan plan) {
        List<LiaisonAssignment> rows = pairs(plan);
        TreeMap<Long, List<Long>> byLiaison = new TreeMap<>();
        plan.liaisonIds().forEach(id -> byLiaison.put(id, new ArrayList<>()));
        rows.forEach(a -> byLiaison.computeIfAbsent(a.getLiaisonMemberId(), k -> new ArrayList<>()).add(a.getMemberId()));
        List<GroupView> groups = byLiaison.entrySet().stream()
                .map(e -> new GroupView(e.getKey(), e.getValue().stream().sorted().toList())).toList();

        int year = plan.getPlanYear();
        List<Pair> previous = previousPairs(year);
        Set<Pair> previousSet = new HashSet<>(previous);
        List<RepeatView> repeats = new ArrayList<>();
        for (LiaisonAssignment a : rows) {
            if (previousSet.contains(new Pair(a.getLiaisonMemberId(), a.getMemberId()))) {
                repeats.add(repeat(a));
            }
        }
        People people = people();
        Checks checks = PlanChecks.check(new Input(people.liaisons(), people.members(), previous, plan.getMinGroupSize()),
                groups.stream().map(g -> new Group(g.liaisonMemberId(), g.memberIds())).toList());

        Set<Long> previousLiaisons = new TreeSet<>();
        Set<Long> previousMembers = new HashSet<>();
        previous.forEach(p -> {
            previousLiaisons.add(p.liaisonId());
            previousMembers.add(p.memberId());
        });
        boolean hadPlan = plans.findByPlanYear(year - 1).isPresent();
        if (hadPlan) {
            previousLiaisons.addAll(plans.findByPlanYear(year - 1).get().liaisonIds());
        }
        ChangesView changes = new ChangesView(year - 1, hadPlan,
                hadPlan ? byLiaison.keySet().stream().filter(id -> !previousLiaisons.contains(id)).toList() : List.of(),
                previousLiaisons.stream().filter(id -> !byLiaison.containsKey(id)).toList(),
                repeats.size(), rows.size() - repeats.size(),
                hadPlan ? (int) rows.stream().filter(a -> !previousMembers.contains(a.getMemberId())).count() : 0);

        return new PlanView(plan.getId(), year, plan.getStatus(), groups, repeats.size(), plan.getMinGroupSize(), plan.getGeneratedAt(),
                plan.getConfirmedAt(), plan.getConfirmedBy(), plan.getVersion(), warnings(plan), repeats, checksView(checks),
                changes);
    }

    // --- helpers ---

    private RepeatView repeat(LiaisonAssignment a) {
        String reason;
        Object[] args = {};
        if (a.getRepeatReason() != null) {
            reason = a.getRepeatReason().name();
            args = new Object[] {a.getRepeatOpen(), a.getRepeatHolding()};
        } else if (a.isMovedByHand()) {
            reason = "MOVED_BY_HAND";
        } else {
            reason = "PREVIOUS_PLAN_CHANGED";
        }
        return new RepeatView(a.getLiaisonMemberId(), a.getMemberId(), reason, messages.get("liaison.repeat." + reason, args));
    }

    private List<Message> warnings(LiaisonPlan plan) {
        List<PlanGenerator.Warning> stored = JSON.readValue(plan.getWarnings(), new TypeReference<List<PlanGenerator.Warning>>() { });
        return stored.stream().map(w -> new Message(w.code().name(),
                messages.get("liaison.warning." + w.code().name(), w.args().toArray()))).toList();
    }

    private ChecksView checksView(Checks c) {
        List<Message> problems = new ArrayList<>();
        if (!c.balanced()) {
            problems.add(problem("UNBALANCED", c.smallestGroup(), c.largestGroup()));
        }
        if (c.minimumFeasible() && c.groupsBelowMinimum() > 0) {
            problems.add(problem("BELOW_MINIMUM", c.groupsBelowMinimum(), c.minGroupSize()));
        }
        if (c.repeatedPairs() > c.leastRepeatedPairs()) {
            problems.add(problem("MORE_REPEATS", c.repeatedPairs(), c.leastRepeatedPairs()));
        }
        if (!c.unassignedMemberIds().isEmpty()) {
            problems.add(problem("UNASSIGNED", c.unassignedMemberIds().size()));
        }
        if (!c.ineligibleMemberIds().isEmpty()) {
            problems.add(problem("INELIGIBLE", c.ineligibleMemberIds().size()));
        }
        if (!c.formerLiaisonIds().isEmpty()) {
            problems.add(problem("FORMER_LIAISONS", c.formerLiaisonIds().size()));
        }
        return new ChecksView(c.ok(), c.liaisons(), c.members(), c.smallestGroup(), c.largestGroup(), c.balanced(),
                c.minGroupSize(), c.minimumFeasible(), c.groupsBelowMinimum(), c.repeatedPairs(), c.leastRepeatedPairs(),
                c.sectorSpread(), c.unassignedMemberIds(), c.ineligibleMemberIds(), c.formerLiaisonIds(), problems);
    }

    private Message problem(String code, Object... args) {
        return new Message(code, messages.get("liaison.check." + code, args));
    }

    private void checkYear(Integer year) {
        int last = clock.today().getYear() + 1;
        if (year == null) {
            throw InvalidInput.field("year", "validation.required");
        }
        if (year < FIRST_YEAR || year > last) {
            throw InvalidInput.field("year", "validation.range", String.valueOf(FIRST_YEAR), String.valueOf(last));
        }
    }

    private static void checkVersion(LiaisonPlan plan, Long expected) {
        if (expected != null && expected != plan.getVersion()) {
            throw new Conflict("error.concurrentChange");
        }
    }

    private static Set<Long> ids(List<Person> people) {
        Set<Long> ids = new HashSet<>();
        people.forEach(p -> ids.add(p.id()));
        return ids;
    }
}
