package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;

/**
 * Issue 14, finding 9, through the running server, with the test client as the trusted proxy:
 * the client address of X-Forwarded-For is what the login throttle sees (so clients behind the
 * proxy do not share one address); X-Forwarded-Proto https makes the session cookie Secure and
 * sends HSTS; redirects never echo the Host header. (Untrusted sources: TrustedProxyFilterTest.)
 */
@TestPropertySource(properties = {"xieshang.password.change-after-admin-set=true", "xieshang.trusted-proxies=127.0.0.1,::1"})
class TrustedProxyTest extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String PASSWORD = "proxy-test-pass-1";

    @Test
    void eachClientBehindTheProxyIsThrottledOnItsOwn() throws Exception {
        TestSupport.Account owner = TestSupport.account(admin, List.of("LEADER_CPPCC"), null, null, PASSWORD);
        for (int i = 0; i < 6; i++) {
            assertThat(token(owner.username(), "wrong-" + i, "203.0.113.7").statusCode()).isEqualTo(401);
        }
        assertThat(token(owner.username(), PASSWORD, "203.0.113.7").statusCode()).isEqualTo(429);
        // the owner, another client of the same proxy, is not slowed
        assertThat(token(owner.username(), PASSWORD, "198.51.100.20").statusCode()).isEqualTo(200);
        // a forged chain: the nearest untrusted hop counts, not what the client wrote first
        assertThat(token(owner.username(), PASSWORD, "198.51.100.20, 203.0.113.7").statusCode()).isEqualTo(429);
    }

    @Test
    void behindHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> https = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.30").GET().build());
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("SESSION").contains("Secure"));
        assertThat(https.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build());
        assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void redirectsNeverEchoTheHostHeader() throws Exception {
        for (String path : List.of("/users", "/", "/proposals/mine")) {
            List<String> head = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(head.get(0)).contains(" 302 ");
            String location = head.stream().filter(h -> h.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElseThrow();
            assertThat(location).doesNotContain("evil.example").contains("/login");
            assertThat(location.substring(9).strip()).startsWith("/");
        }
    }

    private HttpResponse<String> token(String username, String password, String forwardedFor) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The status line and headers of a request written by hand (HttpClient will not send another Host). */
    private List<String> raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                lines.add(line);
            }
            return lines;
        }
    }
}
