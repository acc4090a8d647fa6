package org.xieshang.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.activity.ActivityFixture.Person;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The activities API of API.md with a clock the test moves: planning and inviting (one by one and
 * by group), leave requests and decisions, check-in in its window (and with the QR code), the close,
 * corrections with their history, speeches, statistics with .xlsx, the signed .ics feed — happy
 * paths, refused roles, bad input, and 404/403/409 in that order. The application's scheduler
 * polls once an hour here: the close is run by the test ({@link ActivityCloseTaskTest} for the task itself).
 */
@Import({TestClock.Config.class, ActivityEvents.class})
@TestPropertySource(properties = "db-scheduler.polling-interval=1h")
class ActivityApiTest extends ApiTestBase {

    static final String A = "/api/v1/activities";
    static final List<String> NOT_OFFICE = List.of("PROPOSAL_STAFF", "LEADER_CPPCC", "MEMBER", "UNIT_HANDLER", "UNIT_HEAD",
            "LEADER_GOV");

    @Autowired
    TestClock clock;
    @Autowired
    ActivityEvents events;

    ActivityFixture fx;

    @BeforeEach
    void fixture() {
        fx = new ActivityFixture(admin);
    }

    static Res ok(int status, Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        return res;
    }

    static void refused(int status, Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
    }

    Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(TestClock.ZONE).toInstant();
    }

    @Test
    void theOfficePlansAnActivityAndOnlyTheOfficeMay() {
        LocalDate day = LocalDate.of(2026, 10, 12);
        clock.set(day.minusDays(3), LocalTime.of(9, 0));
        long sector = fx.sector();
        Person a = fx.member(sector);
        Person b = fx.member(sector);
        Person outsider = fx.member(fx.sector());
        Map<String, Object> body = ActivityFixture.body("RESEARCH", at(day, 9, 0), at(day, 12, 0), List.of(a.memberId()));
        body.put("organiser", "经济委员会");
        body.put("agenda", "1. 听取汇报 2. 座谈");
        JsonNode created = ok(201, admin.post(A, body)).json();
        long id = created.path("id").asLong();
        assertThat(created.path("type").asString()).isEqualTo("RESEARCH");
        assertThat(created.path("startsAt").asString()).isEqualTo(at(day, 9, 0).toString());
        assertThat(created.path("invitedMemberIds")).extracting(JsonNode::asLong).containsExactly(a.memberId());
        assertThat(created.path("status").asString()).isEqualTo("PLANNED");

        assertThat(ok(200, admin.get(A)).json().path("items")).extracting(n -> n.path("id").asLong()).contains(id);
        ok(200, admin.get(A + "/" + id));
        ok(200, a.api().get(A + "/" + id));
        refused(404, b.api().get(A + "/" + id));
        refused(404, outsider.api().get(A + "/" + id));
        refused(404, admin.get(A + "/999999"));
        // the invitee is told in the inbox
        assertThat(a.api().get("/api/v1/notifications").body()).contains(created.path("title").asString());

        for (String role : NOT_OFFICE) {
            Api user = Fixtures.signedIn(admin, role);
            refused(403, user.post(A, body));
            refused(403, user.get(A));
            refused(403, user.get(A + "/" + id + "/attendance"));
        }
        refused(401, admin.anonymous().post(A, body));
    }

    @Test
    void badPlansAre400InTheUsersLanguage() {
        clock.set(LocalDate.of(2026, 10, 1), LocalTime.of(9, 0));
        Person a = fx.member(fx.sector());
        Instant s = at(LocalDate.of(2026, 10, 20), 9, 0);
        Map<String, Object> noTitle = ActivityFixture.body("STUDY", s, s.plusSeconds(3600), List.of(a.memberId()));
        noTitle.put("title", "  ");
        Res res = admin.post(A, noTitle);
        refused(400, res);
        assertThat(res.json().path("errors")).extracting(n -> n.path("field").asString()).contains("title");

        Map<String, Object> backwards = ActivityFixture.body("STUDY", s, s.minusSeconds(60), List.of(a.memberId()));
        res = admin.lang("en").post(A, backwards);
        refused(400, res);
        assertThat(res.body()).contains("endsAt").contains("The end must be after the start.");

        refused(400, admin.post(A, ActivityFixture.body("STUDY", s, s.plusSeconds(60), List.of(999999L))));
        refused(400, admin.post(A, ActivityFixture.body("STUDY", s, s.plusSeconds(60), List.of())));
        refused(400, admin.post(A, ActivityFixture.body("PARTY", s, s.plusSeconds(60), List.of(a.memberId()))));
        Map<String, Object> noType = ActivityFixture.body("STUDY", s, s.plusSeconds(60), List.of(a.memberId()));
        noType.remove("type");
        noType.put("startsAt", "tomorrow");
        refused(400, admin.post(A, noType));
        refused(400, admin.postRaw(A, "application/json", "{\"title\":".getBytes()));
        Map<String, Object> badGroup = ActivityFixture.body("STUDY", s, s.plusSeconds(60), List.of());
        badGroup.put("invitedSectorIds", List.of(999999));
        refused(400, admin.post(A, badGroup));
    }

    @Test
    void membersAreInvitedByGroup() {
        clock.set(LocalDate.of(2026, 10, 2), LocalTime.of(9, 0));
        long sector = fx.sector();
        Person one = fx.member(sector);
        Person two = fx.member(sector);
        Person standing = fx.member(fx.sector(), "STANDING_COMMITTEE");
        Person other = fx.member(fx.sector());
        Instant s = at(LocalDate.of(2026, 10, 21), 9, 0);
        Map<String, Object> body = ActivityFixture.body("STANDING_COMMITTEE_MEETING", s, s.plusSeconds(7200), List.of());
        body.put("inviteStandingCommittee", true);
        body.put("invitedSectorIds", List.of(sector));
        List<Long> invited = ok(201, admin.post(A, body)).json().path("invitedMemberIds").valueStream()
                .map(JsonNode::asLong).toList();
        assertThat(invited).contains(one.memberId(), two.memberId(), standing.memberId()).doesNotContain(other.memberId());

        Map<String, Object> all = ActivityFixture.body("PLENARY", s, s.plusSeconds(7200), List.of());
        all.put("inviteAllMembers", true);
        assertThat(ok(201, admin.post(A, all)).json().path("invitedMemberIds").valueStream().map(JsonNode::asLong).toList())
                .contains(one.memberId(), two.memberId(), standing.memberId(), other.memberId());
    }

    @Test
    void checkInOnlyInTheWindowAndOnlyForInvitees() {
        LocalDate day = LocalDate.of(2026, 10, 14);
        clock.set(day.minusDays(1), LocalTime.of(9, 0));
        long sector = fx.sector();
        Person a = fx.member(sector);
        Person b = fx.member(sector);
        Person outsider = fx.member(sector);
        long id = fx.activity(at(day, 14, 0), at(day, 16, 0), a, b);

        refused(404, a.api().post(A + "/999999/check-ins", Map.of()));
        refused(403, outsider.api().post(A + "/" + id + "/check-ins", Map.of()));
        clock.set(day, LocalTime.of(12, 59));
        refused(409, a.api().post(A + "/" + id + "/check-ins", Map.of()));
        // the 403 of a stranger comes before the 409 of the window
        refused(403, outsider.api().post(A + "/" + id + "/check-ins", Map.of()));

        clock.set(day, LocalTime.of(13, 0));
        JsonNode in = ok(201, a.api().post(A + "/" + id + "/check-ins", Map.of())).json();
        assertThat(in.path("status").asString()).isEqualTo("PRESENT");
        assertThat(in.path("memberId").asLong()).isEqualTo(a.memberId());
        refused(409, a.api().post(A + "/" + id + "/check-ins", Map.of()));
        // another member's id is ignored for a member: they check in themselves only
        refused(403, a.api().post(A + "/" + id + "/check-ins", Map.of("memberId", b.memberId())));
        for (String role : List.of("PROPOSAL_STAFF", "UNIT_HANDLER", "LEADER_GOV")) {
            refused(403, Fixtures.signedIn(admin, role).post(A + "/" + id + "/check-ins", Map.of("memberId", b.memberId())));
        }
        clock.set(day, LocalTime.of(16, 0));
        // the office ticks a name, still in the window (its end included)
        ok(201, admin.post(A + "/" + id + "/check-ins", Map.of("memberId", b.memberId())));
        refused(403, admin.post(A + "/" + id + "/check-ins", Map.of("memberId", outsider.memberId())));
        assertThat(fx.status(id, a.memberId())).isEqualTo("PRESENT");
        assertThat(fx.status(id, b.memberId())).isEqualTo("PRESENT");
        assertThat(events.of(id, a.memberId())).extracting(AttendanceChanged::status).containsExactly(AttendanceStatus.PRESENT);
        assertThat(events.of(id, a.memberId()).get(0).type()).isEqualTo(ActivityType.INSPECTION);

        clock.set(day, LocalTime.of(16, 1));
        Person late = fx.member(sector);
        long other = fx.activity(at(day, 14, 0), at(day, 16, 0), late);
        refused(409, late.api().post(A + "/" + other + "/check-ins", Map.of()));
    }

    @Test
    void theQrCodeChecksInAndAForgedOrExpiredCodeIsRefused() {
        LocalDate day = LocalDate.of(2026, 10, 15);
        clock.set(day, LocalTime.of(8, 30));
        Person a = fx.member(fx.sector());
        Person b = fx.member(fx.sector());
        long id = fx.activity(at(day, 9, 0), at(day, 11, 0), a, b);
        JsonNode code = ok(200, admin.get(A + "/" + id + "/check-in-code")).json();
        refused(403, a.api().get(A + "/" + id + "/check-in-code"));
        String c = code.path("code").asString();
        assertThat(Instant.parse(code.path("expiresAt").asString())).isAfter(clock.instant());

        String forged = c.substring(0, c.length() - 2) + (c.endsWith("AA") ? "BB" : "AA");
        refused(403, a.api().post(A + "/" + id + "/check-ins", Map.of("code", forged)));
        refused(403, a.api().post(A + "/" + id + "/check-ins", Map.of("code", "nonsense")));
        JsonNode in = ok(201, a.api().post(A + "/" + id + "/check-ins", Map.of("code", c))).json();
        assertThat(in.path("checkInBy").asString()).isEqualTo("QR_CODE");

        clock.set(clock.instant().plusSeconds(120));
        refused(403, b.api().post(A + "/" + id + "/check-ins", Map.of("code", c)));
        String fresh = ok(200, admin.get(A + "/" + id + "/check-in-code")).json().path("code").asString();
        ok(201, b.api().post(A + "/" + id + "/check-ins", Map.of("code", fresh)));
    }

    @Test
    void leaveIsAskedDecidedAndCountsOnLeave() {
        LocalDate day = LocalDate.of(2026, 10, 16);
        clock.set(day.minusDays(2), LocalTime.of(9, 0));
        long sector = fx.sector();
        Person a = fx.member(sector);
        Person b = fx.member(sector);
        Person outsider = fx.member(sector);
        long id = fx.activity(at(day, 9, 0), at(day, 11, 0), a, b);

        refused(404, a.api().post(A + "/999999/leave-requests", Map.of("reason", "出差")));
        refused(403, outsider.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "出差")));
        refused(400, a.api().post(A + "/" + id + "/leave-requests", Map.of("reason", " ")));
        refused(400, a.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "长".repeat(2001))));
        JsonNode leave = ok(201, a.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "外地出差"))).json();
        long requestId = leave.path("id").asLong();
        assertThat(leave.path("status").asString()).isEqualTo("PENDING");
        refused(409, a.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "再次")));
        // the office asks for b
        long forB = ok(201, admin.post(A + "/" + id + "/leave-requests", Map.of("reason", "住院", "memberId", b.memberId())))
                .id();

        String decide = A + "/" + id + "/leave-requests/" + requestId + "/decision";
        for (String role : NOT_OFFICE) {
            refused(403, Fixtures.signedIn(admin, role).post(decide, Map.of("approve", true)));
        }
        refused(403, a.api().post(decide, Map.of("approve", true)));
        refused(404, admin.post(A + "/" + id + "/leave-requests/999999/decision", Map.of("approve", true)));
        refused(400, admin.post(decide, Map.of()));
        refused(400, admin.post(decide, Map.of("approve", false)));
        JsonNode approved = ok(200, admin.post(decide, Map.of("approve", true))).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        refused(409, admin.post(decide, Map.of("approve", false, "reason", "改变主意")));
        assertThat(fx.status(id, a.memberId())).isEqualTo("ON_LEAVE");

        JsonNode refusedLeave = ok(200, admin.post(A + "/" + id + "/leave-requests/" + forB + "/decision",
                Map.of("approve", false, "reason", "会议重要，请安排出席"))).json();
        assertThat(refusedLeave.path("refusalReason").asString()).isEqualTo("会议重要，请安排出席");
        assertThat(fx.status(id, b.memberId())).isEqualTo("INVITED");
        assertThat(ok(200, admin.get(A + "/" + id + "/leave-requests")).json().path("items")).hasSize(2);
        assertThat(b.api().get("/api/v1/notifications").body()).contains("会议重要");

        // a member who checked in cannot ask for leave
        clock.set(day, LocalTime.of(9, 30));
        ok(201, b.api().post(A + "/" + id + "/check-ins", Map.of()));
        refused(409, b.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "提前离开")));
    }

    @Test
    void afterTheEndAbsentsAreCountedAndTheOfficeCorrectsWithAReason() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 19);
        clock.set(day, LocalTime.of(8, 30));
        long sector = fx.sector();
        Person present = fx.member(sector);
        Person absent = fx.member(sector);
        long id = fx.activity(at(day, 9, 0), at(day, 10, 0), present, absent);
        ok(201, present.api().post(A + "/" + id + "/check-ins", Map.of()));

        clock.set(day, LocalTime.of(10, 5));
        closeDue();
        assertThat(fx.status(id, absent.memberId())).isEqualTo("ABSENT");
        assertThat(fx.status(id, present.memberId())).isEqualTo("PRESENT");
        assertThat(ok(200, admin.get(A + "/" + id)).json().path("status").asString()).isEqualTo("CLOSED");

        String correct = A + "/" + id + "/attendance/" + absent.memberId() + "/correction";
        refused(400, admin.post(correct, Map.of("status", "PRESENT")));
        refused(400, admin.post(correct, Map.of("status", "INVITED", "reason", "x")));
        refused(400, admin.post(correct, Map.of("status", "LATE", "reason", "x")));
        refused(404, admin.post(A + "/" + id + "/attendance/999999/correction", Map.of("status", "PRESENT", "reason", "x")));
        refused(403, present.api().post(correct, Map.of("status", "PRESENT", "reason", "x")));
        refused(409, admin.post(correct, Map.of("status", "ABSENT", "reason", "x")));
        JsonNode fixed = ok(200, admin.post(correct, Map.of("status", "PRESENT", "reason", "签到表漏记，经核实已出席"))).json();
        assertThat(fixed.path("status").asString()).isEqualTo("PRESENT");

        JsonNode history = ok(200, admin.get(A + "/" + id + "/attendance/history")).json().path("items");
        assertThat(history).anySatisfy(h -> {
            assertThat(h.path("memberId").asLong()).isEqualTo(absent.memberId());
            assertThat(h.path("cause").asString()).isEqualTo("CORRECTION");
            assertThat(h.path("reason").asString()).isEqualTo("签到表漏记，经核实已出席");
            assertThat(h.path("fromStatus").asString()).isEqualTo("ABSENT");
        });
        assertThat(events.of(id, absent.memberId())).extracting(AttendanceChanged::status)
                .containsExactly(AttendanceStatus.ABSENT, AttendanceStatus.PRESENT);
        refused(403, present.api().get(A + "/" + id + "/attendance/history"));
    }

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    List<com.github.kagkarlsson.scheduler.task.Task<?>> tasks;

    /** Runs the due close tasks now, as a scheduler node would. */
    void closeDue() {
        var time = new com.github.kagkarlsson.scheduler.testhelper.SettableClock();
        time.set(clock.instant());
        var manual = com.github.kagkarlsson.scheduler.testhelper.TestHelper.createManualScheduler(dataSource, tasks)
                .clock(time).build();
        try {
            manual.runAnyDueExecutions();
        } finally {
            manual.stop();
        }
    }

    @Test
    void speechesAreRecordedByTheOffice() {
        LocalDate day = LocalDate.of(2026, 10, 20);
        clock.set(day, LocalTime.of(8, 0));
        Person a = fx.member(fx.sector());
        long id = fx.activity(at(day, 9, 0), at(day, 11, 0), a);
        String path = A + "/" + id + "/speeches";
        JsonNode s = ok(201, admin.post(path, Map.of("memberId", a.memberId(), "topic", "关于老旧小区改造的建议"))).json();
        assertThat(s.path("topic").asString()).isEqualTo("关于老旧小区改造的建议");
        refused(400, admin.post(path, Map.of("memberId", 999999, "topic", "x")));
        refused(400, admin.post(path, Map.of("memberId", a.memberId())));
        refused(403, a.api().post(path, Map.of("memberId", a.memberId(), "topic", "x")));
        refused(404, admin.post(A + "/999999/speeches", Map.of("memberId", a.memberId(), "topic", "x")));
        assertThat(ok(200, a.api().get(path)).json().path("items")).hasSize(1);
        assertThat(events.speeches()).anySatisfy(e -> {
            assertThat(e.activityId()).isEqualTo(id);
            assertThat(e.memberId()).isEqualTo(a.memberId());
            assertThat(e.type()).isEqualTo(ActivityType.INSPECTION);
        });
    }

    @Test
    void theOfficeCancelsAPlannedActivityAndNobodyCountsAbsent() {
        LocalDate day = LocalDate.of(2026, 10, 26);
        clock.set(day.minusDays(1), LocalTime.of(9, 0));
        Person a = fx.member(fx.sector());
        Person outsider = fx.member(fx.sector());
        long id = fx.activity(at(day, 9, 0), at(day, 11, 0), a);
        String title = ok(200, admin.get(A + "/" + id)).json().path("title").asString();
        String cancel = A + "/" + id + "/cancel";

        for (String role : NOT_OFFICE) {
            refused(403, Fixtures.signedIn(admin, role).post(cancel, Map.of()));
        }
        refused(403, a.api().post(cancel, Map.of()));
        refused(403, outsider.api().post(cancel, Map.of()));
        refused(404, admin.post(A + "/999999/cancel", Map.of()));
        refused(401, admin.anonymous().post(cancel, Map.of()));

        assertThat(ok(200, admin.post(cancel, Map.of())).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ok(200, a.api().get(A + "/" + id)).json().path("status").asString()).isEqualTo("CANCELLED");
        refused(409, admin.post(cancel, Map.of()));
        Res en = admin.lang("en").post(cancel, Map.of());
        refused(409, en);
        assertThat(en.body()).contains("can be cancelled");
        // the invitee is told, and the activity leaves their upcoming list and calendar feed
        assertThat(a.api().get("/api/v1/notifications").body()).contains(title).contains("已取消");
        assertThat(ok(200, a.api().get(A + "/mine")).json().path("items"))
                .noneSatisfy(m -> assertThat(m.path("activity").path("id").asLong()).isEqualTo(id));
        // no leave, check-in or correction on a cancelled activity
        refused(409, a.api().post(A + "/" + id + "/leave-requests", Map.of("reason", "出差")));
        clock.set(day, LocalTime.of(9, 30));
        refused(409, a.api().post(A + "/" + id + "/check-ins", Map.of()));
        refused(409, admin.post(A + "/" + id + "/attendance/" + a.memberId() + "/correction",
                Map.of("status", "PRESENT", "reason", "补录")));
        // after its end it is not closed: nobody counts absent
        clock.set(day, LocalTime.of(12, 30));
        closeDue();
        assertThat(fx.status(id, a.memberId())).isEqualTo("INVITED");
        assertThat(ok(200, admin.get(A + "/" + id)).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(events.of(id, a.memberId())).isEmpty();
        assertThat(ok(200, admin.get("/api/v1/audit/entries", Map.of("entityType", "Activity", "entityId", id))).json()
                .path("items").values()).anySatisfy(e -> assertThat(e.path("action").asString()).isEqualTo("cancelled"));

        // an ended or closed activity cannot be cancelled
        long ended = fx.activity(at(day, 10, 0), at(day, 12, 0), a);
        refused(409, admin.post(A + "/" + ended + "/cancel", Map.of()));
    }

    /** A multipart/form-data body of a kind field (left out when null) and one file part. */
    static Res uploadOutcome(Api api, String path, String kind, String filename, byte[] content) {
        String boundary = "----outcome" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        if (kind != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n")
                    .append(kind).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + tail.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(tail, 0, all, h.length + content.length, tail.length);
        return api.postRaw(path, "multipart/form-data; boundary=" + boundary, all);
    }

    @Test
    void outcomeFilesAreUploadedByTheOfficeAndReadByWhoeverMayReadTheActivity() {
        LocalDate day = LocalDate.of(2026, 10, 22);
        clock.set(day, LocalTime.of(8, 0));
        Person a = fx.member(fx.sector());
        Person outsider = fx.member(fx.sector());
        long id = fx.activity(at(day, 9, 0), at(day, 11, 0), a);
        String path = A + "/" + id + "/outcomes";
        byte[] minutes = "会议纪要：与会委员就老旧小区改造提出建议。".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        JsonNode up = ok(201, uploadOutcome(admin, path, "MINUTES", "纪要.txt", minutes)).json();
        assertThat(up.path("kind").asString()).isEqualTo("MINUTES");
        assertThat(up.path("filename").asString()).isEqualTo("纪要.txt");
        assertThat(up.path("size").asLong()).isEqualTo(minutes.length);
        long fileId = up.path("id").asLong();
        ok(201, uploadOutcome(admin, path, "PHOTO", "C:\\photos\\现场.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        // the invitee and a CPPCC leader list and download; the upload is audited
        JsonNode items = ok(200, a.api().get(path)).json().path("items");
        assertThat(items).extracting(n -> n.path("kind").asString()).containsExactly("MINUTES", "PHOTO");
        assertThat(items.get(1).path("filename").asString()).isEqualTo("现场.png");
        assertThat(a.api().getBytes(path + "/" + fileId)).isEqualTo(minutes);
        Res download = ok(200, a.api().get(path + "/" + fileId));
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download.contentType()).startsWith("text/plain");
        Api leader = Fixtures.signedIn(admin, "LEADER_CPPCC");
        assertThat(leader.getBytes(path + "/" + fileId)).isEqualTo(minutes);
        assertThat(ok(200, admin.get("/api/v1/audit/entries", Map.of("entityType", "Activity", "entityId", id))).json()
                .path("items").values()).anySatisfy(e -> assertThat(e.path("action").asString()).isEqualTo("outcomeAdded"));

        // bad input: 400 problem+json in the user's language
        refused(400, uploadOutcome(admin, path, "VIDEO", "纪要.txt", minutes));
        refused(400, uploadOutcome(admin, path, null, "纪要.txt", minutes));
        refused(400, uploadOutcome(admin, path, "MINUTES", "纪要.txt", new byte[0]));
        refused(400, uploadOutcome(admin, path, "MINUTES", "run.exe", minutes));
        refused(400, uploadOutcome(admin, path, "MINUTES", "a\u202Etxt.exe", minutes));
        Res en = uploadOutcome(admin.lang("en"), path, "MINUTES", "run.exe", minutes);
        refused(400, en);
        assertThat(en.body()).contains("Only these file types");
        assertThat(ok(200, admin.get(path)).json().path("items")).hasSize(2);

        // refused: not the office (403), not invited (404), unknown activity or file (404), anonymous (401)
        for (String role : NOT_OFFICE) {
            refused(403, uploadOutcome(Fixtures.signedIn(admin, role), path, "MINUTES", "纪要.txt", minutes));
        }
        refused(403, uploadOutcome(a.api(), path, "MINUTES", "纪要.txt", minutes));
        refused(404, outsider.api().get(path));
        refused(404, outsider.api().get(path + "/" + fileId));
        refused(404, Fixtures.signedIn(admin, "LEADER_GOV").get(path + "/" + fileId));
        refused(404, admin.get(path + "/999999"));
        refused(404, admin.get(A + "/999999/outcomes"));
        refused(404, uploadOutcome(admin, A + "/999999/outcomes", "MINUTES", "纪要.txt", minutes));
        long other = fx.activity(at(day, 14, 0), at(day, 16, 0), a);
        refused(404, admin.get(A + "/" + other + "/outcomes/" + fileId));
        refused(401, uploadOutcome(admin.anonymous(), path, "MINUTES", "纪要.txt", minutes));
    }

    @Test
    void statisticsByMemberSectorAndTypeExportToExcel() throws Exception {
        LocalDate day = LocalDate.of(2021, 5, 10);
        clock.set(day, LocalTime.of(8, 30));
        long sector = fx.sector();
        Person a = fx.member(sector);
        Person b = fx.member(sector);
        long id = fx.activity(at(day, 9, 0), at(day, 10, 0), a, b);
        ok(201, a.api().post(A + "/" + id + "/check-ins", Map.of()));
        ok(201, admin.post(A + "/" + id + "/speeches", Map.of("memberId", a.memberId(), "topic", "发言")));

        JsonNode figures = ok(200, admin.get(A + "/statistics?year=2021")).json();
        JsonNode rowA = figures.path("byMember").valueStream().filter(r -> r.path("key").asString().equals(String.valueOf(a.memberId())))
                .findFirst().orElseThrow();
        assertThat(rowA.path("present").asLong()).isEqualTo(1);
        assertThat(rowA.path("speeches").asLong()).isEqualTo(1);
        assertThat(figures.path("bySector").valueStream().filter(r -> r.path("key").asString().equals(String.valueOf(sector)))
                .findFirst().orElseThrow().path("invited").asLong()).isEqualTo(2);
        assertThat(figures.path("byType").valueStream().map(r -> r.path("key").asString())).contains("INSPECTION");
        ok(200, Fixtures.signedIn(admin, "LEADER_CPPCC").get(A + "/statistics?year=2021"));
        refused(403, a.api().get(A + "/statistics?year=2021"));
        refused(400, admin.get(A + "/statistics?year=20210"));
        refused(400, admin.get(A + "/statistics?year=abc"));

        byte[] xlsx = admin.getBytes(A + "/statistics/export?year=2021");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("委员");
            boolean found = false;
            for (var row : wb.getSheetAt(0)) {
                if (row.getRowNum() > 0 && row.getCell(2).getNumericCellValue() == 1.0 && row.getCell(5).getNumericCellValue() == 1.0) {
                    found = true;
                }
            }
            assertThat(found).as("a's row: present 1, speeches 1").isTrue();
        }
        refused(403, a.api().get(A + "/statistics/export?year=2021"));
    }

    @Test
    void aMembersActivitiesAsASignedCalendarFeed() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 3);
        clock.set(day.minusDays(1), LocalTime.of(9, 0));
        Person a = fx.member(fx.sector());
        Person b = fx.member(fx.sector());
        Map<String, Object> body = ActivityFixture.body("CONSULTATION", at(day, 9, 0), at(day, 11, 30), List.of(a.memberId()));
        body.put("title", "专题协商：养老服务, 社区; 食堂");
        body.put("description", "第一行\n第二行，" + "很长的说明".repeat(20));
        long id = ok(201, admin.post(A, body)).id();

        String url = ok(200, a.api().get(A + "/feed-link")).get("url");
        assertThat(url).contains("/public/activities/feed/").endsWith(".ics");
        String path = url.substring(url.indexOf("/public/"));
        Res feed = admin.anonymous().get(path);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> vevents = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(vevents).hasSize(1);
        VEvent event = vevents.get(0);
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("专题协商：养老服务, 社区; 食堂");
        assertThat(event.getDescription().orElseThrow().getValue()).startsWith("第一行\n第二行");
        assertThat(event.getUid().orElseThrow().getValue()).contains("-" + id + "@");
        assertThat(Instant.from(event.getDateTimeStart().orElseThrow().getDate())).isEqualTo(at(day, 9, 0));

        // b's link does not open a's feed; a changed signature is 404
        String other = ok(200, b.api().get(A + "/feed-link")).get("url");
        String bPath = other.substring(other.indexOf("/public/"));
        assertThat(admin.anonymous().get(bPath).body()).doesNotContain("专题协商");
        String forged = path.replace("/" + a.memberId() + "/", "/" + b.memberId() + "/");
        assertThat(admin.anonymous().get(forged).status()).isEqualTo(404);
        assertThat(admin.anonymous().get("/public/activities/feed/999/1/abc.ics").status()).isEqualTo(404);
        refused(403, Fixtures.signedIn(admin, "UNIT_HANDLER").get(A + "/feed-link"));
    }

    @Test
    void mineListsAMembersUpcomingActivities() {
        LocalDate day = LocalDate.of(2026, 11, 9);
        clock.set(day, LocalTime.of(8, 30));
        Person a = fx.member(fx.sector());
        long now = fx.activity(at(day, 9, 0), at(day, 10, 0), a);
        long later = fx.activity(at(day.plusDays(3), 9, 0), at(day.plusDays(3), 10, 0), a);
        JsonNode items = ok(200, a.api().get(A + "/mine")).json().path("items");
        assertThat(items.valueStream().map(i -> i.path("activity").path("id").asLong())).containsSubsequence(now, later);
        JsonNode first = items.valueStream().filter(i -> i.path("activity").path("id").asLong() == now).findFirst().orElseThrow();
        assertThat(first.path("checkInOpen").asBoolean()).isTrue();
        assertThat(first.path("status").asString()).isEqualTo("INVITED");
    }
}
