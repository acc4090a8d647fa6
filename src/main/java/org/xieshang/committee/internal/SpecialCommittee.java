package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A special committee (专委会), e.g. 提案委员会. */
@Entity
class SpecialCommittee extends ReferenceRow {

    @Column(nullable = false, length = 100)
    private String name;


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
}
