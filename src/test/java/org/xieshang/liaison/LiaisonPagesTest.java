package org.xieshang.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.liaison.Browser.form;
import static org.xieshang.liaison.LiaisonFixture.groups;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.xieshang.liaison.Browser.Page;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/** The liaison pages through a real session: plan, "my members" with the quick contact form, compliance. */
@Import(LiaisonEvents.class)
class LiaisonPagesTest extends ApiTestBase {

    LiaisonFixture fx;

    @BeforeEach
    void fixture() {
        fx = new LiaisonFixture(admin);
    }

    record Liaison(long memberId, String username) {
    }

    Liaison liaison() {
        long sector = fx.sector();
        long id = fx.member("STANDING_COMMITTEE", sector);
        fx.members(12, sector, fx.sector());
        return new Liaison(id, fx.username(Set.of("MEMBER"), id, null));
    }

    @Test
    void theOfficeGeneratesAdjustsAndConfirmsOnThePlanPage() {
        int year = 2021;
        Liaison a = liaison();
        Liaison b = liaison();
        Browser office = new Browser(port).login("admin", TestSupport.ADMIN_PASSWORD);
        Page empty = office.get("/liaison/plans?year=" + year);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.html()).contains(year + " 年度尚无联系委员计划").contains("href=\"/liaison/plans\"")
                .contains("href=\"/liaison/compliance\"");

        Page generated = office.post("/liaison/plans", form("year", String.valueOf(year)));
        assertThat(generated.status()).isEqualTo(302);
        assertThat(generated.location()).endsWith("/liaison/plans?year=" + year);
        Page plan = office.get("/liaison/plans?year=" + year);
        assertThat(plan.html()).contains(fx.name(a.memberId())).contains(fx.name(b.memberId())).contains("草稿")
                .contains("确认计划").contains("id=\"group-" + a.memberId() + "\"");

        JsonNode json = admin.get("/api/v1/liaison/plans/" + year).json();
        long member = groups(json).get(a.memberId()).get(0);
        Page moved = office.post("/liaison/plans/" + year + "/moves", form("memberId", String.valueOf(member),
                "liaisonMemberId", String.valueOf(b.memberId()), "version", json.path("version").asString()));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(groups(admin.get("/api/v1/liaison/plans/" + year).json()).get(b.memberId())).contains(member);
        Page bad = office.post("/liaison/plans/" + year + "/moves", form("memberId", "abc",
                "liaisonMemberId", String.valueOf(b.memberId())));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.html()).contains("格式不正确").contains("aria-invalid=\"true\"");

        long version = admin.get("/api/v1/liaison/plans/" + year).json().path("version").asLong();
        Page confirmed = office.post("/liaison/plans/" + year + "/confirm", form("version", String.valueOf(version)));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/liaison/plans/" + year).get("status")).isEqualTo("CONFIRMED");
        assertThat(office.get("/liaison/plans?year=" + year).html()).contains("已确认").doesNotContain("id=\"confirm-plan\"");
        // again: a refusal page, not a crash
        assertThat(office.post("/liaison/plans/" + year + "/confirm", form()).status()).isEqualTo(409);
    }

    @Test
    void aLiaisonLogsAContactFromTheirOwnPage() {
        int year = 2022;
        Liaison me = liaison();
        List<Long> group = groups(fx.confirmed(year)).get(me.memberId());
        Browser phone = new Browser(port).login(me.username(), LiaisonFixture.PASSWORD);
        Page page = phone.get("/liaison/mine?year=" + year);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("href=\"/liaison/mine\"").contains(fx.name(group.get(0))).contains("记录一次联系")
                .contains("type=\"date\"").doesNotContain("href=\"/liaison/plans\"");

        Page logged = phone.post("/liaison/contacts", form("date", year + "-05-01", "method", "VISIT",
                "memberIds", String.valueOf(group.get(0)), "situation", "家庭和睦，工作顺利", "difficulties", "停车难"));
        assertThat(logged.status()).as(logged.html()).isEqualTo(302);
        assertThat(logged.location()).contains("/liaison/mine?year=" + year);
        Page after = phone.get("/liaison/mine?year=" + year + "&logged");
        assertThat(after.html()).contains("联系记录已保存").contains("已联系 1 / 2 次").contains("停车难").contains("标记为已解决");

        Page invalid = phone.post("/liaison/contacts", form("date", year + "-05-02", "method", "PHONE",
                "memberIds", String.valueOf(group.get(0)), "memberIds", String.valueOf(group.get(1)), "situation", "x"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.html()).contains("上门走访和电话联系每次只记录一位委员").contains("value=\"" + year + "-05-02\"");
        Page badDate = phone.post("/liaison/contacts", form("date", "yesterday", "method", "VISIT",
                "memberIds", String.valueOf(group.get(0)), "situation", "x", "year", String.valueOf(year)));
        assertThat(badDate.status()).isEqualTo(200);
        assertThat(badDate.html()).contains("格式不正确");

        long followUp = admin.get("/api/v1/liaison/follow-ups?kind=DIFFICULTY&open=true&liaisonMemberId=" + me.memberId())
                .json().path("items").get(0).path("id").asLong();
        phone.get("/liaison/mine?year=" + year);
        Page resolved = phone.post("/liaison/follow-ups/" + followUp + "/resolve", form("resolution", "已协调物业", "year",
                String.valueOf(year)));
        assertThat(resolved.status()).isEqualTo(302);
        assertThat(phone.get("/liaison/mine?year=" + year).html()).contains("已协调物业");

        // a member who is no liaison: no link, no office pages
        String plain = fx.username(Set.of("MEMBER"), fx.member("MEMBER", fx.sector()), null);
        Browser other = new Browser(port).login(plain, LiaisonFixture.PASSWORD);
        assertThat(other.get("/").html()).doesNotContain("href=\"/liaison/mine\"");
        assertThat(other.get("/liaison/plans").status()).isEqualTo(403);
        assertThat(other.get("/liaison/compliance").status()).isEqualTo(403);
    }

    @Test
    void theComplianceDashboardPassesItsChartDataWithoutInlineScript() {
        int year = 2023;
        liaison();
        fx.confirmed(year);
        Browser office = new Browser(port).login("admin", TestSupport.ADMIN_PASSWORD);
        Page page = office.get("/liaison/compliance?year=" + year);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("id=\"liaison-chart\"").contains("data-chart=\"{&#34;labels&#34;")
                .contains("src=\"/webjars/echarts/echarts.min.js\"").contains("src=\"/static/liaison-compliance.js\"")
                .contains("0.0%");
        // CSP allows no inline script: every script element loads a file
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.html()).find()).isFalse();
        assertThat(office.get("/static/liaison-compliance.js").status()).isEqualTo(200);
        assertThat(office.get("/webjars/echarts/echarts.min.js").status()).isEqualTo(200);
        assertThat(office.get("/liaison/compliance?year=2091").html()).contains("2091 年度尚无联系委员计划");

        long leader = fx.member("VICE_CHAIR", fx.sector());
        Browser leaderSession = new Browser(port).login(fx.username(Set.of("LEADER_CPPCC", "MEMBER"), leader, null),
                LiaisonFixture.PASSWORD);
        Page asLeader = leaderSession.get("/liaison/compliance?year=" + year);
        assertThat(asLeader.status()).isEqualTo(200);
        assertThat(asLeader.html()).doesNotContain("href=\"/liaison/plans\"");
        Map<String, List<String>> none = form();
        assertThat(none).isEmpty();
    }
}
