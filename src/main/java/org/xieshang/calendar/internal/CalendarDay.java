package org.xieshang.calendar.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import org.xieshang.calendar.DayKind;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** One exception day of a committee's calendar. */
@Entity
class CalendarDay extends CommitteeScopedEntity {

    @Column(name = "cal_date", nullable = false)
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DayKind kind;
    @Column(nullable = false, length = 100)
    private String name;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, DayKind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    void change(DayKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    LocalDate getDay() {
        return day;
    }

    DayKind getKind() {
        return kind;
    }

    String getName() {
        return name;
    }
}
