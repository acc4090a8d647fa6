package org.xieshang.assessment.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A committee's points rules of one year, stored as the API's JSON. */
@Entity
@Table(name = "assessment_rules")
class RulesRecord extends CommitteeScopedEntity {

    private int rulesYear;
    private String rulesJson;
    private Instant updatedAt;
    private String updatedBy;

    protected RulesRecord() {
    }

    RulesRecord(int year) {
        this.rulesYear = year;
    }

    void set(String json, Instant at, String by) {
        this.rulesJson = json;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    int getRulesYear() { return rulesYear; }
    String getRulesJson() { return rulesJson; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
}
