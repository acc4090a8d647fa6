package org.xieshang.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.setup.CommitteeProvisioning;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/** Issue 15 point 9 on the pages: the plan page says the numbers once before generating; the contact form offers other groups. */
class LiaisonDistrictPracticePagesTest extends ApiTestBase {

    @Autowired
    CommitteeProvisioning provisioning;

    @Test
    void thePlanPageTellsTheNumbersAndTheContactFormOffersOtherGroups() {
        String username = TestSupport.unique("lzp-admin").replace("-", ".");
        provisioning.provision(TestSupport.unique("联络页区政协"), username, "district-pass-2026");
        Api office = api.login(username, "district-pass-2026");
        LiaisonFixture fx = new LiaisonFixture(office);
        long sector = fx.sector();
        long a = fx.member("STANDING_COMMITTEE", sector);
        long b = fx.member("STANDING_COMMITTEE", sector);
        fx.members(4, sector);
        PageClient page = new PageClient(port).signIn(username, "district-pass-2026");

        // 4 members for 2 liaisons, minimum 10: one plain message before the generate button
        String before = page.get("/liaison/plans?year=2025").body();
        assertThat(before).contains("id=\"plan-outlook\"").contains("至少联系 10 位委员");
        assertThat(before.split("id=\"plan-outlook\"", -1)).hasSize(2);

        office.put("/api/v1/liaison/settings", Map.of("minGroupSize", 2));
        assertThat(page.get("/liaison/plans?year=2025").body()).doesNotContain("id=\"plan-outlook\"");
        fx.confirmed(2025);

        // the liaison's contact form lists the members of the other group for a symposium
        String login = fx.username(Set.of("MEMBER"), a, null);
        PageClient liaison = new PageClient(port).signIn(login, LiaisonFixture.PASSWORD);
        String mine = liaison.get("/liaison/mine?year=2025").body();
        assertThat(mine).contains("id=\"contact-extra\"");
        List<Long> others = LiaisonFixture.groups(office.get("/api/v1/liaison/plans/2025").json()).get(b);
        assertThat(mine).contains("<option value=\"" + others.get(0) + "\"");
    }
}
