package org.xieshang.reminder.internal;

import static org.xieshang.proposal.ProposalStatus.ASSIGNED;
import static org.xieshang.proposal.ProposalStatus.IN_PROGRESS;
import static org.xieshang.proposal.ProposalStatus.REHANDLING;
import static org.xieshang.proposal.ProposalStatus.REPLY_REVIEW;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.Committees;
import org.xieshang.identity.UserAccounts;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.proposal.ProposalDeadlines;
import org.xieshang.proposal.ProposalDeadlines.Deadline;
import org.xieshang.proposal.ProposalEvents.ProposalAccepted;
import org.xieshang.proposal.ProposalEvents.ProposalDueDateSet;
import org.xieshang.proposal.ProposalEvents.ProposalReplied;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.ProposalTaskKeys;
import org.xieshang.reminder.internal.ReminderDates.Planned;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Deadline reminders of proposal cases (DESIGN §6 "Overdue"): to the handling units before the
 * due date, on the due day and, once overdue, every few working days (催办), escalated to the
 * supervising CPPCC leaders of key proposals; to proposers who have not rated a reply.
 *
 * <p>Each reminder is a db-scheduler task instance ({@link ReminderTask}), planned in the
 * transaction of the use case that sets the due date (assign, extend, rehandle) or approves the
 * reply — the proposal module's {@link ProposalDueDateSet} and {@link ProposalReplied}, heard by a
 * synchronous listener, not an after-commit one — so a rolled-back change plans nothing.
 * The cases are read through {@link ProposalDeadlines} only. An execution re-reads the case and does nothing
 * when the case moved on or its due date changed (a stale plan); the {@link SentReminder} row
 * written with the notices makes a reminder go out once even when it runs twice. A daily sweep
 * plans cases that have no plan (cases from before this feature, or a plan lost to a race).
 */
@Service
@Transactional
class ProposalReminders {

    private static final Logger log = LoggerFactory.getLogger(ProposalReminders.class);

    /** The unit still has to answer: before-, due-day and overdue reminders go out. */
    static final Set<ProposalStatus> UNIT_OPEN = EnumSet.of(ASSIGNED, IN_PROGRESS, REHANDLING);
    /** The overdue chase stays planned while the reply is with staff (a returned reply needs it again), but is silent. */
    static final Set<ProposalStatus> CHASED = EnumSet.of(ASSIGNED, IN_PROGRESS, REPLY_REVIEW, REHANDLING);

    /** What is planned or was sent for a case. */
    record ReminderView(ReminderKind kind, int occurrence, LocalDate date, LocalDate dueDate, boolean sent, Instant sentAt,
                        Integer recipients) {
    }

    private final ProposalDeadlines cases;
    private final SentReminderRepository sent;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final ReminderSettings settings;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Committees committees;
    private final JdbcTemplate jdbc;
    private final UserAccounts users;

    ProposalReminders(ProposalDeadlines cases, SentReminderRepository sent, WorkingCalendar calendar,
                      Notifications notifications,
                      ReminderSettings settings, ObjectProvider<SchedulerClient> scheduler, Clock clock,
                      TransactionTemplate tx, Committees committees, JdbcTemplate jdbc, UserAccounts users) {
        this.users = users;
        this.cases = cases;
        this.sent = sent;
        this.calendar = calendar;
        this.notifications = notifications;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.tx = tx;
        this.committees = committees;
        this.jdbc = jdbc;
    }

    // --- planning, in the transaction of the use case ---

    @EventListener
    void on(ProposalDueDateSet event) {
        planForDue(event.proposalId(), event.dueDate());
    }

    /** The lead unit took the case on: if it has not met the proposer by the day after the deadline, it is reminded. */
    @EventListener
    void on(ProposalAccepted event) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null || event.contactDueDate() == null) {
            return;
        }
        put(client, new ReminderTask(CommitteeContext.current(), event.proposalId(), ReminderKind.CONTACT, 0,
                event.contactDueDate(), ReminderDates.firstOverdue(event.contactDueDate(), cases.today(), workingDays())));
    }

    @EventListener
    void on(ProposalReplied event) {
        cases.find(event.proposalId()).ifPresent(this::replied);
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null && "B".equals(event.category())) {
            // a B reply is followed until the unit reports the matter done
            put(client, new ReminderTask(CommitteeContext.current(), event.proposalId(), ReminderKind.IMPLEMENTATION, 1,
                    event.date(), ReminderDates.nextOverdue(event.date(), settings.followUpEvery(), cases.today(),
                            workingDays())));
        }
    }

    /** (Re-)plans the unit reminders of the case's current due date; slots the new plan does not use are cancelled. */
    void planForDue(Long proposalId, LocalDate dueDate) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null || dueDate == null) {
            return;
        }
        List<Planned> plan = ReminderDates.forDue(dueDate, settings.beforeDue(), cases.today(), workingDays());
        Set<String> used = new HashSet<>();
        for (Planned r : plan) {
            ReminderTask t = new ReminderTask(CommitteeContext.current(), proposalId, r.kind(), r.occurrence(), dueDate,
                    r.date());
            put(client, t);
            used.add(t.instanceId());
        }
        for (String slot : unitSlots(proposalId)) {
            if (!used.contains(slot)) {
                cancel(client, slot);
            }
        }
    }

    /** The reply was approved: the units are done; the proposers are reminded to rate if they have not after K working days. */
    void replied(Deadline p) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        unitSlots(p.id()).forEach(slot -> cancel(client, slot));
        LocalDate on = p.repliedOn();
        put(client, new ReminderTask(CommitteeContext.current(), p.id(), ReminderKind.RATING, p.replyRound(), on,
                ReminderDates.rating(on, settings.ratingAfter(), workingDays())));
    }

    private List<String> unitSlots(Long proposalId) {
        List<String> slots = new ArrayList<>();
        settings.beforeDue().forEach(n -> slots.add(ReminderTask.instanceId(proposalId, ReminderKind.BEFORE_DUE, n)));
        slots.add(ReminderTask.instanceId(proposalId, ReminderKind.DUE_DAY, 0));
        slots.add(ReminderTask.instanceId(proposalId, ReminderKind.OVERDUE, 0));
        return slots;
    }

    private void put(SchedulerClient client, ReminderTask t) {
        Instant at = t.date().atTime(settings.at()).atZone(clock.getZone()).toInstant();
        try {
            client.schedule(new TaskInstance<>(ProposalReminderTasks.REMINDER, t.instanceId(), t), at,
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException running) {
            // it runs right now for the former plan, finds the case changed and stops; the sweep plans it again
            log.info("reminder {} is running; not re-planned now", t.instanceId());
        }
    }

    private void cancel(SchedulerClient client, String slot) {
        TaskInstanceId id = TaskInstanceId.of(ProposalReminderTasks.REMINDER, slot);
        try {
            if (client.getScheduledExecution(id).isPresent()) {
                client.cancel(id);
            }
        } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException gone) {
            // running or just finished: an execution of a changed case does nothing
            log.debug("reminder {} not cancelled: {}", slot, gone.getMessage());
        }
    }

    // --- execution (db-scheduler thread, no signed-in user) ---

    /**
     * Runs one reminder as the committee's system actor in a transaction of its own; answers the
     * next occurrence of an overdue chain, if the chase goes on.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Optional<ReminderTask> execute(ReminderTask t) {
        try {
            return SystemActor.callAs(t.committeeId(), () -> tx.execute(status -> send(t)));
        } catch (DataIntegrityViolationException concurrent) {
            // another run of the same reminder committed first: run again, which now sees its row and only plans on
            return SystemActor.callAs(t.committeeId(), () -> tx.execute(status -> send(t)));
        }
    }

    private Optional<ReminderTask> send(ReminderTask t) {
        Deadline p = cases.find(t.proposalId()).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        LocalDate today = cases.today();
        ProposalStatus status = p.status();
        String link = "/proposals/" + p.id();
        switch (t.kind()) {
            case BEFORE_DUE, DUE_DAY -> {
                if (UNIT_OPEN.contains(status) && t.dueDate().equals(p.dueDate()) && !today.isAfter(p.dueDate())) {
                    int left = Math.max(1, calendar.workingDaysBetween(today, p.dueDate()));
                    Notice notice = t.kind() == ReminderKind.DUE_DAY
                            ? Notice.of("proposal.reminder.dueDay", link, p.title(), p.dueDate())
                            : Notice.of("proposal.reminder.beforeDue", link, p.title(), p.dueDate(), left);
                    Notice coNotice = t.kind() == ReminderKind.DUE_DAY
                            ? Notice.of("proposal.reminder.coOpinionDueDay", link, p.title(), p.dueDate())
                            : Notice.of("proposal.reminder.coOpinionBeforeDue", link, p.title(), p.dueDate(), left);
                    once(t, () -> toUnits(p, notice, coNotice));
                }
                return Optional.empty();
            }
            case OVERDUE -> {
                if (!CHASED.contains(status) || !t.dueDate().equals(p.dueDate())) {
                    return Optional.empty();
                }
                if (status != REPLY_REVIEW) {
                    int late = Math.max(1, calendar.workingDaysBetween(p.dueDate(), today));
                    once(t, () -> {
                        int n = toUnits(p, Notice.of("proposal.reminder.overdue", link, p.title(), p.dueDate(), late),
                                Notice.of("proposal.reminder.coOpinionOverdue", link, p.title(), p.dueDate(), late));
                        // the escalations carry the reply's key: once the unit replies, the late case they
                        // report is no longer late, and they are marked done with the unit's own chase
                        if (late >= settings.escalateAfter()) {
                            // every case, key or not, is chased upward: the lead unit's heads and the proposal office
                            n += escalate(p, Notice.of("proposal.reminder.overdueEscalated", link, p.title(), p.dueDate(),
                                    late).forTask(ProposalTaskKeys.reply(p.id())));
                        }
                        if (p.key()) {
                            // escalation: the supervising CPPCC leaders of a key proposal hear of every chase
                            List<Long> supervisors = cases.keySupervisors(p.id());
                            notifications.toUsers(supervisors, Notice.of("proposal.reminder.overdueSupervisor", link,
                                    p.title(), p.dueDate(), late).forTask(ProposalTaskKeys.reply(p.id())));
                            n += supervisors.size();
                        }
                        return n;
                    });
                }
                LocalDate next = ReminderDates.nextOverdue(t.date(), settings.overdueEvery(), today, workingDays());
                return Optional.of(new ReminderTask(t.committeeId(), t.proposalId(), ReminderKind.OVERDUE, t.occurrence() + 1,
                        t.dueDate(), next));
            }
            case CONTACT -> {
                // only the lead unit answers for meeting the proposer; nothing when it has met them or the plan is stale
                cases.proposerContactMissing(p.id()).filter(t.dueDate()::equals).ifPresent(due -> once(t, () -> {
                    List<Long> units = cases.handlingUnits(p.id());
                    if (units.isEmpty()) {
                        return 0;
                    }
                    notifications.toUnit(units.get(0), Notice.of("proposal.reminder.contact", link, p.title(), due));
                    return 1;
                }));
                return Optional.empty();
            }
            case IMPLEMENTATION -> {
                if (!cases.awaitingImplementation(p.id())) {
                    return Optional.empty();
                }
                List<Long> units = cases.handlingUnits(p.id());
                if (!units.isEmpty()) {
                    once(t, () -> {
                        notifications.toUnit(units.get(0), Notice.of("proposal.reminder.implementation", link, p.title(),
                                p.repliedOn()));
                        return 1;
                    });
                }
                return Optional.of(new ReminderTask(t.committeeId(), t.proposalId(), ReminderKind.IMPLEMENTATION,
                        t.occurrence() + 1, t.dueDate(), ReminderDates.nextOverdue(t.date(), settings.followUpEvery(), today,
                        workingDays())));
            }
            case RATING -> {
                if (p.replyRound() == t.occurrence() && p.awaitingRating()) {
                    List<Long> pending = cases.proposersYetToRate(p.id(), t.occurrence());
                    if (!pending.isEmpty()) {
                        once(t, () -> {
                            notifications.toMembers(pending, Notice.of("proposal.reminder.rating", link, p.title(),
                                    p.repliedOn()).forTask(ProposalTaskKeys.rate(p.id())));
                            return pending.size();
                        });
                    }
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Claims the reminder in the log, then tells people; a second run finds the row and tells no one. */
    private void once(ReminderTask t, java.util.function.IntSupplier notify) {
        if (sent.existsByProposalIdAndKindAndDueDateAndOccurrence(t.proposalId(), t.kind(), t.dueDate(), t.occurrence())) {
            return;
        }
        SentReminder row = sent.saveAndFlush(new SentReminder(t.proposalId(), t.kind(), t.dueDate(), t.occurrence(),
                t.date(), clock.instant()));
        row.sentTo(notify.getAsInt());
    }

    /**
     * The lead unit owes the reply and gets {@code notice}; a co-unit owes only its opinion to the
     * lead unit, so it hears {@code coNotice} while that opinion is missing, and nothing after.
     */
    private int toUnits(Deadline p, Notice notice, Notice coNotice) {
        List<Long> units = cases.handlingUnits(p.id());
        if (units.isEmpty()) {
            return 0;
        }
        notifications.toUnit(units.get(0), notice.forTask(ProposalTaskKeys.reply(p.id())));
        List<Long> owing = cases.coUnitsWithoutOpinion(p.id());
        owing.forEach(u -> notifications.toUnit(u, coNotice.forTask(ProposalTaskKeys.coOpinion(p.id(), u))));
        return 1 + owing.size();
    }

    /** The heads (UNIT_HEAD) of the lead unit and the proposal office (PROPOSAL_STAFF); answers how many were told. */
    private int escalate(Deadline p, Notice notice) {
        List<Long> units = cases.handlingUnits(p.id());
        java.util.Set<Long> to = new java.util.LinkedHashSet<>();
        if (!units.isEmpty()) {
            List<Long> ofUnit = users.userIdsOfUnit(units.get(0));
            users.userIdsWithRole(Role.UNIT_HEAD).stream().filter(ofUnit::contains).forEach(to::add);
        }
        to.addAll(users.userIdsWithRole(Role.PROPOSAL_STAFF));
        notifications.toUsers(to, notice);
        return to.size();
    }

    /** The committee's calendar, each day looked up once per use. */
    private Predicate<LocalDate> workingDays() {
        Map<LocalDate, Boolean> seen = new HashMap<>();
        return d -> seen.computeIfAbsent(d, calendar::isWorkingDay);
    }

    // --- the daily sweep ---

    /** Every committee: open cases without a pending overdue slot get their plan (each committee as its system actor). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int sweepAll() {
        int planned = 0;
        for (Committees.CommitteeView committee : committees.all()) {
            try {
                planned += SystemActor.callAs(committee.id(), () -> sweep(committee.id()));
            } catch (RuntimeException e) {
                log.warn("proposal reminder sweep failed for committee {}", committee.id(), e);
            }
        }
        return planned;
    }

    /** The current committee's unplanned open cases, in transactions of a few hundred cases. */
    private int sweep(Long committeeId) {
        int planned = 0;
        long after = 0;
        while (true) {
            // the open cases page by page (the proposal module's tenant filter applies); an open case always
            // has its overdue slot until it is answered, so those without one are unplanned
            long from = after;
            List<Long> ids = tx.execute(status -> cases.casesWithDueDate(CHASED, from, 200));
            if (ids == null || ids.isEmpty()) {
                return planned;
            }
            Set<String> slotted = new HashSet<>(jdbc.queryForList("select task_instance from scheduled_tasks where task_name = ?"
                    + " and task_instance in (" + org.xieshang.shared.jpa.BindMarks.of(ids.size()) + ")",
                    String.class, slotArgs(ids)));
            List<Long> unplanned = ids.stream()
                    .filter(id -> !slotted.contains(ReminderTask.instanceId(id, ReminderKind.OVERDUE, 0))).toList();
            tx.executeWithoutResult(status -> unplanned.forEach(id -> cases.find(id)
                    .ifPresent(p -> planForDue(p.id(), p.dueDate()))));
            planned += unplanned.size();
            after = ids.get(ids.size() - 1);
        }
    }

    private static Object[] slotArgs(List<Long> ids) {
        Object[] args = new Object[ids.size() + 1];
        args[0] = ProposalReminderTasks.REMINDER;
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ReminderTask.instanceId(ids.get(i), ReminderKind.OVERDUE, 0);
        }
        return args;
    }

    // --- what staff see ---

    @Transactional(readOnly = true)
    List<ReminderView> of(Long id) {
        Deadline p = cases.visible(id);
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        List<ReminderView> out = new ArrayList<>();
        sent.findByProposalIdOrderByReminderDateAscIdAsc(id).forEach(r -> out.add(new ReminderView(r.getKind(),
                r.getOccurrence(), r.getReminderDate(), r.getDueDate(), true, r.getSentAt(), r.getRecipients())));
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            List<String> slots = unitSlots(id);
            slots.add(ReminderTask.instanceId(id, ReminderKind.RATING, p.replyRound()));
            slots.add(ReminderTask.instanceId(id, ReminderKind.CONTACT, 0));
            slots.add(ReminderTask.instanceId(id, ReminderKind.IMPLEMENTATION, 0));
            for (String slot : slots) {
                client.getScheduledExecution(TaskInstanceId.of(ProposalReminderTasks.REMINDER, slot))
                        .map(ScheduledExecution::getData)
                        .filter(ReminderTask.class::isInstance).map(ReminderTask.class::cast)
                        .ifPresent(t -> out.add(new ReminderView(t.kind(), t.occurrence(), t.date(), t.dueDate(), false, null,
                                null)));
            }
        }
        out.sort(Comparator.comparing(ReminderView::date).thenComparing(v -> !v.sent()));
        return out;
    }
}
