package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.invalid;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.refused;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/**
 * The bad input an outside review answered with 500 (issue 14, finding 5): absurd page numbers, NUL bytes and
 * control characters in uploaded file names, over-long user names at sign-in, and a direct request for /error.
 */
class BadInputTest extends ProposalApiTestBase {

    private static final String PASSWORD = "bad-input-pass-1";
    private static final byte[] TEXT = "材料".getBytes(StandardCharsets.UTF_8);
    private static final String HUGE = "2147483647";

    @Test
    void absurdPageNumbersShowAnEmptyPageOrAreRefused() {
        PageClient staff = page(List.of("PROPOSAL_STAFF"), null, null);
        for (String path : List.of("/key-proposals", "/bulletins", "/follow-ups", "/proposals/all", "/search", "/users",
                "/members", "/inbox")) {
            for (String p : List.of(HUGE, "-1", "99999999999", "abc", "1e9")) {
                int status = staff.get(path + "?page=" + p).status();
                assertThat(status).as(path + "?page=" + p).isLessThan(500);
            }
        }
        PageClient office = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        assertThat(office.get("/key-proposals?page=" + HUGE).status()).isEqualTo(200);
        assertThat(office.get("/bulletins?page=" + HUGE).status()).isEqualTo(200);
        assertThat(office.get("/follow-ups?page=" + HUGE).status()).isEqualTo(200);
        assertThat(office.get("/search/results?q=" + URLEncoder.encode("养老", StandardCharsets.UTF_8) + "&page=" + HUGE)
                .status()).isEqualTo(200);

        // the API refuses what does not fit, naming the field
        for (String path : List.of(P, "/api/v1/bulletins", "/api/v1/follow-ups", "/api/v1/members", "/api/v1/users",
                "/api/v1/notifications")) {
            invalid(f.admin.get(path + "?page=" + HUGE), "page");
            invalid(f.admin.get(path + "?page=-1"), "page");
            invalid(f.admin.get(path + "?size=100000"), "size");
        }
        // a search reaches 10,000 hits deep; a page beyond is empty, not an error
        var far = ok(200, f.admin.get(P + "?q=" + URLEncoder.encode("养老", StandardCharsets.UTF_8) + "&page=9999&size=200"));
        assertThat(far.path("items").size()).isZero();
    }

    @Test
    void controlCharactersInAFileNameAre400() {
        long draft = f.draft();
        for (String name : List.of("a\u0000.pdf", "a\u0000/../b.txt", "line\nbreak.txt", "tab\t.txt", "del\u007F.txt",
                "evil\u202Etxt.exe.txt")) {
            invalid(f.lead().upload(P + "/" + draft + "/attachments", "file", name, "text/plain", TEXT), "file");
        }
        // a name the person can read is still taken, a path is cut to its last segment
        assertThat(ok(201, f.lead().upload(P + "/" + draft + "/attachments", "file", "C:\\文件\\说明 (1).txt", "text/plain",
                TEXT)).path("filename").asString()).isEqualTo("说明 (1).txt");
        // in English too
        Api.Res en = f.lead().lang("en").upload(P + "/" + draft + "/attachments", "file", "a\u0000.pdf", "text/plain", TEXT);
        invalid(en, "file");
        assertThat(en.body()).contains("control characters");

        // the supervision of a key case
        long id = f.caseIn("IN_PROGRESS");
        long gov = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        ok(200, f.staff().post(P + "/" + id + "/key", Map.of("leadLeaderUserIds", List.of(gov), "supervisorUserIds", List.of())));
        long event = ok(201, f.staff().post(P + "/" + id + "/supervision-events", Map.of("type", "SYMPOSIUM",
                "date", LocalDate.now().toString(), "content", "召开办理情况座谈会"))).path("id").asLong();
        invalid(f.staff().upload(P + "/" + id + "/supervision-events/" + event + "/attachments", "file", "纪要\u0000.txt",
                "text/plain", TEXT), "file");

        // and the pages: refused with a message, never 500
        PageClient lead = page(List.of("MEMBER"), f.member(0), null);
        PageClient.Page attached = lead.upload("/proposals/" + draft + "/attachments", "file", "a\u0000.pdf", TEXT);
        assertThat(attached.status()).as(attached.toString()).isBetween(400, 499);
        PageClient staff = page(List.of("PROPOSAL_STAFF"), null, null);
        PageClient.Page supervised = staff.upload("/proposals/" + id + "/supervision-events", Map.of("type", "SYMPOSIUM",
                "date", LocalDate.now().toString(), "content", "座谈"), "file", "b\u0001.txt", TEXT);
        assertThat(supervised.status()).as(supervised.toString()).isBetween(400, 499);
        assertThat(ok(200, f.staff().get(P + "/" + id + "/supervision-events")).path("items").size()).isEqualTo(1);
    }

    @Test
    void anOverlongUserNameIsAnOrdinaryFailedSignIn() {
        Api anonymous = f.admin.anonymous();
        for (String name : List.of("a".repeat(65), "a".repeat(199), "长".repeat(300), "x".repeat(5000))) {
            refused(401, anonymous.post("/api/v1/auth/token", Map.of("username", name, "password", "whatever-1")));
            PageClient browser = new PageClient(port);
            browser.get("/login");
            PageClient.Page login = browser.post("/login", Map.of("username", name, "password", "whatever-1"));
            assertThat(login.status()).as(login.toString()).isEqualTo(302);
            assertThat(login.location()).endsWith("/login?error");
        }
        // the real accounts still sign in
        ok(200, anonymous.post("/api/v1/auth/token", Map.of("username", "admin", "password", TestSupport.ADMIN_PASSWORD)));
    }

    @Test
    void errorAskedForDirectlyIsNotFound() {
        PageClient anonymous = new PageClient(port);
        assertThat(anonymous.get("/error").status()).isEqualTo(404);
        assertThat(anonymous.get("/error/x").status()).isLessThan(500);
        PageClient office = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        assertThat(office.get("/error").status()).isEqualTo(404);
        assertThat(f.admin.get("/error").status()).isEqualTo(404);
        // real errors still reach the error page
        assertThat(office.get("/proposals/99999999").status()).isEqualTo(404);
        refused(404, f.admin.get(P + "/99999999"));
    }

    private PageClient page(List<String> roles, Long memberId, Long unitId) {
        return new PageClient(port).signIn(TestSupport.account(f.admin, roles, memberId, unitId, PASSWORD).username(),
                PASSWORD);
    }
}
