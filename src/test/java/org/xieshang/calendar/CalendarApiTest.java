package org.xieshang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/** The calendar every committee is seeded with, and the office's changes to it, through the API. */
class CalendarApiTest extends ApiTestBase {

    @Autowired
    CommitteeProvisioning provisioning;

    @Test
    void theSeededCalendarKnowsNationalDay2026() {
        Api member = Fixtures.signedIn(admin, "MEMBER");
        // see ChinaHolidaysTest: Tue 29, Wed 30 Sep, (1–7 Oct off), Thu 8, Fri 9, Sat 10 Oct (make-up day)
        Res res = member.get("/api/v1/calendar/working-days", Map.of("from", "2026-09-28", "days", 5));
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        assertThat(res.get("date")).isEqualTo("2026-10-10");
        assertThat(res.json().path("fromIsWorkingDay").asBoolean()).isTrue();
        // and back again
        assertThat(member.get("/api/v1/calendar/working-days", Map.of("from", "2026-10-10", "days", -5)).get("date"))
                .isEqualTo("2026-09-28");
        assertThat(member.get("/api/v1/calendar/working-days", Map.of("from", "2026-10-03", "days", 0))
                .json().path("fromIsWorkingDay").asBoolean()).isFalse();

        Res days = member.get("/api/v1/calendar/days", Map.of("year", 2026));
        assertThat(days.json().path("items").values()).anySatisfy(d -> {
            assertThat(d.path("date").asString()).isEqualTo("2026-10-10");
            assertThat(d.path("kind").asString()).isEqualTo("WORKDAY");
        });
    }

    @Test
    void theOfficeAdjustsItsOwnCommitteesCalendar() {
        String username = TestSupport.unique("cal-admin");
        provisioning.provision(TestSupport.unique("日历区政协"), username, "calendar-pass-1");
        Api other = api.login(username, "calendar-pass-1");
        // Mon 2027-03-01 + 1 = Tue 2 Mar; a local holiday on the 2nd moves it to Wed 3 Mar
        assertThat(other.get("/api/v1/calendar/working-days", Map.of("from", "2027-03-01", "days", 1)).get("date"))
                .isEqualTo("2027-03-02");
        Res set = other.put("/api/v1/calendar/days/2027-03-02", Map.of("kind", "HOLIDAY", "name", "地方节日"));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(other.get("/api/v1/calendar/working-days", Map.of("from", "2027-03-01", "days", 1)).get("date"))
                .isEqualTo("2027-03-03");
        // only in that committee
        assertThat(admin.get("/api/v1/calendar/working-days", Map.of("from", "2027-03-01", "days", 1)).get("date"))
                .isEqualTo("2027-03-02");
        // removing it restores the ordinary week; removing it twice is unknown
        assertThat(other.delete("/api/v1/calendar/days/2027-03-02").status()).isEqualTo(204);
        assertThat(other.get("/api/v1/calendar/working-days", Map.of("from", "2027-03-01", "days", 1)).get("date"))
                .isEqualTo("2027-03-02");
        assertThat(other.delete("/api/v1/calendar/days/2027-03-02").status()).isEqualTo(404);

        assertThat(Fixtures.signedIn(other, "PROPOSAL_STAFF")
                .put("/api/v1/calendar/days/2027-03-02", Map.of("kind", "HOLIDAY", "name", "x")).status()).isEqualTo(403);
        Res invalid = other.put("/api/v1/calendar/days/2027-03-02", Map.of("name", ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").values()).extracting(e -> e.path("field").asString())
                .contains("kind", "name");
    }
}
