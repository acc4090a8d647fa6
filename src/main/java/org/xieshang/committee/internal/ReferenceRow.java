package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * What every kind of reference data (sector, unit, special committee, term, session) has in common:
 * a name that can change and a retired mark. Retired rows stay on the records that name them;
 * what may still be chosen for new records is decided per kind (a retired unit is not assignable).
 */
@MappedSuperclass
abstract class ReferenceRow extends CommitteeScopedEntity {

    @Column(nullable = false)
    private boolean retired;

    public abstract String getName();

    public abstract void rename(String name);

    public boolean isRetired() {
        return retired;
    }

    public void retire(boolean retired) {
        this.retired = retired;
    }
}
