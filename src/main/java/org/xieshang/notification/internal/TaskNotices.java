package org.xieshang.notification.internal;

import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.notification.TaskDone;
import org.xieshang.shared.SystemActor;

/**
 * Done tasks clear their notices: on a module's {@link TaskDone}, the notices that asked for that task
 * (all recipients', or the one recipient's) are marked done and read. After the task's own commit,
 * persisted and retried by Spring Modulith; idempotent (only notices not yet done change). The
 * transaction opens inside, after the committee context is set (Hibernate takes the tenant then).
 */
@Component
class TaskNotices {

    private final NotificationRepository notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    TaskNotices(NotificationRepository notifications, TransactionTemplate tx, Clock clock) {
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "notification.task-done", propagation = Propagation.NOT_SUPPORTED)
    void on(TaskDone e) {
        if (e.committeeId() == null || e.taskKey() == null) {
            return;
        }
        SystemActor.runAs(e.committeeId(), () -> tx.executeWithoutResult(s -> done(e.taskKey(), e.userId(), e.at())));
    }

    int done(String taskKey, Long userId, java.time.Instant at) {
        int n = 0;
        for (Notification notice : notifications.findByTaskKeyAndDoneAtIsNull(taskKey)) {
            // a notice sent after the task was done asks for it anew (an event stored before 'at' existed: no limit)
            boolean before = at == null || notice.getCreatedAt() == null || notice.getCreatedAt().isBefore(at);
            if (before && (userId == null || userId.equals(notice.getUserId()))) {
                notice.markDone(clock.instant());
                n++;
            }
        }
        return n;
    }
}
