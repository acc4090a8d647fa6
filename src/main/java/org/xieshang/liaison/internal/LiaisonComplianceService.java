package org.xieshang.liaison.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.liaison.internal.PlanGenerator.Pair;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.NotFound;

/**
 * Compliance (DESIGN §3): a pair of the year's plan is done when its liaison logged at least the
 * required number of contacts with the member that year; the completion rate is done pairs over
 * all pairs, per liaison and committee-wide. Pairs whose member no longer serves are left out.
 */
@Service
@Transactional(readOnly = true)
public class LiaisonComplianceService {

    public record PairBehind(Long liaisonMemberId, Long memberId, long contacts) {
    }

    public record LiaisonCompliance(Long liaisonMemberId, int pairs, int pairsDone, double completionRate,
                                    int pairsBehind) {
    }

    public record ReminderView(int month, Instant sentAt, int liaisonsNotified, int pairsBehind) {
    }

    public record Compliance(int year, PlanStatus status, int requiredContacts, int pairs, int pairsDone,
                             double completionRate, List<PairBehind> pairsBehind, List<LiaisonCompliance> liaisons,
                             List<ReminderView> reminders, long openDifficulties) {
    }

    public record MyMember(Long memberId, String name, Long sectorId, long contacts, boolean done, LocalDate lastContact) {
    }

    public record MyMembers(int year, PlanStatus status, Long liaisonMemberId, int requiredContacts, int pairs,
                            int pairsDone, double completionRate, List<MyMember> members) {
    }

    private final LiaisonPlanService plans;
    private final LiaisonContactRepository contacts;
    private final LiaisonReminderRepository reminders;
    private final LiaisonSettingsService settings;
    private final MemberDirectory directory;
    private final LiaisonContactService contactService;

    LiaisonComplianceService(LiaisonPlanService plans, LiaisonContactRepository contacts, LiaisonReminderRepository reminders, LiaisonSettingsService settings,
                      MemberDirectory directory, LiaisonContactService contactService) {
        this.plans = plans;
        this.contacts = contacts;
        this.reminders = reminders;
        this.settings = settings;
        this.directory = directory;
        this.contactService = contactService;
    }

    /** For the office and the CPPCC leaders. */
    public Compliance compliance(int year) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC);
        return compute(plans.require(year));
    }

    /** A liaison's own group in a confirmed plan, with each member's contacts this year. */
    public MyMembers myMembers(int year) {
        CurrentUser user = CurrentUsers.require();
        if (user.memberId() == null) {
            throw new Forbidden();
        }
        LiaisonPlan plan = plans.plan(year).filter(p -> p.getStatus() == PlanStatus.CONFIRMED)
                .orElseThrow(() -> new NotFound("liaison.mine.noPlan", String.valueOf(year)));
        if (!plan.liaisonIds().contains(user.memberId())) {
            throw new NotFound("liaison.mine.notLiaison", String.valueOf(year));
        }
        int required = settings.current().requiredContacts();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<Pair, Long> counts = counts(from, to);
        Map<Long, LocalDate> last = new HashMap<>();
        for (Object[] row : contacts.lastContacts(user.memberId(), from, to)) {
            last.put((Long) row[0], (LocalDate) row[1]);
        }
        Map<Long, MemberSummary> byId = new HashMap<>();
        directory.all().forEach(m -> byId.put(m.id(), m));
        List<MyMember> members = new ArrayList<>();
        int done = 0;
        for (LiaisonAssignment a : plans.group(plan, user.memberId())) {
            MemberSummary m = byId.get(a.getMemberId());
            long n = counts.getOrDefault(new Pair(user.memberId(), a.getMemberId()), 0L);
            boolean ok = n >= required;
            done += ok ? 1 : 0;
            members.add(new MyMember(a.getMemberId(), m == null ? "" : m.name(), m == null ? null : m.sectorId(), n, ok,
                    last.get(a.getMemberId())));
        }
        return new MyMembers(year, plan.getStatus(), user.memberId(), required, members.size(), done,
                rate(done, members.size()), members);
    }

    /** The compliance of a plan, without a permission check (also used by the reminder job). */
    Compliance compute(LiaisonPlan plan) {
        int year = plan.getPlanYear();
        int required = settings.current().requiredContacts();
        Map<Pair, Long> counts = counts(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<Long, Boolean> serving = new HashMap<>();
        directory.all().forEach(m -> serving.put(m.id(), m.status().isServing()));

        TreeMap<Long, int[]> perLiaison = new TreeMap<>();
        plan.liaisonIds().forEach(id -> perLiaison.put(id, new int[2]));
        List<PairBehind> behind = new ArrayList<>();
        int pairs = 0;
        int done = 0;
        for (LiaisonAssignment a : plans.pairs(plan)) {
            if (!serving.getOrDefault(a.getMemberId(), false)) {
                continue;
            }
            long n = counts.getOrDefault(new Pair(a.getLiaisonMemberId(), a.getMemberId()), 0L);
            int[] tally = perLiaison.computeIfAbsent(a.getLiaisonMemberId(), k -> new int[2]);
            tally[0]++;
            pairs++;
            if (n >= required) {
                tally[1]++;
                done++;
            } else {
                behind.add(new PairBehind(a.getLiaisonMemberId(), a.getMemberId(), n));
            }
        }
        List<LiaisonCompliance> liaisons = perLiaison.entrySet().stream().map(e -> new LiaisonCompliance(e.getKey(),
                e.getValue()[0], e.getValue()[1], rate(e.getValue()[1], e.getValue()[0]), e.getValue()[0] - e.getValue()[1]))
                .toList();
        List<ReminderView> sent = reminders.findByPlanYearOrderByReminderMonthAsc(year).stream()
                .map(r -> new ReminderView(r.getReminderMonth(), r.getSentAt(), r.getLiaisonsNotified(), r.getPairsBehind()))
                .toList();
        return new Compliance(year, plan.getStatus(), required, pairs, done, rate(done, pairs), behind, liaisons, sent,
                contactService.openDifficulties());
    }

    private Map<Pair, Long> counts(LocalDate from, LocalDate to) {
        Map<Pair, Long> counts = new HashMap<>();
        for (Object[] row : contacts.countPairs(from, to)) {
            counts.put(new Pair((Long) row[0], (Long) row[1]), (Long) row[2]);
        }
        return counts;
    }

    /** Done over all; 0 when there is nothing to do (an empty plan is not "complete"). */
    static double rate(int done, int all) {
        return all == 0 ? 0.0 : (double) done / all;
    }
}
