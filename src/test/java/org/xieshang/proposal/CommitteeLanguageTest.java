package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Texts generated into records follow the committee's language, not the language of whoever triggered them. */
class CommitteeLanguageTest extends ProposalApiTestBase {

    @Test
    void aBulletinDraftedByAnEnglishReaderIsInChinese() {
        long a = f.caseIn("ASSIGNED");
        long govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        Map<String, Object> b = new HashMap<>();
        b.put("kind", "BRIEF");
        b.put("title", "关于养老服务提案办理情况的简讯");
        b.put("content", "");
        b.put("proposalIds", List.of(a));
        b.put("recipientUserIds", List.of(govId));
        JsonNode created = ok(201, f.staff().lang("en").post("/api/v1/bulletins", b));
        String content = created.path("content").asString();
        assertThat(content).startsWith("本期编发提案 1 件").contains("主要建议：")
                .doesNotContain("This issue", "Main suggestions", "proposal(s)");
    }
}
