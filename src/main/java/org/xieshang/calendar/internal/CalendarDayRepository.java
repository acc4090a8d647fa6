package org.xieshang.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

    List<CalendarDay> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to);

    Optional<CalendarDay> findByDay(LocalDate day);
}
