package org.xieshang.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser session without a browser, for page tests: a cookie jar, the CSRF token
 * taken from the last page, form posts and multipart uploads. Redirects are not followed, so
 * that tests see the post-redirect-get answers themselves.
 */
public final class PageClient {

    public record Page(int status, String location, String body) {
        public boolean contains(String text) {
            return body.contains(text);
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + "\n" + body;
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    public PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through the login form, as a person would. */
    public PageClient signIn(String username, String password) {
        get("/login");
        Page res = post("/login", Map.of("username", username, "password", password));
        if (res.status() != 302 || res.location() == null || res.location().contains("/login")) {
            throw new AssertionError("sign-in of " + username + " failed: " + res.status() + " " + res.location());
        }
        get("/"); // signing in renews the session and its CSRF token
        return this;
    }

    /** The Cookie header this client sends (its session), for the load driver's own client. */
    public String cookieHeader() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base)).stream()
                .map(java.net.HttpCookie::toString).collect(java.util.stream.Collectors.joining("; "));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN").GET());
    }

    /** A GET with the Accept header a browser (or another client) sends. */
    public Page get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .header("Accept", accept).GET());
    }

    /** A form post (application/x-www-form-urlencoded); repeated fields as lists. */
    public Page post(String path, Map<String, ?> fields) {
        StringBuilder body = new StringBuilder();
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token());
        all.forEach((name, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object v : values) {
                if (body.length() > 0) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A multipart form with one file, as the import page sends it. */
    public Page upload(String path, String part, String filename, byte[] content) {
        return upload(path, Map.of(), part, filename, content);
    }

    /** A multipart form with text fields and one file. */
    public Page upload(String path, Map<String, String> fields, String part, String filename, byte[] content) {
        String boundary = "----xieshang" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        if (csrf == null) {
            get("/login");
        }
        return csrf;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(res.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(res.statusCode(), res.headers().firstValue("Location").orElse(null), res.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
