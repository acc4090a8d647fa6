package org.xieshang.liaison.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.Committees;
import org.xieshang.committee.Committees.CommitteeView;
import org.xieshang.liaison.internal.LiaisonComplianceService.Compliance;
import org.xieshang.liaison.internal.LiaisonComplianceService.PairBehind;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.SystemActor;

/**
 * Reminds liaisons whose pairs are behind (fewer contacts than required), once per reminder month.
 * The month's {@link LiaisonReminder} row is written in the same transaction as the notices, and
 * its unique key refuses a second one: after a restart, or on a second node, nothing is sent twice.
 */
@Service
public class LiaisonReminderService {

    private static final Logger log = LoggerFactory.getLogger(LiaisonReminderService.class);

    /** What one committee's run did. */
    public record Outcome(Long committeeId, YearMonth month, int liaisonsNotified, int pairsBehind) {
    }

    private final Committees committees;
    private final LiaisonPlanService plans;
    private final LiaisonComplianceService compliance;
    private final LiaisonSettingsService settings;
    private final LiaisonReminderRepository reminders;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final TransactionTemplate tx;

    LiaisonReminderService(Committees committees, LiaisonPlanService plans, LiaisonComplianceService compliance, LiaisonSettingsService settings,
                    LiaisonReminderRepository reminders, WorkingCalendar calendar, Notifications notifications,
                    TransactionTemplate tx) {
        this.tx = tx;
        this.committees = committees;
        this.plans = plans;
        this.compliance = compliance;
        this.settings = settings;
        this.reminders = reminders;
        this.calendar = calendar;
        this.notifications = notifications;
    }

    /** The daily job: every committee, each as its own system actor and transaction; one failure stops no other. */
    public List<Outcome> runAll(LocalDate today) {
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (CommitteeView committee : committees.all()) {
            try {
                // a transaction per committee, opened once the committee context is set (tenancy)
                SystemActor.runAs(committee.id(), () -> tx.execute(status -> sendDue(today)).ifPresent(outcomes::add));
            } catch (RuntimeException e) {
                log.warn("liaison reminders failed for committee {}", committee.id(), e);
            }
        }
        return outcomes;
    }

    /** The current committee's reminders due today, if any (runs as the committee's system actor). */
    @Transactional
    public Optional<Outcome> sendDue(LocalDate today) {
        int year = today.getYear();
        LiaisonPlan plan = plans.plan(year).filter(p -> p.getStatus() == PlanStatus.CONFIRMED).orElse(null);
        if (plan == null) {
            return Optional.empty();
        }
        Set<YearMonth> sent = new HashSet<>();
        reminders.findByPlanYearOrderByReminderMonthAsc(year).forEach(r -> sent.add(YearMonth.of(year, r.getReminderMonth())));
        Optional<YearMonth> due = ReminderSchedule.due(today, year, settings.current().reminderStart(), sent,
                calendar::isWorkingDay);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        // claim the month first: a concurrent or repeated run fails here and rolls back
        LiaisonReminder reminder = reminders.saveAndFlush(new LiaisonReminder(year, due.get().getMonthValue()));
        Compliance state = compliance.compute(plan);
        Map<Long, Integer> behindPerLiaison = new TreeMap<>();
        for (PairBehind pair : state.pairsBehind()) {
            behindPerLiaison.merge(pair.liaisonMemberId(), 1, Integer::sum);
        }
        behindPerLiaison.forEach((liaison, count) -> notifications.toMembers(List.of(liaison),
                Notice.of("liaison.notice.behind", "/liaison/mine?year=" + year, year, count, state.requiredContacts())));
        reminder.sent(behindPerLiaison.size(), state.pairsBehind().size());
        reminders.saveAndFlush(reminder);
        return Optional.of(new Outcome(plan.getCommitteeId(), due.get(), behindPerLiaison.size(), state.pairsBehind().size()));
    }
}
