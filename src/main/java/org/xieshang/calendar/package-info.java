/**
 * Working-day calendar: holidays and make-up working days per committee. API: {@link org.xieshang.calendar.WorkingCalendar}, {@link org.xieshang.calendar.WorkingDays}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.xieshang.calendar;
