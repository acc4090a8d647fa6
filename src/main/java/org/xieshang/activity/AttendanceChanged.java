package org.xieshang.activity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's attendance of an activity changed (check-in, approved leave, close, correction).
 * The duty record counts the latest status per member and activity. Published in the transaction
 * of the change.
 *
 * @param date the activity's day in the committee's zone
 */
public record AttendanceChanged(Long committeeId, Long activityId, Long memberId, ActivityType type,
                                AttendanceStatus previousStatus, AttendanceStatus status, LocalDate date, Instant at) {
}
