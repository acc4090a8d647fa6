package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 8 at the assignment: a retired unit stays on its old cases but cannot be given new
 * ones (the committee module's {@code unitAssignable}, asked by the assignment use case).
 */
class RetiredUnitAssignmentApiTest extends ProposalApiTestBase {

    private static final String P = "/api/v1/proposals";

    private long retiredUnit() {
        long unit = ok(201, f.admin.post("/api/v1/units", Map.of("name", TestSupport.unique("撤并单位"), "type", "DEPARTMENT")))
                .path("id").asLong();
        ok(200, f.admin.patch("/api/v1/units/" + unit, Map.of("retired", true)));
        return unit;
    }

    @Test
    void aRetiredUnitCannotBeAssignedNewCases() {
        long retired = retiredUnit();
        long id = f.caseIn("FILED");
        invalid(f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", retired)), "leadUnitId");
        assertThat(f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", retired)).body()).contains("停用");
        assertThat(f.staff().lang("en").post(P + "/" + id + "/assign", Map.of("leadUnitId", retired)).body())
                .contains("retired");
        invalid(f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0), "coUnitIds", List.of(retired))),
                "coUnitIds");
        // reinstated, it can be assigned again
        JsonNode unit = ok(200, f.admin.patch("/api/v1/units/" + retired, Map.of("retired", false)));
        assertThat(unit.path("retired").asBoolean()).isFalse();
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", retired)));
    }

    @Test
    void aUnitRetiredAfterAssignmentStaysOnItsCase() {
        long unit = ok(201, f.admin.post("/api/v1/units", Map.of("name", TestSupport.unique("旧单位"), "type", "TOWNSHIP")))
                .path("id").asLong();
        long id = f.caseIn("FILED");
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", unit)));
        ok(200, f.admin.patch("/api/v1/units/" + unit, Map.of("retired", true)));
        assertThat(f.get(id).path("leadUnitId").asLong()).isEqualTo(unit);
        // and, referred to by the case, it cannot be deleted
        assertThat(f.admin.delete("/api/v1/units/" + unit).status()).isEqualTo(409);
    }
}
