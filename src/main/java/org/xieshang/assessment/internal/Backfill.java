package org.xieshang.assessment.internal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.activity.Activities;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.internal.DutyRecorder.Source;
import org.xieshang.liaison.LiaisonContacts;

/**
 * Fills the duty record from the other modules' query APIs (attendance, speeches, liaison
 * contacts), with the same keys as the event handlers: running it twice, or before their events
 * arrive, adds nothing twice. Used by the demo committee, whose events are delivered only after
 * its loading transaction; proposals and social reports have no such API and arrive by event only.
 */
@Component
class Backfill {

    private final Activities activities;
    private final LiaisonContacts contacts;
    private final DutyRecordListener listener;
    private final DutyRecorder recorder;

    Backfill(Activities activities, LiaisonContacts contacts, DutyRecordListener listener, DutyRecorder recorder) {
        this.activities = activities;
        this.contacts = contacts;
        this.listener = listener;
        this.recorder = recorder;
    }

    @Transactional
    public void between(LocalDate from, LocalDate to) {
        for (Activities.AttendanceFact a : activities.attendanceBetween(from, to)) {
            listener.attendance(a.activityId(), a.memberId(), a.type(), a.status(), a.date());
        }
        for (Activities.SpeechFact s : activities.speechesBetween(from, to)) {
            recorder.follow(new Source(DutyRecordListener.SPEECH, s.speechId(), "SPEECH"), s.memberId(), DutyKind.SPEECH,
                    s.type(), null, s.date(), true, s.activityId(), "");
        }
        for (LiaisonContacts.ContactFact c : contacts.between(from, to)) {
            for (Long m : c.memberIds()) {
                recorder.follow(new Source(DutyRecordListener.LIAISON_CONTACT, c.contactId(), "CONTACTED"), m,
                        DutyKind.LIAISON_CONTACTED, null, null, c.date(), true, c.contactId());
            }
            if (c.liaisonMemberId() != null) {
                recorder.follow(new Source(DutyRecordListener.LIAISON_CONTACT, c.contactId(), "LIAISON"), c.liaisonMemberId(),
                        DutyKind.LIAISON_HELD, null, null, c.date(), true, c.contactId(), c.memberIds().size());
            }
        }
    }
}
