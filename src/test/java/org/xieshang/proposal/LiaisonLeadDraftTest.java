package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.liaison.ProposalLeadRaised;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import tools.jackson.databind.JsonNode;

/** A proposal lead heard by a liaison becomes a draft of the member, once the contact is committed. */
class LiaisonLeadDraftTest extends ApiTestBase {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aLeadBecomesTheMembersDraft() throws Exception {
        Committee c = new Committee(admin, 1, 1);
        Api member = c.member(0);
        tx.executeWithoutResult(s -> events.publishEvent(new ProposalLeadRaised(1L, c.memberIds.get(0), 99L,
                "建议在城南片区增设社区卫生服务站")));
        JsonNode found = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (found == null && Instant.now().isBefore(deadline)) {
            for (JsonNode item : member.get("/api/v1/proposals", Map.of("mine", true, "status", "DRAFT")).json().path("items")) {
                if (item.path("title").asString().contains("社区卫生服务站")) {
                    found = item;
                }
            }
            Thread.sleep(100);
        }
        assertThat(found).as("a draft from the lead").isNotNull();
        JsonNode draft = member.get("/api/v1/proposals/" + found.path("id").asLong()).json();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("proposers").get(0).path("memberId").asLong()).isEqualTo(c.memberIds.get(0));
        assertThat(draft.path("history").get(0).path("action").asString()).isEqualTo("CREATE_FROM_LIAISON_LEAD");
        assertThat(admin.get("/api/v1/proposals/" + found.path("id").asLong()).status()).as("a draft stays the member's").isEqualTo(404);
        assertThat(List.of(draft.path("background").asString())).first().asString().contains("社区卫生服务站");
    }
}
