package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Files documenting supervision events (minutes, photos, reports): added by those who may record
 * supervision, listed with the event, downloadable by whoever sees the case, and kept apart from
 * the case's own attachments.
 */
class SupervisionAttachmentApiTest extends ProposalApiTestBase {

    private static final byte[] MINUTES = "督办座谈会纪要".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSupervisionEventCarriesItsFiles() {
        long id = f.caseIn("IN_PROGRESS");
        long gov = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        ok(200, f.staff().post(P + "/" + id + "/key", Map.of("leadLeaderUserIds", List.of(gov), "supervisorUserIds", List.of())));
        long event = ok(201, f.staff().post(P + "/" + id + "/supervision-events", Map.of("type", "SYMPOSIUM",
                "date", LocalDate.now().toString(), "content", "召开办理情况座谈会"))).path("id").asLong();

        JsonNode file = ok(201, upload(f.leaderGov(), id, event, "座谈会纪要.txt", MINUTES));
        assertThat(file.path("filename").asString()).isEqualTo("座谈会纪要.txt");
        JsonNode listed = ok(200, f.staff().get(P + "/" + id + "/supervision-events")).path("items").get(0);
        assertThat(listed.path("attachments").findValuesAsString("filename")).containsExactly("座谈会纪要.txt");
        // downloadable by whoever sees the case, and not among the case's own attachments
        Api.Res download = f.leadUnit().get(P + "/" + id + "/attachments/" + file.path("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("督办座谈会纪要");
        assertThat(f.get(id).path("attachments").size()).isZero();
        assertThat(f.get(id).path("history").findValuesAsString("action")).contains("SUPERVISION_ATTACH");

        // those who may not record supervision are refused; the case unseen is 404
        refused(403, upload(f.lead(), id, event, "a.txt", MINUTES));
        refused(403, upload(f.leadUnit(), id, event, "a.txt", MINUTES));
        refused(404, upload(f.c.role("LEADER_GOV"), id, event, "a.txt", MINUTES));
        // bad input: a forbidden type, no file; an event of another case or none
        invalid(upload(f.staff(), id, event, "run.exe", MINUTES), "file");
        invalid(f.staff().upload(P + "/" + id + "/supervision-events/" + event + "/attachments", "other", "a.txt",
                "text/plain", MINUTES), "file");
        long other = f.caseIn("IN_PROGRESS");
        refused(404, upload(f.staff(), other, event, "a.txt", MINUTES));
        refused(404, upload(f.staff(), id, 99999999L, "a.txt", MINUTES));
    }

    private static Api.Res upload(Api who, long id, long event, String filename, byte[] content) {
        return who.upload(P + "/" + id + "/supervision-events/" + event + "/attachments", "file", filename,
                "application/octet-stream", content);
    }
}
