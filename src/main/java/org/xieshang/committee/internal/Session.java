package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An annual plenary session (次会议) of a term; proposals are numbered per session. */
@Entity
@Table(name = "term_session")
class Session extends ReferenceRow {

    @Column(nullable = false)
    private Long termId;
    @Column(nullable = false, length = 50)
    private String name;
    @Column(name = "session_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private LocalDate startDate;


    protected Session() {
    }

    Session(Long termId, String name, int year, LocalDate startDate) {
        this.termId = termId;
        this.name = name;
        this.year = year;
        this.startDate = startDate;
    }

    Long getTermId() {
        return termId;
    }

    @Override
    public String getName() {
        return name;
    }

    int getYear() {
        return year;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    @Override
    public void rename(String name) {
        this.name = name;
    }
}
