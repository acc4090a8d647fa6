package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.BeforeAll;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import tools.jackson.databind.JsonNode;

/** Chinese full-text search on the proposal list, and similar cases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalSearchApiTest extends ApiTestBase {

    private Committee c;
    private Api staff;
    private Api member;
    private long elevator;
    private long river;
    private long elevatorAgain;

    @BeforeAll
    void cases() {
        connect();
        c = new Committee(admin, 1, 2);
        member = c.member(0);
        staff = c.staff();
        elevator = submitted(Map.of("title", "关于加快推进老旧小区加装电梯工作的建议", "background",
                "我区现有老旧小区一百二十个，多为六层以下无电梯住宅，老年居民上下楼困难，加装电梯意愿强烈，但资金分摊和低层住户意见难以统一。",
                "suggestions", "一是简化加装电梯审批流程；二是设立财政补贴；三是建立低层住户补偿协商机制。"));
        river = submitted(Map.of("title", "关于治理城东河道黑臭水体的建议", "background",
                "城东河沿岸生活污水直排，夏季水体发黑发臭，周边居民反映强烈，雨污分流改造进展缓慢。",
                "suggestions", "一是排查沿河排污口；二是加快雨污分流管网建设；三是建立河长巡查制度。"));
        elevatorAgain = submitted(Map.of("title", "老旧住宅电梯加装的几点建议", "background",
                "老旧小区没有电梯，老人上下楼难。加装电梯审批环节多，低层住户担心采光和噪声，费用分摊难以谈拢。",
                "suggestions", "一是财政对加装电梯给予补贴；二是优化审批流程；三是协调低层住户利益。"));
    }

    private long submitted(Map<String, Object> text) {
        Map<String, Object> body = new java.util.HashMap<>(c.draft("x", List.of()));
        body.putAll(text);
        long id = member.post("/api/v1/proposals", body).id();
        assertThat(member.post("/api/v1/proposals/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        return id;
    }

    private List<Long> search(Api who, String q) {
        Api.Res res = who.get("/api/v1/proposals", Map.of("q", q));
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        res.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    @Test
    void anyTwoToFourCharacterWordOfTheSubjectFindsTheProposal() {
        for (String word : List.of("电梯", "加装", "老旧小区", "黑臭", "河道", "水体")) {
            List<Long> ids = search(staff, word);
            assertThat(ids).as(word).isNotEmpty();
        }
        assertThat(search(staff, "黑臭水体")).first().isEqualTo(river);
        assertThat(search(staff, "加装电梯")).contains(elevator, elevatorAgain).doesNotContain(river);
    }

    @Test
    void searchResultsCarryHighlightedSnippets() {
        JsonNode first = staff.get("/api/v1/proposals", Map.of("q", "黑臭")).json().path("items").get(0);
        assertThat(first.path("snippet").asString()).contains("<mark>");
    }

    @Test
    void queryAndSqlSyntaxCharactersAnswerNormally() {
        for (String q : List.of("'", "\"", ":", "*", "(", ")", "AND", "电梯' OR 1=1 --", "title:电梯*", "((", "\"电梯",
                "\\", "%", "_", "~", "电梯 AND NOT 河道", "+-&&||!{}[]^")) {
            Api.Res res = staff.get("/api/v1/proposals", Map.of("q", q));
            assertThat(res.status()).as(q + " → " + res).isEqualTo(200);
        }
    }

    @Test
    void searchKeepsTheScopeRule() {
        Api stranger = c.member(1);
        assertThat(search(stranger, "电梯")).isEmpty();
        assertThat(search(member, "电梯")).contains(elevator, elevatorAgain);
    }

    @Test
    void similarRanksTheRewrittenDuplicateFirstAndTheUnrelatedLow() {
        Api.Res res = staff.get("/api/v1/proposals/" + elevator + "/similar");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode items = res.json().path("items");
        assertThat(items.get(0).path("id").asLong()).isEqualTo(elevatorAgain);
        for (JsonNode item : items) {
            double score = item.path("score").asDouble();
            assertThat(score).isBetween(0.0, 1.0);
            if (item.path("id").asLong() == river) {
                assertThat(score).isLessThan(0.5);
            }
        }
        assertThat(items.get(0).path("score").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void similarShowsOnlyWhatPassesTheCalibratedThresholdAndSaysWhichThatIs() {
        JsonNode body = staff.get("/api/v1/proposals/" + elevator + "/similar").json();
        assertThat(body.path("minScore").asDouble()).isEqualTo(0.25);
        List<Long> ids = new java.util.ArrayList<>();
        body.path("items").forEach(i -> {
            ids.add(i.path("id").asLong());
            assertThat(i.path("score").asDouble()).isGreaterThanOrEqualTo(0.25);
        });
        assertThat(ids).contains(elevatorAgain).doesNotContain(river);
        // a text on another subject: nothing passes, and the answer says what it would have taken
        JsonNode none = member.post("/api/v1/proposals/similar-to-text", Map.of("title", "关于规范共享单车停放管理的建议",
                "background", "地铁站口共享单车乱停乱放，占用盲道。", "suggestions", "划定停放区域，企业负责调度。")).json();
        assertThat(none.path("items").size()).isZero();
        assertThat(none.path("minScore").asDouble()).isEqualTo(0.25);
    }

    @Test
    void similarIsForStaff() {
        assertThat(member.get("/api/v1/proposals/" + elevator + "/similar").status()).isEqualTo(403);
        assertThat(c.unit(0).get("/api/v1/proposals/" + elevator + "/similar").status()).isEqualTo(403);
    }
}
