package org.xieshang.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One inbox entry of one user. */
@Entity
class Notification extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long userId;
    @Column(nullable = false, length = 120)
    private String messageKey;
    @Column(nullable = false, length = 4000)
    private String args;
    @Column(length = 500)
    private String link;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant readAt;
    @Column(length = 200)
    private String taskKey;
    private Instant doneAt;

    protected Notification() {
    }

    Notification(Long userId, String messageKey, String args, String link) {
        this(userId, messageKey, args, link, null);
    }

    Notification(Long userId, String messageKey, String args, String link, String taskKey) {
        this.taskKey = taskKey;
        this.userId = userId;
        this.messageKey = messageKey;
        this.args = args;
        this.link = link;
        this.createdAt = org.xieshang.shared.time.AppTime.now();
    }

    void markRead() {
        if (readAt == null) {
            readAt = Instant.now();
        }
    }

    /** The task the notice asked for is done: the notice needs no more attention. */
    void markDone(Instant at) {
        if (doneAt == null) {
            doneAt = at;
        }
        if (readAt == null) {
            readAt = at;
        }
    }

    String getTaskKey() {
        return taskKey;
    }

    Instant getDoneAt() {
        return doneAt;
    }

    Long getUserId() {
        return userId;
    }

    String getMessageKey() {
        return messageKey;
    }

    String getArgs() {
        return args;
    }

    String getLink() {
        return link;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReadAt() {
        return readAt;
    }
}
