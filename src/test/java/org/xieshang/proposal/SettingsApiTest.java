package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/** The committee's proposal configuration: everyone reads it, the office changes it, and it takes effect. */
class SettingsApiTest extends ProposalApiTestBase {

    private static final String SETTINGS = P + "/settings";

    private Map<String, Object> original;

    @BeforeEach
    void remember() {
        original = Api.JSON.convertValue(ok(200, f.admin.get(SETTINGS)), Map.class);
    }

    @AfterEach
    void restore() {
        ok(200, f.admin.put(SETTINGS, original));
    }

    @Test
    void everySignedInUserReadsTheSettings() {
        for (Api who : List.of(f.lead(), f.leadUnit(), f.leaderGov(), f.staff())) {
            JsonNode s = ok(200, who.get(SETTINGS));
            assertThat(s.path("categories").toString()).contains("城乡建设");
            assertThat(s.path("notFiledGrounds").toString()).contains("内容空泛，无具体建议");
            for (String field : List.of("replyClasses", "numberFormat", "reassignmentWorkingDays", "dueMonths", "maxDueMonths",
                    "rehandlingMonths", "contactRequired", "meetWithinWorkingDays")) {
                assertThat(s.has(field)).as(field).isTrue();
            }
        }
        refused(401, f.admin.anonymous().get(SETTINGS));
    }

    @Test
    void theDefaultsFollowTheDesign() {
        JsonNode s = ok(200, f.lead().get(SETTINGS));
        assertThat(s.path("replyClasses").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
        assertThat(s.path("numberFormat").asString()).isEqualTo("第%04d号");
        assertThat(s.path("reassignmentWorkingDays").asInt()).isEqualTo(7);
        assertThat(s.path("dueMonths").asInt()).isEqualTo(3);
        assertThat(s.path("maxDueMonths").asInt()).isEqualTo(6);
        assertThat(s.path("contactRequired").asBoolean()).isTrue();
        assertThat(s.path("meetWithinWorkingDays").asInt()).isEqualTo(15);
    }

    @Test
    void theOfficeChangesTheSettingsAndTheyTakeEffect() {
        Map<String, Object> body = new HashMap<>(original);
        body.put("categories", List.of("城乡建设", "交通出行"));
        body.put("replyClasses", List.of("A", "B", "C", "D"));
        body.put("contactRequired", false);
        JsonNode s = ok(200, f.staff().put(SETTINGS, body));
        assertThat(s.path("categories").toString()).isEqualTo("[\"城乡建设\",\"交通出行\"]");
        assertThat(s.path("replyClasses").toString()).isEqualTo("[\"A\",\"B\",\"C\",\"D\"]");
        assertThat(ok(200, f.lead().get(SETTINGS)).path("contactRequired").asBoolean()).isFalse();

        Map<String, Object> draft = new HashMap<>(f.c.draft("关于优化公交线路的建议", List.of()));
        draft.put("category", "交通出行");
        ok(201, f.lead().post(P, draft));
        draft.put("category", "教育科技");
        invalid(f.lead().post(P, draft), "category");

        // no contact needed now, and the added class D is a valid reply category
        long id = f.caseIn("IN_PROGRESS");
        ok(201, f.coUnit().post(P + "/" + id + "/co-opinions", Map.of("content", "同意")));
        expectStatus(ok(200, f.replySigned(id, Map.of("category", "D", "content", "答复"))),
                "REPLY_REVIEW");

        // back to the defaults: contact is required again
        ok(200, f.admin.put(SETTINGS, original));
        long again = f.caseIn("IN_PROGRESS");
        ok(201, f.coUnit().post(P + "/" + again + "/co-opinions", Map.of("content", "同意")));
        refused(409, f.leadUnit().post(P + "/" + again + "/reply", Map.of("category", "A", "content", "答复")));
    }

    @Test
    void onlyTheOfficeChangesTheSettings() {
        for (Api who : List.of(f.lead(), f.leaderCppcc(), f.leaderGov(), f.leadUnit(), f.leadUnitHead())) {
            refused(403, who.put(SETTINGS, original));
        }
        refused(401, f.admin.anonymous().put(SETTINGS, original));
        ok(200, f.admin.put(SETTINGS, original));
    }

    @Test
    void badSettingsAre400WithTheFields() {
        // a number or flag left out is refused while the body is read, naming it
        Api.Res empty = f.staff().put(SETTINGS, Map.of());
        refused(400, empty);
        assertThat(Cases.fields(empty)).hasSize(1).isSubsetOf(List.of("reassignmentWorkingDays", "dueMonths", "maxDueMonths",
                "rehandlingMonths", "contactRequired", "meetWithinWorkingDays"));
        Map<String, Object> noLists = new HashMap<>(original);
        List.of("categories", "notFiledGrounds", "replyClasses", "numberFormat").forEach(noLists::remove);
        invalid(f.staff().put(SETTINGS, noLists), "categories", "notFiledGrounds", "replyClasses", "numberFormat");
        Map<String, Object> noFlag = new HashMap<>(original);
        noFlag.remove("contactRequired");
        invalid(f.staff().put(SETTINGS, noFlag), "contactRequired");
        invalid(f.staff().put(SETTINGS, with("categories", List.of(" "))), "categories");
        invalid(f.staff().put(SETTINGS, with("categories", List.of("长".repeat(61)))), "categories");
        invalid(f.staff().put(SETTINGS, with("replyClasses", List.of("A,B"))), "replyClasses");
        invalid(f.staff().put(SETTINGS, with("numberFormat", "提案编号")), "numberFormat");
        invalid(f.staff().put(SETTINGS, with("numberFormat", "第%d-%d号")), "numberFormat");
        invalid(f.staff().put(SETTINGS, with("numberFormat", "第%q号")), "numberFormat");
        // rendered, not just parsed: a width that makes every number longer than the column is refused
        invalid(f.staff().put(SETTINGS, with("numberFormat", "第%0300d号")), "numberFormat");
        invalid(f.staff().put(SETTINGS, with("numberFormat", "第%041d号")), "numberFormat");
        ok(200, f.staff().put(SETTINGS, with("numberFormat", "第%038d号")));
        ok(200, f.staff().put(SETTINGS, original));
        invalid(f.staff().put(SETTINGS, with("dueMonths", 0)), "dueMonths");
        invalid(f.staff().put(SETTINGS, with("maxDueMonths", 2)), "maxDueMonths");
        invalid(f.staff().put(SETTINGS, with("reassignmentWorkingDays", 0)), "reassignmentWorkingDays");
        invalid(f.staff().put(SETTINGS, with("rehandlingMonths", 13)), "rehandlingMonths");
        invalid(f.staff().put(SETTINGS, with("meetWithinWorkingDays", 0)), "meetWithinWorkingDays");
        invalid(f.staff().put(SETTINGS, with("dueMonths", "three")), "dueMonths");
        assertThat(Api.JSON.convertValue(ok(200, f.admin.get(SETTINGS)), Map.class)).isEqualTo(original);
    }

    @Test
    void aNumberFormatIsCheckedByRenderingIt() {
        Api.Res zh = f.staff().put(SETTINGS, with("numberFormat", "第%0300d号"));
        invalid(zh, "numberFormat");
        assertThat(zh.json().path("errors").get(0).path("message").asString()).contains("40");
        Api.Res en = f.staff().lang("en").put(SETTINGS, with("numberFormat", "No. %0300d"));
        invalid(en, "numberFormat");
        assertThat(en.json().path("errors").get(0).path("message").asString()).contains("longer than 40 characters");
        // the settings were not changed, so filing still works with the old format
        assertThat(ok(200, f.admin.get(SETTINGS)).path("numberFormat").asString()).isEqualTo(original.get("numberFormat"));
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(original);
        body.put(field, value);
        return body;
    }
}
