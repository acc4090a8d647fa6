package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/**
 * Accounts for selected members in one step, answered with one initial-password letter per member
 * (.docx); the passwords work; members with an account are left out; only ADMIN; bad input is a 400.
 * (That an admin-set password must be changed at the first sign-in is PasswordChangeTest's.)
 */
class MemberAccountsApiTest extends ApiTestBase {

    private static final String PATH = "/api/v1/users/member-accounts";
    private static final Pattern ACCOUNT = Pattern.compile("用户名：(\\S+)\\s+初始密码：(\\S+)");

    @Test
    void createsAccountsWithALetterEachAndSkipsMembersWhoHaveOne() throws IOException {
        long sector = Fixtures.sector(admin);
        String nameA = TestSupport.unique("甲委员");
        String nameB = TestSupport.unique("乙委员");
        long a = Fixtures.member(admin, sector, nameA);
        long b = Fixtures.member(admin, sector, nameB);

        HttpResponse<byte[]> res = admin.lang("en").postForBytes(PATH, Map.of("memberIds", List.of(a, b, a)));
        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        assertThat(res.headers().firstValue("X-Accounts-Created")).contains("2");
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(res.body()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        // in the committee's language whoever asks
        assertThat(text).contains("委员账号开通通知", nameA + "委员：", nameB + "委员：", "首次登录时须修改密码");
        Matcher m = ACCOUNT.matcher(text);
        int letters = 0;
        while (m.find()) {
            letters++;
            Api member = api.login(m.group(1), m.group(2));
            var me = member.get("/api/v1/me").json();
            assertThat(me.path("roles").toString()).contains("MEMBER");
            assertThat(me.path("memberId").asLong()).isIn(a, b);
        }
        assertThat(letters).isEqualTo(2);

        // both have accounts now: nothing to create
        long c = Fixtures.member(admin, sector);
        assertThat(admin.postForBytes(PATH, Map.of("memberIds", List.of(a, b))).statusCode()).isEqualTo(409);
        HttpResponse<byte[]> onlyNew = admin.postForBytes(PATH, Map.of("memberIds", List.of(a, c)));
        assertThat(onlyNew.statusCode()).isEqualTo(201);
        assertThat(onlyNew.headers().firstValue("X-Accounts-Created")).contains("1");
    }

    @Test
    void onlyTheAdminMayAndBadInputIsA400() {
        long sector = Fixtures.sector(admin);
        long a = Fixtures.member(admin, sector);
        Api staff = Fixtures.signedIn(admin, "PROPOSAL_STAFF");
        assertThat(staff.post(PATH, Map.of("memberIds", List.of(a))).status()).isEqualTo(403);
        assertThat(api.post(PATH, Map.of("memberIds", List.of(a))).status()).isEqualTo(401);

        Api.Res empty = admin.post(PATH, Map.of("memberIds", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(admin.post(PATH, Map.of("memberIds", List.of(987654321L))).status()).isEqualTo(400);
        assertThat(admin.post(PATH, Map.of()).status()).isEqualTo(400);
        assertThat(admin.postRaw(PATH, "application/json", "{\"memberIds\":\"x\"}".getBytes()).status()).isEqualTo(400);
    }
}
