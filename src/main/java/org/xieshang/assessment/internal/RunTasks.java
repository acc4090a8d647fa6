package org.xieshang.assessment.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.Serializable;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xieshang.shared.SystemActor;

/**
 * Computes a run in the background with db-scheduler: a persistent task per run, picked by one
 * node only and surviving restarts; the page polls the run's progress meanwhile.
 */
@Configuration
class RunTasks {

    static final String RUN = "assessment-run";
    static final String REBUILD = "duty-rebuild";

    record RunTask(Long committeeId, Long runId) implements Serializable {
    }

    record RebuildTask(Long committeeId, Long rebuildId) implements Serializable {
    }

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    RunTasks(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Plans the computation now; false when no scheduler runs here (the caller computes itself). */
    boolean schedule(Long committeeId, Long runId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return false;
        }
        client.scheduleIfNotExists(new TaskInstance<>(RUN, "r" + runId, new RunTask(committeeId, runId)), clock.instant());
        return true;
    }

    /** Plans a duty record rebuild now; false when no scheduler runs here (the caller computes itself). */
    boolean scheduleRebuild(Long committeeId, Long rebuildId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return false;
        }
        client.scheduleIfNotExists(new TaskInstance<>(REBUILD, "b" + rebuildId, new RebuildTask(committeeId, rebuildId)),
                clock.instant());
        return true;
    }

    @Bean
    OneTimeTask<RebuildTask> dutyRebuild(ObjectProvider<DutyRebuildService> rebuilds) {
        return Tasks.oneTime(REBUILD, RebuildTask.class).execute((instance, context) -> {
            RebuildTask t = instance.getData();
            SystemActor.runAs(t.committeeId(), () -> rebuilds.getObject().compute(t.rebuildId()));
        });
    }

    @Bean
    OneTimeTask<RunTask> assessmentRun(ObjectProvider<RunService> runs) {
        return Tasks.oneTime(RUN, RunTask.class).execute((instance, context) -> {
            RunTask t = instance.getData();
            SystemActor.runAs(t.committeeId(), () -> runs.getObject().compute(t.runId()));
        });
    }
}
