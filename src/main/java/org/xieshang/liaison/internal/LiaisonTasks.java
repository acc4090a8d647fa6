package org.xieshang.liaison.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily liaison job, persisted by db-scheduler so that it runs once even with several nodes. */
@Configuration
class LiaisonTasks {

    static final String REMINDERS = "liaison-reminders";

    @Bean
    RecurringTask<Void> liaisonReminders(LiaisonReminderService reminders, LiaisonClock clock) {
        return Tasks.recurring(REMINDERS, Schedules.daily(clock.zone(), LocalTime.of(8, 0)))
                .execute((instance, context) -> reminders.runAll(clock.today()));
    }
}
