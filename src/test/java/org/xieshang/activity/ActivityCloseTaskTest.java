package org.xieshang.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.activity.ActivityFixture.Person;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The close of attendance with a clock the test moves: nothing happens before the end; at the end
 * the persistent task closes it — once, with two scheduler nodes on one database — and invitees
 * with neither check-in nor approved leave count ABSENT; a leave approved after the close turns
 * ABSENT into ON_LEAVE. The application's own scheduler polls once an hour here.
 */
@Import({TestClock.Config.class, ActivityEvents.class})
@TestPropertySource(properties = "db-scheduler.polling-interval=1h")
class ActivityCloseTaskTest extends ApiTestBase {

    static final String A = "/api/v1/activities";

    @Autowired
    TestClock clock;
    @Autowired
    ActivityEvents events;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<Task<?>> tasks;
    @Autowired
    JdbcTemplate jdbc;

    static Res ok(int status, Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        return res;
    }

    Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(TestClock.ZONE).toInstant();
    }

    @Test
    void attendanceClosesAtTheEndOnceWithTwoNodesAndALateLeaveTurnsAbsentIntoOnLeave() throws Exception {
        ActivityFixture fx = new ActivityFixture(admin);
        LocalDate day = LocalDate.of(2026, 12, 8);
        clock.set(day, LocalTime.of(8, 0));
        long sector = fx.sector();
        Person came = fx.member(sector);
        Person excused = fx.member(sector);
        Person late = fx.member(sector);
        Person away = fx.member(sector);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(fx.activity(at(day, 9, 0), at(day, 11, 0), came, excused, late, away));
        }
        long id = ids.get(0);
        ok(201, came.api().post(A + "/" + id + "/check-ins", Map.of()));
        long leave = ok(201, excused.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "出差"))).id();
        ok(200, admin.post(A + "/" + id + "/leave-requests/" + leave + "/decision", Map.of("approve", true)));
        long lateLeave = ok(201, late.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "突发疾病"))).id();

        // a minute before the end: nothing is due
        Instant before = clock.set(day, LocalTime.of(10, 59));
        SettableClock manualTime = new SettableClock();
        manualTime.set(before);
        ManualScheduler manual = TestHelper.createManualScheduler(dataSource, tasks).clock(manualTime).build();
        try {
            manual.runAnyDueExecutions();
        } finally {
            manual.stop();
        }
        assertThat(fx.status(id, away.memberId())).isEqualTo("INVITED");
        assertThat(ok(200, admin.get(A + "/" + id)).json().path("status").asString()).isEqualTo("PLANNED");

        // at the end, two nodes poll the same database
        Instant end = clock.set(day, LocalTime.of(11, 0));
        List<Scheduler> nodes = new ArrayList<>();
        for (String name : List.of("node-a", "node-b")) {
            SettableClock time = new SettableClock();
            time.set(end);
            nodes.add(Scheduler.create(dataSource, tasks).schedulerName(new SchedulerName.Fixed(name)).clock(time)
                    .threads(4).pollingInterval(Duration.ofMillis(50)).build());
        }
        try {
            nodes.forEach(Scheduler::start);
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && !ids.stream().allMatch(this::closed)) {
                Thread.sleep(100);
            }
            // both nodes keep polling a while longer: a second close would show now
            Thread.sleep(1000);
        } finally {
            nodes.forEach(Scheduler::stop);
        }
        for (long a : ids) {
            assertThat(closed(a)).as("activity " + a).isTrue();
            JsonNode history = ok(200, admin.get(A + "/" + a + "/attendance/history")).json().path("items");
            long closes = history.valueStream().filter(h -> h.path("cause").asString().equals("CLOSE")).count();
            assertThat(closes).as("absences counted at the close of " + a).isEqualTo(a == id ? 2 : 4);
            assertThat(events.of(a, away.memberId()).stream().filter(e -> e.status() == AttendanceStatus.ABSENT).count())
                    .as("ABSENT events of " + a).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'activity-close'", Integer.class))
                .isZero();
        assertThat(fx.status(id, came.memberId())).isEqualTo("PRESENT");
        assertThat(fx.status(id, excused.memberId())).isEqualTo("ON_LEAVE");
        assertThat(fx.status(id, late.memberId())).isEqualTo("ABSENT");
        assertThat(fx.status(id, away.memberId())).isEqualTo("ABSENT");

        // the office approves the late leave after the close: ABSENT becomes ON_LEAVE
        clock.set(day.plusDays(1), LocalTime.of(9, 0));
        ok(200, admin.post(A + "/" + id + "/leave-requests/" + lateLeave + "/decision", Map.of("approve", true)));
        assertThat(fx.status(id, late.memberId())).isEqualTo("ON_LEAVE");
        assertThat(events.of(id, late.memberId())).extracting(AttendanceChanged::status)
                .containsExactly(AttendanceStatus.ABSENT, AttendanceStatus.ON_LEAVE);
        // check-in after the end is refused
        ok(409, away.api().post(A + "/" + id + "/check-ins", Map.of()));
    }

    private boolean closed(long activityId) {
        return ok(200, admin.get(A + "/" + activityId)).json().path("status").asString().equals("CLOSED");
    }
}
