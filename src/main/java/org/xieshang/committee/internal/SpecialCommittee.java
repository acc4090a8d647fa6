package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A special committee (专委会), e.g. 提案委员会. */
@Entity
class SpecialCommittee extends CommitteeScopedEntity implements ReferenceRow {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private boolean retired;

    protected SpecialCommittee() {
    }

    SpecialCommittee(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void rename(String name) {
        this.name = name;
    }

    @Override
    public boolean isRetired() {
        return retired;
    }

    @Override
    public void retire(boolean retired) {
        this.retired = retired;
    }
}
