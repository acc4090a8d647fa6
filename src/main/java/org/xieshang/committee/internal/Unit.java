package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.xieshang.committee.UnitType;

/** A unit (单位): handles proposals, may be democratically evaluated. */
@Entity
class Unit extends ReferenceRow {

    @Column(nullable = false, length = 200)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private UnitType type;


    protected Unit() {
    }

    Unit(String name, UnitType type) {
        this.name = name;
        this.type = type;
    }

    @Override
    public String getName() {
        return name;
    }

    UnitType getType() {
        return type;
    }

    @Override
    public void rename(String name) {
        this.name = name;
    }
}
