package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A committee's liaison rules: group minimum, contacts per pair and year, first reminder day. */
@Entity
class LiaisonSettings extends CommitteeScopedEntity {

    @Column(nullable = false)
    private int minGroupSize;
    @Column(nullable = false)
    private int requiredContacts;
    @Column(nullable = false)
    private int reminderStartMonth;
    @Column(nullable = false)
    private int reminderStartDay;
    /** Member roles that make a member a liaison, comma-separated; null: the default (LiaisonSettingsService). */
    @Column(length = 200)
    private String liaisonRoles;

    protected LiaisonSettings() {
    }

    LiaisonSettings(int minGroupSize, int requiredContacts, int reminderStartMonth, int reminderStartDay) {
        change(minGroupSize, requiredContacts, reminderStartMonth, reminderStartDay);
    }

    void change(int minGroupSize, int requiredContacts, int reminderStartMonth, int reminderStartDay) {
        this.minGroupSize = minGroupSize;
        this.requiredContacts = requiredContacts;
        this.reminderStartMonth = reminderStartMonth;
        this.reminderStartDay = reminderStartDay;
    }

    void liaisonRoles(String roles) {
        this.liaisonRoles = roles;
    }

    String getLiaisonRoles() {
        return liaisonRoles;
    }

    int getMinGroupSize() {
        return minGroupSize;
    }

    int getRequiredContacts() {
        return requiredContacts;
    }

    int getReminderStartMonth() {
        return reminderStartMonth;
    }

    int getReminderStartDay() {
        return reminderStartDay;
    }
}
