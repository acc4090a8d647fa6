package org.xieshang.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.liaison.LiaisonFixture.groups;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.committee.Committees;
import org.xieshang.liaison.internal.LiaisonReminderService;
import org.xieshang.liaison.internal.LiaisonReminderService.Outcome;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Reminders to liaisons whose pairs are behind: from 1 October, monthly, once per month even when re-run. */
@Import(LiaisonEvents.class)
class LiaisonRemindersTest extends ApiTestBase {

    /** A year of its own (LiaisonApiTest takes years from 2001 upwards), with no seeded holidays. */
    static final int YEAR = 2024;

    @Autowired
    LiaisonReminderService reminders;
    @Autowired
    Committees committees;
    @Autowired
    List<RecurringTask<?>> tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void liaisonsBehindAreRemindedOncePerMonthFromOctober() {
        LiaisonFixture fx = new LiaisonFixture(admin);
        long sector = fx.sector();
        long liaison = fx.member("STANDING_COMMITTEE", sector);
        fx.members(12, sector, fx.sector());
        Api me = fx.account(Set.of("MEMBER"), liaison, null);
        List<Long> group = groups(fx.confirmed(YEAR)).get(liaison);
        assertThat(group).hasSizeGreaterThanOrEqualTo(2);
        // the first member is done (two contacts); the others are behind
        for (int month = 3; month <= 4; month++) {
            Map<String, Object> body = new HashMap<>();
            body.put("memberIds", List.of(group.get(0)));
            body.put("date", LocalDate.of(YEAR, month, 2).toString());
            body.put("method", "PHONE");
            body.put("situation", "身体健康");
            assertThat(me.post("/api/v1/liaison/contacts", body).status()).isEqualTo(201);
        }
        int behind = group.size() - 1;
        Long committee = committees.all().get(0).id();

        assertThat(sendDue(committee, LocalDate.of(YEAR, 9, 30))).isEmpty();
        assertThat(unread(me)).isEmpty();

        Optional<Outcome> october = sendDue(committee, LocalDate.of(YEAR, 10, 1));
        assertThat(october).isPresent();
        assertThat(october.get().month()).isEqualTo(YearMonth.of(YEAR, 10));
        assertThat(october.get().liaisonsNotified()).isPositive();
        List<String> notices = unread(me);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains(String.valueOf(YEAR)).contains(behind + " 位");

        // the same day again (a restart), later that month: nothing more
        assertThat(sendDue(committee, LocalDate.of(YEAR, 10, 1))).isEmpty();
        assertThat(sendDue(committee, LocalDate.of(YEAR, 10, 20))).isEmpty();
        assertThat(unread(me)).hasSize(1);

        // 2 November 2024 is a Saturday: November's reminder waits for Monday
        assertThat(sendDue(committee, LocalDate.of(YEAR, 11, 2))).isEmpty();
        assertThat(sendDue(committee, LocalDate.of(YEAR, 11, 4))).map(Outcome::month).contains(YearMonth.of(YEAR, 11));
        assertThat(unread(me)).hasSize(2);

        // the daily job over all committees
        assertThat(reminders.runAll(LocalDate.of(YEAR, 12, 2))).extracting(Outcome::month).containsExactly(YearMonth.of(YEAR, 12));
        assertThat(reminders.runAll(LocalDate.of(YEAR, 12, 3))).isEmpty();
        assertThat(unread(me)).hasSize(3);

        JsonNode compliance = admin.get("/api/v1/liaison/plans/" + YEAR + "/compliance").json();
        assertThat(compliance.path("reminders")).hasSize(3);
        assertThat(compliance.path("reminders").get(0).path("month").asInt()).isEqualTo(10);
        // the notice links to the liaison's page
        JsonNode entry = me.get("/api/v1/notifications").json().path("items").get(0);
        assertThat(entry.path("link").asString()).isEqualTo("/liaison/mine?year=" + YEAR);
    }

    @Test
    void theDailyTaskIsRegisteredWithTheScheduler() throws InterruptedException {
        assertThat(tasks).extracting(t -> t.getName()).contains("liaison-reminders");
        Integer rows = 0;
        for (int i = 0; i < 50 && rows == 0; i++) {
            rows = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'liaison-reminders'", Integer.class);
            if (rows == 0) {
                Thread.sleep(200);
            }
        }
        assertThat(rows).isEqualTo(1);
    }

    private Optional<Outcome> sendDue(Long committee, LocalDate today) {
        return SystemActor.callAs(committee, () -> reminders.sendDue(today));
    }

    private static List<String> unread(Api as) {
        List<String> texts = new java.util.ArrayList<>();
        as.get("/api/v1/notifications?unread=true").json().path("items").forEach(n -> {
            // the plan's confirmation also told the liaison (same link): count the reminders only
            if (n.path("text").asString().startsWith("提醒")) {
                texts.add(n.path("text").asString());
            }
        });
        return texts;
    }
}
