package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A sector (界别) of the committee. */
@Entity
class Sector extends CommitteeScopedEntity {

    @Column(nullable = false, length = 100)
    private String name;

    protected Sector() {
    }

    Sector(String name) {
        this.name = name;
    }

    String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }
}
