package org.xieshang.liaison.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A committee's liaison plan for one year; its pairs are {@link LiaisonAssignment} rows. */
@Entity
class LiaisonPlan extends CommitteeScopedEntity {

    @Column(nullable = false)
    private int planYear;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PlanStatus status = PlanStatus.DRAFT;
    @Column(nullable = false)
    private int minGroupSize;
    @Column(nullable = false)
    private String liaisonIds;
    @Column(nullable = false)
    private String warnings;
    @Column(nullable = false)
    private Instant generatedAt;
    @Column(nullable = false, length = 100)
    private String generatedBy;
    @Column(nullable = false)
    private Instant changedAt;
    private Instant confirmedAt;
    @Column(length = 100)
    private String confirmedBy;

    protected LiaisonPlan() {
    }

    LiaisonPlan(int planYear) {
        this.planYear = planYear;
    }

    void generated(int minGroupSize, java.util.Collection<Long> liaisons, String warnings, String by) {
        this.minGroupSize = minGroupSize;
        this.liaisonIds = join(liaisons);
        this.warnings = warnings;
        this.generatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.generatedBy = by;
        this.changedAt = generatedAt;
    }

    /** The plan's liaisons, ascending; a liaison may have an empty group. */
    java.util.List<Long> liaisonIds() {
        return liaisonIds.isEmpty() ? java.util.List.of()
                : java.util.Arrays.stream(liaisonIds.split(",")).map(Long::valueOf).sorted().toList();
    }

    void addLiaison(Long liaisonMemberId) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>(liaisonIds());
        if (ids.add(liaisonMemberId)) {
            this.liaisonIds = join(ids);
        }
    }

    private static String join(java.util.Collection<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /** Any change of the plan's pairs bumps the plan's version, so concurrent edits and a confirm collide (409). */
    void changed() {
        this.changedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    void confirm(String by) {
        this.status = PlanStatus.CONFIRMED;
        this.confirmedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.confirmedBy = by;
        this.changedAt = confirmedAt;
    }

    int getPlanYear() {
        return planYear;
    }

    PlanStatus getStatus() {
        return status;
    }

    int getMinGroupSize() {
        return minGroupSize;
    }

    String getWarnings() {
        return warnings;
    }

    Instant getGeneratedAt() {
        return generatedAt;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    Instant getConfirmedAt() {
        return confirmedAt;
    }

    String getConfirmedBy() {
        return confirmedBy;
    }
}
