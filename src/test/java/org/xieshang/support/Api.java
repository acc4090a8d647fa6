package org.xieshang.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for API tests against the running server: JSON in and out, a bearer
 * token, and an Accept-Language. Immutable: {@code as(token)} and {@code lang(...)} copy.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status, headers, and the body (as JSON when it is JSON). */
    public record Res(int status, java.net.http.HttpHeaders headers, String body, long nanos) {
        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String get(String field) {
            return json().path(field).asString();
        }

        public long id() {
            return json().path("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final String token;
    private final String language;

    public Api(int port) {
        this("http://localhost:" + port, null, null);
    }

    private Api(String base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    public Api as(String bearerToken) {
        return new Api(base, bearerToken, language);
    }

    public Api lang(String acceptLanguage) {
        return new Api(base, token, acceptLanguage);
    }

    public String base() {
        return base;
    }

    /** The bearer token this client sends (null when anonymous), for the load driver's own client. */
    public String token() {
        return token;
    }

    /** Signs in and returns a client carrying the token. */
    public Api login(String username, String password) {
        Res res = anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (res.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + res);
        }
        return as(res.get("token"));
    }

    public Api anonymous() {
        return new Api(base, null, language);
    }

    public Res get(String path) {
        return send(builder(path).GET());
    }

    /** A JSON POST whose answer is a file: its status and raw bytes. */
    public HttpResponse<byte[]> postForBytes(String path, Object body) {
        try {
            return HTTP.send(builder(path).header("Content-Type", "application/json").POST(publisher(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw body of a successful GET, e.g. a downloaded spreadsheet. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Res get(String path, Map<String, ?> query) {
        StringBuilder sb = new StringBuilder(path).append(path.contains("?") ? "&" : "?");
        query.forEach((k, v) -> sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)).append('&'));
        return get(sb.substring(0, sb.length() - 1));
    }

    public Res post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Res postRaw(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A body sent with chunked transfer encoding (no Content-Length), as streaming clients do. */
    public Res postChunked(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /** Any method with an optional raw body, e.g. to probe unsupported methods. */
    public Res method(String method, String path) {
        return send(builder(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Res patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    public Res put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Res delete(String path) {
        return send(builder(path).DELETE());
    }

    /** A multipart/form-data upload of one file part. */
    public Res upload(String path, String part, String filename, String contentType, byte[] content) {
        String boundary = "----xieshang" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return postRaw(path, "multipart/form-data; boundary=" + boundary, all);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body instanceof String s) {
            return HttpRequest.BodyPublishers.ofString(s);
        }
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private static Res send(HttpRequest.Builder b) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Res(r.statusCode(), r.headers(), r.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
