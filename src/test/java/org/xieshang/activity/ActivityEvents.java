package org.xieshang.activity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Collects the activity module's published events once committed, as the duty record would receive them. */
@TestComponent
class ActivityEvents {

    final List<AttendanceChanged> attendance = new CopyOnWriteArrayList<>();
    final List<SpeechRecorded> speeches = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(AttendanceChanged event) {
        attendance.add(event);
    }

    @TransactionalEventListener
    void on(SpeechRecorded event) {
        speeches.add(event);
    }

    List<SpeechRecorded> speeches() {
        return speeches;
    }

    List<AttendanceChanged> of(long activityId, long memberId) {
        return attendance.stream().filter(e -> e.activityId() == activityId && e.memberId() == memberId).toList();
    }
}
