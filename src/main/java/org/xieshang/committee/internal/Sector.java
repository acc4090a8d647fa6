package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A sector (界别) of the committee. */
@Entity
class Sector extends ReferenceRow {

    @Column(nullable = false, length = 100)
    private String name;


    protected Sector() {
    }

    Sector(String name) {
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
