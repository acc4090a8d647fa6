package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;
import static org.xieshang.proposal.Cases.wrongState;
import static org.xieshang.proposal.SubmissionApiTest.last;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/** Attachments: the lead proposer adds them to the draft; whoever sees the case downloads them. */
class AttachmentApiTest extends ProposalApiTestBase {

    private static final byte[] TEXT = "附件：调研数据\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void theLeadProposerAttachesFilesToTheDraft() {
        long id = f.draft();
        JsonNode a = ok(201, upload(f.lead(), id, "调研报告.txt", TEXT));
        assertThat(a.path("id").asLong()).isPositive();
        assertThat(a.path("filename").asString()).isEqualTo("调研报告.txt");
        assertThat(a.path("contentType").asString()).isEqualTo("text/plain");
        assertThat(a.path("size").asLong()).isEqualTo(TEXT.length);
        JsonNode pdf = ok(201, upload(f.lead(), id, "DATA.PDF", "%PDF-1.4".getBytes()));
        assertThat(pdf.path("contentType").asString()).isEqualTo("application/pdf");

        JsonNode p = ok(200, f.lead().get(P + "/" + id));
        assertThat(p.path("attachments").findValuesAsString("filename")).containsExactly("调研报告.txt", "DATA.PDF");
        assertThat(last(p.path("history")).path("action").asString()).isEqualTo("ATTACH");
        assertThat(last(p.path("history")).path("note").asString()).isEqualTo("DATA.PDF");

        Api.Res file = f.lead().get(P + "/" + id + "/attachments/" + a.path("id").asLong());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
        assertThat(file.contentType()).startsWith("text/plain");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains("UTF-8''%E8%B0%83%E7%A0%94%E6%8A%A5%E5%91%8A.txt");
    }

    @Test
    void onlyTheLeadProposerAttachesAndOnlyToADraft() {
        long id = f.draft(f.member(1));
        refused(403, upload(f.cosigner(), id, "a.txt", TEXT));
        for (Api who : List.of(f.other(), f.staff(), f.leaderCppcc(), f.leadUnit())) {
            refused(404, upload(who, id, "a.txt", TEXT));
        }
        refused(404, upload(f.lead(), 99999999L, "a.txt", TEXT));
        f.advance(id, "SUBMITTED", true);
        wrongState(upload(f.lead(), id, "a.txt", TEXT), "已提交");
        refused(403, upload(f.staff(), id, "a.txt", TEXT));
        assertThat(f.get(id).path("attachments")).isEmpty();
    }

    @Test
    void attachmentsRejectBadFiles() {
        long id = f.draft();
        invalid(upload(f.lead(), id, "setup.exe", TEXT), "file");
        invalid(upload(f.lead(), id, "README", TEXT), "file");
        invalid(upload(f.lead(), id, "empty.txt", new byte[0]), "file");
        invalid(upload(f.lead(), id, "x".repeat(197) + ".txt", TEXT), "file");
        refused(400, f.lead().upload(P + "/" + id + "/attachments", "document", "a.txt", "text/plain", TEXT));
        refused(413, upload(f.lead(), id, "big.pdf", new byte[10 * 1024 * 1024 + 1]));
        for (int i = 0; i < 10; i++) {
            ok(201, upload(f.lead(), id, "part" + i + ".txt", TEXT));
        }
        invalid(upload(f.lead(), id, "eleven.txt", TEXT), "file");
        assertThat(f.lead().get(P + "/" + id).json().path("attachments")).hasSize(10);
    }

    @Test
    void whoeverSeesTheCaseDownloadsItsAttachments() {
        long id = f.draft(f.member(1));
        long attachment = ok(201, upload(f.lead(), id, "说明.txt", TEXT)).path("id").asLong();
        String path = P + "/" + id + "/attachments/" + attachment;
        assertThat(f.cosigner().get(path).status()).isEqualTo(200);
        refused(404, f.staff().get(path));
        refused(404, f.other().get(path));
        refused(401, f.admin.anonymous().get(path));

        f.advance(id, "ASSIGNED", true);
        for (Api who : List.of(f.staff(), f.leaderCppcc(), f.leadUnit(), f.coUnit())) {
            assertThat(who.get(path).status()).isEqualTo(200);
        }
        for (Api who : List.of(f.other(), f.otherUnit(), f.leaderGov())) {
            refused(404, who.get(path));
        }
        refused(404, f.lead().get(P + "/" + id + "/attachments/99999999"));
        long another = f.draft();
        refused(404, f.lead().get(P + "/" + another + "/attachments/" + attachment));
        invalid(f.lead().get(P + "/" + id + "/attachments/abc"), "attachmentId");
    }

    private static Api.Res upload(Api who, long id, String filename, byte[] content) {
        return who.upload(P + "/" + id + "/attachments", "file", filename, "application/octet-stream", content);
    }
}
