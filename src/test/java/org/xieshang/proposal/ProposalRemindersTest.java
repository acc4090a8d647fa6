package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.support.Api;
import org.xieshang.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Deadline reminders with a clock the test moves: around National Day 2026 (25–27 Sep and 1–7
 * Oct off, Sun 20 Sep and Sat 10 Oct worked, as seeded), reminders reach the units on exactly the
 * planned working days, a moved due date re-plans them, key cases escalate to their supervisors,
 * proposers are reminded to rate; two scheduler nodes on one database send each reminder once.
 * The application's own scheduler polls once an hour here, so only the schedulers of the test run.
 */
@Import(TestClock.Config.class)
@TestPropertySource(properties = "db-scheduler.polling-interval=1h")
class ProposalRemindersTest extends ProposalApiTestBase {

    static final LocalDate ASSIGNED_ON = LocalDate.of(2026, 9, 1);
    static final LocalDate DUE = LocalDate.of(2026, 10, 9);
    /** The reminders of the day go out at 09:00; the test looks at 09:30. */
    static final LocalTime LOOK = LocalTime.of(9, 30);
    static final Set<LocalDate> DAYS_OFF_ON_WEEKDAYS = Set.of(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    static final Set<LocalDate> WEEKEND_WORKDAYS = Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

    @Autowired
    TestClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<Task<?>> tasks;
    @Autowired
    JdbcTemplate jdbc;

    private final SettableClock schedulerTime = new SettableClock();
    private ManualScheduler manual;
    private long supervisorId;
    private long govLeaderId;

    @BeforeAll
    void people() {
        // every account exists before any reminder: a unit's notices go to the accounts it has at the time
        f.leadUnit();
        f.coUnit();
        f.lead();
        supervisorId = ok(200, f.leaderCppcc().get("/api/v1/me")).path("id").asLong();
        govLeaderId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
    }

    @BeforeEach
    void manualScheduler() {
        manual = TestHelper.createManualScheduler(dataSource, tasks).clock(schedulerTime).build();
    }

    @AfterEach
    void stop() {
        manual.stop();
    }

    /** Flyway finds the Java migration that renames reminders stored before the reminder module existed. */
    @Test
    void theMigrationOfStoredReminderTasksRan() {
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"version\" = '13' and \"success\" = true",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void remindersGoOutOnTheRightWorkingDaysAroundNationalDay() {
        at(ASSIGNED_ON);
        long key = assigned(DUE);
        ok(200, f.staff().post(P + "/" + key + "/key", Map.of("leadLeaderUserIds", List.of(govLeaderId),
                "supervisorUserIds", List.of(supervisorId))));
        long moved = assigned(DUE);
        long answered = assigned(DUE);
        long rated = assigned(DUE);

        // the plan, as staff see it
        JsonNode plan = ok(200, f.staff().get(P + "/" + key + "/reminders")).path("items");
        assertThat(plan).hasSize(4);
        assertThat(dates(plan)).containsExactly("2026-09-18", "2026-09-29", "2026-10-09", "2026-10-10");
        assertThat(plan.get(0).path("kind").asString()).isEqualTo("BEFORE_DUE");
        assertThat(plan.get(0).path("occurrence").asInt()).isEqualTo(10);
        assertThat(plan.get(0).path("sent").asBoolean()).isFalse();
        refused(403, f.leadUnit().get(P + "/" + key + "/reminders"));
        refused(404, f.other().get(P + "/" + key + "/reminders"));

        Map<Long, List<LocalDate>> unit = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> coUnit = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> supervisor = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> govLeader = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> proposer = new LinkedHashMap<>();
        List<Long> all = List.of(key, moved, answered, rated);
        for (LocalDate day = ASSIGNED_ON.plusDays(1); !day.isAfter(LocalDate.of(2026, 11, 3)); day = day.plusDays(1)) {
            at(day);
            manual.runAnyDueExecutions();
            record(day, f.leadUnit(), all, unit, t -> t.startsWith("提醒：提案") || t.startsWith("催办："));
            record(day, f.coUnit(), all, coUnit, t -> t.startsWith("提醒：提案") || t.startsWith("催办："));
            record(day, f.leaderCppcc(), all, supervisor, t -> t.startsWith("督办提醒："));
            record(day, f.leaderGov(), all, govLeader, t -> t.startsWith("督办提醒："));
            record(day, f.lead(), all, proposer, t -> t.startsWith("提醒：提案") && t.contains("测评"));
            // what happens during the walk
            if (day.equals(LocalDate.of(2026, 9, 10))) {
                ok(200, f.staff().post(P + "/" + moved + "/due-date", Map.of("dueDate", "2026-10-23", "reason", "需协调多部门")));
            }
            if (day.equals(LocalDate.of(2026, 9, 21))) {
                reply(answered, day);
                reply(rated, day);
            }
            if (day.equals(LocalDate.of(2026, 9, 28))) {
                expectStatus(ok(201, f.lead().post(P + "/" + rated + "/evaluation", Cases.rating("SATISFIED", "SATISFIED"))),
                        "CLOSED");
            }
        }

        // 10 and 3 working days before (the holiday and the make-up Sunday counted), the due day,
        // the make-up Saturday after it, then every five working days
        List<LocalDate> keyPlan = dates("2026-09-18", "2026-09-29", "2026-10-09", "2026-10-10", "2026-10-16", "2026-10-23",
                "2026-10-30");
        assertThat(unit.get(key)).isEqualTo(keyPlan);
        assertThat(coUnit.get(key)).isEqualTo(keyPlan);
        // escalation: the supervisor hears of every overdue chase of the key case; the lead-handling leader does not
        assertThat(supervisor.get(key)).isEqualTo(dates("2026-10-10", "2026-10-16", "2026-10-23", "2026-10-30"));
        assertThat(govLeader.get(key)).isNull();
        // moved on 10 Sep to 23 Oct: the old plan never fires, the new one counts back over the make-up Saturday
        assertThat(unit.get(moved)).isEqualTo(dates("2026-10-10", "2026-10-20", "2026-10-23", "2026-10-26", "2026-11-02"));
        // answered on 21 Sep: nothing after; the proposer is reminded to rate five working days later (holiday skipped)
        assertThat(unit.get(answered)).isEqualTo(dates("2026-09-18"));
        assertThat(proposer.get(answered)).isEqualTo(dates("2026-09-29"));
        // rated in time: no rating reminder
        assertThat(unit.get(rated)).isEqualTo(dates("2026-09-18"));
        assertThat(proposer.get(rated)).isNull();
        // never on a day off
        for (Map<Long, List<LocalDate>> who : List.of(unit, coUnit, supervisor, proposer)) {
            who.values().forEach(days -> days.forEach(d -> assertThat(workingDay(d)).as(d.toString()).isTrue()));
        }

        // the log, as staff see it: what went out, and the chase still planned
        JsonNode after = ok(200, f.staff().get(P + "/" + key + "/reminders")).path("items");
        List<String> sentDates = new ArrayList<>();
        after.forEach(r -> {
            if (r.path("sent").asBoolean()) {
                sentDates.add(r.path("date").asString());
                assertThat(r.path("recipients").asInt()).isPositive();
            }
        });
        assertThat(sentDates).containsExactly(keyPlan.stream().map(LocalDate::toString).toArray(String[]::new));
        assertThat(after.get(after.size() - 1).path("sent").asBoolean()).isFalse();
        assertThat(after.get(after.size() - 1).path("date").asString()).isEqualTo("2026-11-06");
        // and the texts
        JsonNode overdue = first(f.leadUnit(), key, "催办：");
        assertThat(overdue.path("text").asString()).contains("2026-10-09").contains("1个工作日");
        assertThat(f.leadUnit().lang("en").get("/api/v1/notifications?size=200").json().path("items").toString())
                .contains("past its due date");
    }

    /** Issue 15 point 6: "meet the proposer within N working days" (default 15) is shown on the case and reminded. */
    @Test
    void aLeadUnitThatHasNotMetTheProposerInTimeIsReminded() {
        at(ASSIGNED_ON);
        long silent = assigned(DUE);
        long met = assigned(DUE);
        expectStatus(ok(200, f.leadUnit().post(P + "/" + silent + "/accept", Map.of())), "IN_PROGRESS");
        expectStatus(ok(200, f.leadUnit().post(P + "/" + met + "/accept", Map.of())), "IN_PROGRESS");
        JsonNode d = ok(200, f.leadUnit().get(P + "/" + silent));
        assertThat(d.path("acceptedOn").asString()).isEqualTo("2026-09-01");
        // 15 working days on, the make-up Sunday 20 Sep counted
        assertThat(d.path("contactDueDate").asString()).isEqualTo("2026-09-21");
        assertThat(d.path("contactOverdue").asBoolean()).isFalse();

        Map<Long, List<LocalDate>> unit = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> coUnit = new LinkedHashMap<>();
        List<Long> both = List.of(silent, met);
        for (LocalDate day = ASSIGNED_ON.plusDays(1); !day.isAfter(LocalDate.of(2026, 9, 24)); day = day.plusDays(1)) {
            at(day);
            manual.runAnyDueExecutions();
            record(day, f.leadUnit(), both, unit, t -> t.startsWith("联系提醒："));
            record(day, f.coUnit(), both, coUnit, t -> t.startsWith("联系提醒："));
            if (day.equals(LocalDate.of(2026, 9, 10))) {
                ok(201, f.leadUnit().post(P + "/" + met + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                        "date", day.toString(), "content", "走访提案人")));
            }
        }

        // the first working day after the deadline, once, to the lead unit only
        assertThat(unit.get(silent)).isEqualTo(dates("2026-09-22"));
        assertThat(unit.get(met)).isNull();
        assertThat(coUnit).isEmpty();
        assertThat(first(f.leadUnit(), silent, "联系提醒：").path("text").asString()).contains("2026-09-21");
        assertThat(ok(200, f.leadUnit().get(P + "/" + silent)).path("contactOverdue").asBoolean()).isTrue();
        assertThat(ok(200, f.leadUnit().get(P + "/" + met)).path("contactOverdue").asBoolean()).isFalse();
        JsonNode log = ok(200, f.staff().get(P + "/" + silent + "/reminders")).path("items");
        assertThat(log.findValuesAsString("kind")).contains("CONTACT");
    }

    /**
     * Issue 15 point 4: an ordinary (not key) overdue case is chased upward to the lead unit's
     * heads and the proposal office once it is 10 working days late (the default); a co-unit is
     * reminded only while its opinion is missing.
     */
    @Test
    void ordinaryOverdueCasesEscalateAndCoUnitsAreRemindedOnlyOfTheirOpinion() throws InterruptedException {
        at(ASSIGNED_ON);
        f.leadUnitHead();
        long opinionGiven = assigned(DUE);
        long opinionMissing = assigned(DUE);
        ok(201, f.coUnit().post(P + "/" + opinionGiven + "/co-opinions", Map.of("content", "同意主办单位意见")));
        List<Long> both = List.of(opinionGiven, opinionMissing);
        Map<Long, List<LocalDate>> unit = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> coUnit = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> head = new LinkedHashMap<>();
        Map<Long, List<LocalDate>> staff = new LinkedHashMap<>();
        for (LocalDate day = ASSIGNED_ON.plusDays(1); !day.isAfter(LocalDate.of(2026, 11, 3)); day = day.plusDays(1)) {
            at(day);
            manual.runAnyDueExecutions();
            record(day, f.leadUnit(), both, unit, t -> t.startsWith("催办："));
            record(day, f.coUnit(), both, coUnit, t -> t.startsWith("提醒：提案") || t.startsWith("催办："));
            record(day, f.leadUnitHead(), both, head, t -> t.startsWith("超期督促："));
            record(day, f.staff(), both, staff, t -> t.startsWith("超期督促："));
        }

        List<LocalDate> chases = dates("2026-10-10", "2026-10-16", "2026-10-23", "2026-10-30");
        assertThat(unit.get(opinionMissing)).isEqualTo(chases);
        assertThat(unit.get(opinionGiven)).isEqualTo(chases);
        // the co-unit that gave its opinion hears nothing more; the other is asked for its opinion
        assertThat(coUnit.get(opinionGiven)).isNull();
        assertThat(coUnit.get(opinionMissing)).isEqualTo(dates("2026-09-18", "2026-09-29", "2026-10-09", "2026-10-10",
                "2026-10-16", "2026-10-23", "2026-10-30"));
        assertThat(first(f.coUnit(), opinionMissing, "催办：").path("text").asString()).contains("协办意见");
        // 11 working days late on 23 Oct: from then on the chase reaches the head and the office
        assertThat(head.get(opinionGiven)).isEqualTo(dates("2026-10-23", "2026-10-30"));
        assertThat(staff.get(opinionMissing)).isEqualTo(dates("2026-10-23", "2026-10-30"));
        assertThat(first(f.staff(), opinionGiven, "超期督促：").path("text").asString()).contains("2026-10-09").contains("11个工作日");

        // the unit replies: the escalations about that case are done and read, those about the other still wait
        reply(opinionGiven, LocalDate.of(2026, 11, 3));
        TaskNoticesTest.eventually(() -> escalations(opinionGiven).stream().allMatch(n -> n.path("read").asBoolean()),
                "the escalations of the replied case are read");
        assertThat(escalations(opinionGiven)).hasSize(4);
        assertThat(escalations(opinionMissing)).hasSize(4).noneMatch(n -> n.path("read").asBoolean());
    }

    /** The head's and the office's escalation notices about one case. */
    private List<JsonNode> escalations(long id) {
        List<JsonNode> out = new ArrayList<>();
        for (Api who : List.of(f.leadUnitHead(), f.staff())) {
            for (JsonNode n : who.get("/api/v1/notifications?size=200").json().path("items")) {
                if (n.path("link").asString().equals("/proposals/" + id) && n.path("text").asString().startsWith("超期督促：")) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Issue 15 point 7: a B reply's unit is reminded every 20 working days (the default) until it reports the matter done. */
    @Test
    void aBReplyIsFollowedUntilTheUnitReportsItDone() {
        at(ASSIGNED_ON);
        long id = assigned(DUE);
        LocalDate repliedOn = LocalDate.of(2026, 9, 21);
        at(repliedOn);
        expectStatus(ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        ok(201, f.leadUnit().post(P + "/" + id + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", repliedOn.toString(), "content", "电话联系提案人")));
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "B", "content", "列入明年计划"))),
                "REPLY_REVIEW");
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
        Map<Long, List<LocalDate>> unit = new LinkedHashMap<>();
        for (LocalDate day = repliedOn.plusDays(1); !day.isAfter(LocalDate.of(2026, 11, 30)); day = day.plusDays(1)) {
            at(day);
            manual.runAnyDueExecutions();
            record(day, f.leadUnit(), List.of(id), unit, t -> t.startsWith("落实提醒："));
            if (day.equals(LocalDate.of(2026, 10, 27))) {
                ok(200, f.leadUnit().post(P + "/" + id + "/implementation-report", Map.of("content", "已全部落实")));
            }
        }
        // 20 working days after the approval (the National Day holiday skipped, the make-up Saturday counted); none after the report
        assertThat(unit.get(id)).isEqualTo(dates("2026-10-26"));
    }

    @Test
    void twoSchedulerNodesOnOneDatabaseSendEachReminderOnce() throws Exception {
        at(ASSIGNED_ON);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(assigned(DUE));
        }
        Instant due = at(LocalDate.of(2026, 9, 18));
        List<Scheduler> nodes = new ArrayList<>();
        for (String name : List.of("node-a", "node-b")) {
            SettableClock time = new SettableClock();
            time.set(due);
            nodes.add(Scheduler.create(dataSource, tasks).schedulerName(new SchedulerName.Fixed(name)).clock(time)
                    .threads(4).pollingInterval(Duration.ofMillis(50)).build());
        }
        try {
            nodes.forEach(Scheduler::start);
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !ids.stream().allMatch(id -> count(f.leadUnit(), id, "提醒：提案") >= 1)) {
                Thread.sleep(100);
            }
            // both nodes keep polling a while longer: a second sending would show now
            Thread.sleep(1000);
        } finally {
            nodes.forEach(Scheduler::stop);
        }
        for (long id : ids) {
            assertThat(count(f.leadUnit(), id, "提醒：提案")).as("case " + id).isEqualTo(1);
            assertThat(count(f.coUnit(), id, "提醒：提案")).as("case " + id).isEqualTo(1);
        }

        // a node that dies after sending but before completing: its execution runs again, and tells no one again
        long id = ids.get(0);
        String instance = "p" + id + "-BEFORE_DUE-3";
        Map<String, Object> row = jdbc.queryForMap("select task_data, execution_time from scheduled_tasks "
                + "where task_name = 'proposal-reminder' and task_instance = ?", instance);
        at(LocalDate.of(2026, 9, 29));
        manual.runAnyDueExecutions();
        assertThat(count(f.leadUnit(), id, "提醒：提案")).isEqualTo(2);
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                + "values ('proposal-reminder', ?, ?, ?, false, 1)", instance, row.get("task_data"), row.get("execution_time"));
        manual.runAnyDueExecutions();
        assertThat(count(f.leadUnit(), id, "提醒：提案")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?", Integer.class, instance))
                .isZero();
    }

    @Test
    void theDailySweepPlansACaseThatHasNoPlan() {
        at(LocalDate.of(2026, 12, 1));
        long id = assigned(LocalDate.of(2027, 1, 15));
        assertThat(ok(200, f.staff().get(P + "/" + id + "/reminders")).path("items")).hasSize(4);
        // as a case assigned before reminders existed: nothing planned
        jdbc.update("delete from scheduled_tasks where task_name = 'proposal-reminder' and task_instance like ?", "p" + id + "-%");
        assertThat(ok(200, f.staff().get(P + "/" + id + "/reminders")).path("items")).isEmpty();

        // the next morning the sweep (07:30) plans it from that day on; New Year's Day 2027 is counted off
        at(LocalDate.of(2026, 12, 2));
        manual.runAnyDueExecutions();
        JsonNode plan = ok(200, f.staff().get(P + "/" + id + "/reminders")).path("items");
        assertThat(dates(plan)).containsExactly("2026-12-31", "2027-01-12", "2027-01-15", "2027-01-18");
    }

    // --- helpers ---

    /** Moves the application's and the manual scheduler's time to that day, 09:30 in Beijing. */
    private Instant at(LocalDate day) {
        Instant instant = clock.set(day, LOOK);
        schedulerTime.set(instant);
        return instant;
    }

    /** A new case filed and assigned today (unit 0 leads, unit 1 co-handles) with that due date. */
    private long assigned(LocalDate due) {
        long id = f.caseIn("FILED");
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1)), "dueDate", due.toString()))), "ASSIGNED");
        return id;
    }

    /** The lead unit handles and replies on that day; staff approve. */
    private void reply(long id, LocalDate day) {
        expectStatus(ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        ok(201, f.leadUnit().post(P + "/" + id + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", day.toString(), "content", "电话联系提案人")));
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "A", "content", "已采纳"))),
                "REPLY_REVIEW");
        expectStatus(ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true))), "REPLIED");
    }

    /** Adds the day once for every new notice of these cases in the user's inbox. */
    private static void record(LocalDate day, Api who, List<Long> cases, Map<Long, List<LocalDate>> seen, Predicate<String> kind) {
        Map<Long, Integer> now = new HashMap<>();
        for (JsonNode n : who.get("/api/v1/notifications?size=200").json().path("items")) {
            for (long id : cases) {
                if (n.path("link").asString().equals("/proposals/" + id) && kind.test(n.path("text").asString())) {
                    now.merge(id, 1, Integer::sum);
                }
            }
        }
        now.forEach((id, count) -> {
            List<LocalDate> days = seen.computeIfAbsent(id, k -> new ArrayList<>());
            while (days.size() < count) {
                days.add(day);
            }
        });
    }

    private static int count(Api who, long id, String prefix) {
        int n = 0;
        for (JsonNode e : who.get("/api/v1/notifications?size=200").json().path("items")) {
            if (e.path("link").asString().equals("/proposals/" + id) && e.path("text").asString().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** The first such notice (the inbox lists the newest first). */
    private static JsonNode first(Api who, long id, String prefix) {
        JsonNode found = null;
        for (JsonNode e : who.get("/api/v1/notifications?size=200").json().path("items")) {
            if (e.path("link").asString().equals("/proposals/" + id) && e.path("text").asString().startsWith(prefix)) {
                found = e;
            }
        }
        assertThat(found).as("a notice " + prefix + " for case " + id).isNotNull();
        return found;
    }

    private static boolean workingDay(LocalDate d) {
        if (WEEKEND_WORKDAYS.contains(d)) {
            return true;
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !DAYS_OFF_ON_WEEKDAYS.contains(d);
    }

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    private static List<String> dates(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("date").asString()));
        return out;
    }
}
