package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** That the reminder of a plan year's month went out (unique per committee, year and month). */
@Entity
class LiaisonReminder extends CommitteeScopedEntity {

    @Column(nullable = false)
    private int planYear;
    @Column(nullable = false)
    private int reminderMonth;
    @Column(nullable = false)
    private Instant sentAt;
    @Column(nullable = false)
    private int liaisonsNotified;
    @Column(nullable = false)
    private int pairsBehind;

    protected LiaisonReminder() {
    }

    LiaisonReminder(int planYear, int reminderMonth) {
        this.planYear = planYear;
        this.reminderMonth = reminderMonth;
        this.sentAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    void sent(int liaisonsNotified, int pairsBehind) {
        this.liaisonsNotified = liaisonsNotified;
        this.pairsBehind = pairsBehind;
    }

    int getPlanYear() {
        return planYear;
    }

    int getReminderMonth() {
        return reminderMonth;
    }

    Instant getSentAt() {
        return sentAt;
    }

    int getLiaisonsNotified() {
        return liaisonsNotified;
    }

    int getPairsBehind() {
        return pairsBehind;
    }
}
