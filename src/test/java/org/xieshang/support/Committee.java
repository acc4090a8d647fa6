package org.xieshang.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small committee built through the API for workflow tests: a sector, a term with a session,
 * units, members and one signed-in client per role. Every name is unique, so fixtures of many
 * tests live side by side in one database.
 */
public final class Committee {

    public static final String PASSWORD = "fixture-pass-1";

    public final Api admin;
    public final long sectorId;
    public final long termId;
    public final long sessionId;
    public final List<Long> unitIds = new ArrayList<>();
    public final List<Long> memberIds = new ArrayList<>();
    private final Api anonymous;

    public Committee(Api admin, int units, int members) {
        this.admin = admin;
        this.anonymous = admin.anonymous();
        sectorId = created(admin.post("/api/v1/sectors", Map.of("name", TestSupport.unique("界别"))));
        termId = created(admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("第十届"),
                "startDate", "2022-01-01", "endDate", "2027-12-31")));
        sessionId = created(admin.post("/api/v1/terms/" + termId + "/sessions", Map.of("name", "第五次会议",
                "year", 2026, "startDate", "2026-01-10")));
        for (int i = 0; i < units; i++) {
            unitIds.add(created(admin.post("/api/v1/units", Map.of("name", TestSupport.unique("区单位"), "type", "DEPARTMENT"))));
        }
        for (int i = 0; i < members; i++) {
            memberIds.add(created(admin.post("/api/v1/members", Map.of("name", TestSupport.unique("委员"),
                    "gender", i % 2 == 0 ? "MALE" : "FEMALE", "sectorId", sectorId))));
        }
    }

    private static long created(Api.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.id();
    }

    /** A signed-in client for a new account with these roles. */
    public Api user(List<String> roles, Long memberId, Long unitId) {
        return anonymous.login(TestSupport.account(admin, roles, memberId, unitId, PASSWORD).username(), PASSWORD);
    }

    public Api member(int index) {
        return user(List.of("MEMBER"), memberIds.get(index), null);
    }

    public Api unit(int index) {
        return user(List.of("UNIT_HANDLER"), null, unitIds.get(index));
    }

    public Api staff() {
        return user(List.of("PROPOSAL_STAFF"), null, null);
    }

    public Api role(String role) {
        return user(List.of(role), null, null);
    }

    /** The body of a valid draft in this committee's session. */
    public Map<String, Object> draft(String title, List<Long> coSigners) {
        return Map.of("title", title, "background", "现状分析：" + title + "问题突出，群众反映强烈。",
                "suggestions", "建议：一、加强统筹；二、加大投入；三、完善机制。", "category", "城乡建设",
                "sessionId", sessionId, "coSignerMemberIds", coSigners);
    }
}
