package org.xieshang.reminder.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent reminder tasks (db-scheduler: an execution is picked by one node only, and
 * survives restarts): one instance per case and reminder slot, and a daily sweep.
 */
@Configuration
class ProposalReminderTasks {

    static final String REMINDER = "proposal-reminder";
    static final String SWEEP = "proposal-reminder-sweep";

    /**
     * Runs a reminder; an overdue reminder that chases on reschedules its own instance for the
     * next occurrence, others are removed. The service is looked up lazily: the scheduler needs
     * this task, and the service needs the scheduler.
     */
    @Bean
    CustomTask<ReminderTask> proposalReminder(ObjectProvider<ProposalReminders> reminders, ReminderSettings settings,
                                              Clock clock) {
        return Tasks.custom(REMINDER, ReminderTask.class)
                .execute((instance, context) -> {
                    Optional<ReminderTask> next = reminders.getObject().execute(instance.getData());
                    if (next.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    ReminderTask t = next.get();
                    return (complete, operations) -> operations.reschedule(complete,
                            t.date().atTime(settings.at()).atZone(clock.getZone()).toInstant(), t);
                });
    }

    /** Daily safety net: plans open cases that have no plan (e.g. assigned before reminders existed). */
    @Bean
    RecurringTask<Void> proposalReminderSweep(ObjectProvider<ProposalReminders> reminders, Clock clock) {
        return Tasks.recurring(SWEEP, Schedules.daily(clock.getZone(), LocalTime.of(7, 30)))
                .execute((instance, context) -> reminders.getObject().sweepAll());
    }
}
