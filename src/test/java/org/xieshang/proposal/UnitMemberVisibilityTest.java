package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ok;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Members' personal data (issue 14, finding 10): a unit's users see only the proposers of the cases their unit
 * leads or co-handles, in the member list, the member detail and the member pages; the office and leaders see all.
 */
class UnitMemberVisibilityTest extends ProposalApiTestBase {

    private static final String M = "/api/v1/members";
    private static final String PASSWORD = "unit-members-1";

    @Test
    void unitsSeeTheProposersOfTheirOwnCasesOnly() {
        f.caseIn("ASSIGNED", true); // member 0 leads, member 1 co-signs; unit 0 leads, unit 1 co-handles
        long lead = f.member(0);
        long cosigner = f.member(1);
        long stranger = f.member(3);

        for (Api unit : List.of(f.leadUnit(), f.leadUnitHead(), f.coUnit())) {
            List<Long> listed = ids(ok(200, unit.get(M + "?size=200")));
            assertThat(listed).contains(lead, cosigner).doesNotContain(stranger, f.member(2), f.member(4));
            ok(200, unit.get(M + "/" + lead));
            ok(200, unit.get(M + "/" + cosigner));
            assertThat(unit.get(M + "/" + stranger).status()).isEqualTo(404);
            // the filters still apply within what the unit may see
            String name = ok(200, f.admin.get(M + "/" + lead)).path("name").asString();
            assertThat(ids(ok(200, unit.get(M + "?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))))
                    .containsExactly(lead);
        }
        // a unit without these cases sees none of them
        List<Long> unrelated = ids(ok(200, f.otherUnit().get(M + "?size=200")));
        assertThat(unrelated).doesNotContain(lead, cosigner, stranger);
        assertThat(f.otherUnit().get(M + "/" + lead).status()).isEqualTo(404);

        // the office, leaders and members still see every member
        for (Api all : List.of(f.staff(), f.leaderCppcc(), f.leaderGov(), f.other())) {
            ok(200, all.get(M + "/" + stranger));
        }

        // the pages follow the same rule
        PageClient page = new PageClient(port).signIn(TestSupport.account(f.admin, List.of("UNIT_HANDLER"), null, f.unit(0),
                PASSWORD).username(), PASSWORD);
        String strangerName = ok(200, f.admin.get(M + "/" + stranger)).path("name").asString();
        String leadName = ok(200, f.admin.get(M + "/" + lead)).path("name").asString();
        String list = page.get("/members").body();
        assertThat(list).contains(leadName).doesNotContain(strangerName);
        assertThat(page.get("/members/" + stranger).status()).isEqualTo(404);
        assertThat(page.get("/members/" + lead).status()).isEqualTo(200);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asLong()));
        return out;
    }
}
