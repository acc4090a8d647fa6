package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.LocalDate;

/** A term (届), e.g. 第十四届, usually five years. */
@Entity
class Term extends ReferenceRow {

    @Column(nullable = false, length = 50)
    private String name;
    @Column(nullable = false)
    private LocalDate startDate;
    @Column(nullable = false)
    private LocalDate endDate;


    protected Term() {
    }

    Term(String name, LocalDate startDate, LocalDate endDate) {
        this.name = name;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    @Override
    public String getName() {
        return name;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    @Override
    public void rename(String name) {
        this.name = name;
    }
}
