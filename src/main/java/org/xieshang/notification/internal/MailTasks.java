package org.xieshang.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail retry job, persisted by db-scheduler so that one node at a time runs it. */
@Configuration
class MailTasks {

    static final String RETRY = "mail-retry";

    @Bean
    RecurringTask<Void> mailRetryTask(MailRetry retry, @Value("${xieshang.mail.retry-interval:1m}") Duration interval) {
        return Tasks.recurring(RETRY, Schedules.fixedDelay(interval)).execute((instance, context) -> retry.run());
    }
}
