package org.xieshang.activity;

import java.time.LocalDate;
import java.util.List;

/** Read access to the current committee's activities, e.g. for reproducible duty assessments. */
public interface Activities {

    record AttendanceFact(Long activityId, ActivityType type, LocalDate date, Long memberId, AttendanceStatus status) {
    }

    /** topic: as SpeechRecorded carries it (the duty record's text), null when unknown. */
    record SpeechFact(Long speechId, Long activityId, ActivityType type, LocalDate date, Long memberId, String topic) {

        public SpeechFact(Long speechId, Long activityId, ActivityType type, LocalDate date, Long memberId) {
            this(speechId, activityId, type, date, memberId, null);
        }
    }

    /** Attendance of activities starting within [from, to] (committee's days), oldest first. */
    List<AttendanceFact> attendanceBetween(LocalDate from, LocalDate to);

    /** Speeches at activities starting within [from, to], oldest first. */
    List<SpeechFact> speechesBetween(LocalDate from, LocalDate to);

    /**
     * Plans an activity inviting these members, as the office's form does (ADMIN; the same checks, bad
     * input refused), e.g. an evaluation group's research visit; answers its id.
     */
    Long plan(ActivityType type, String title, java.time.Instant startsAt, java.time.Instant endsAt, String location,
              List<Long> invitedMemberIds);
}
