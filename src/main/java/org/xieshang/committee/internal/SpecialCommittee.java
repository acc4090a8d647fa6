package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A special committee (专委会), e.g. 提案委员会. */
@Entity
class SpecialCommittee extends CommitteeScopedEntity {

    @Column(nullable = false, length = 100)
    private String name;

    protected SpecialCommittee() {
    }

    SpecialCommittee(String name) {
        this.name = name;
    }

    String getName() {
        return name;
    }
}
