package org.xieshang.activity;

import java.time.LocalDate;

/** The office recorded that a member spoke (发言) at an activity; speeches count in the duty record. */
public record SpeechRecorded(Long committeeId, Long activityId, Long speechId, Long memberId, ActivityType type,
                             LocalDate date, String topic) {
}
