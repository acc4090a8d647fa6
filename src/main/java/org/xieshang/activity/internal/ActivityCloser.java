package org.xieshang.activity.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.io.Serializable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xieshang.committee.Committees;
import org.xieshang.shared.SystemActor;

/**
 * Closes attendance after an activity's end with db-scheduler: one persistent task instance per
 * activity at its end (picked by one node only, surviving restarts), and an hourly sweep as a
 * safety net. Closing twice does nothing: the close checks the activity's status under its version.
 */
@Configuration
class ActivityCloser {

    static final String CLOSE = "activity-close";
    static final String SWEEP = "activity-close-sweep";
    /** The sweep leaves recently ended activities to their own close task. */
    static final Duration GRACE = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(ActivityCloser.class);

    record CloseTask(Long committeeId, Long activityId) implements Serializable {
    }

    private final ObjectProvider<SchedulerClient> scheduler;

    ActivityCloser(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Plans the close at the activity's end (in the transaction that plans the activity). */
    void schedule(Activity a) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            client.scheduleIfNotExists(new TaskInstance<>(CLOSE, "a" + a.getId(), new CloseTask(a.getCommitteeId(), a.getId())),
                    a.getEndsAt());
        }
    }

    @Bean
    OneTimeTask<CloseTask> activityClose(ObjectProvider<ActivityService> service) {
        return Tasks.oneTime(CLOSE, CloseTask.class).execute((instance, context) -> {
            CloseTask t = instance.getData();
            SystemActor.runAs(t.committeeId(), () -> service.getObject().close(t.activityId()));
        });
    }

    private static void closeQuietly(ObjectProvider<ActivityService> service, Long id) {
        try {
            service.getObject().close(id);
        } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
            // its own close task committed first: nothing left to do
            log.debug("activity {} closed concurrently", id);
        }
    }

    @Bean
    RecurringTask<Void> activityCloseSweep(ObjectProvider<ActivityService> service, Committees committees) {
        return Tasks.recurring(SWEEP, Schedules.fixedDelay(Duration.ofHours(1))).execute((instance, context) -> {
            for (Committees.CommitteeView c : committees.all()) {
                try {
                    SystemActor.runAs(c.id(), () -> service.getObject().endedOpen(GRACE).forEach(id -> closeQuietly(service, id)));
                } catch (RuntimeException e) {
                    log.warn("activity close sweep failed for committee {}", c.id(), e);
                }
            }
        });
    }
}
