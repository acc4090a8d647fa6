package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the published API ({@code /v3/api-docs}) fed wrong types, huge numbers, long and odd Unicode
 * strings, NUL bytes and bad dates, as an administrator and as a member: bad input is the client's fault and must
 * never be answered 5xx (issue 14, finding 5). Deterministic for a seed ({@code -Dfuzz.seed=N} to try another).
 *
 * <p>Its own application context (the property below), so that what the fuzzing changes touches no other test.
 */
@TestPropertySource(properties = "xieshang.test.context=api-fuzz")
class ApiFuzzTest extends ApiTestBase {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PASSWORD = "fuzz-pass-123";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int VARIANTS = 6;

    /** Strings that have broken applications: control characters, NUL, surrogates, direction overrides, long text. */
    private static final List<String> ODD = List.of("", " ", "\u0000", "a\u0000b", "\r\n\t", "\u202Eevil", "\uFEFF",
            "😀👨‍👩‍👧", "\u0301\u0301\u0301", "𠀀𠀁𠀂", "%00", "%s%n%d", "{0}{1}", "../../etc/passwd", "<script>x</script>",
            "' or 1=1 --", "\\", "null", "NaN", "-0", "1e309", "9".repeat(40), "长".repeat(5000), "x".repeat(70_000),
            "\u00ad\u200b\u200d", "ǅǈ", "İı", "\uD83D");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "0000-00-00", "+999999999-12-31",
            "-999999999-01-01", "99999-01-01", "2026-1-1", "today", "2026-01-01T25:61:00", "1970-01-01T00:00:00Z",
            "", "\u0000");
    private static final List<String> NUMBERS = List.of("0", "-1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "1e309", "-1e309", "1.5", "0x10", "1_000", "NaN", "Infinity");
    private static final List<String> PATH_VALUES = List.of("1", "2", "0", "-1", "2147483648", "99999999999999999999",
            "abc", "1.5", "%00", "%E2%80%AE", "%F0%9F%98%80", "null", "9".repeat(300), "%20");

    private final Random random = new Random(Long.getLong("fuzz.seed", 14L));
    private final List<String> failures = new ArrayList<>();
    private JsonNode components;
    private int requests;
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    @Test
    void noOperationAnswers5xxToBadInput() throws Exception {
        long seed = Long.getLong("fuzz.seed", 14L);
        Committee c = new Committee(admin, 2, 3);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMIN", token(TestSupport.account(admin, List.of("ADMIN"), null, null, PASSWORD).username()));
        tokens.put("MEMBER", token(TestSupport.account(admin, List.of("MEMBER"), c.memberIds.get(0), null, PASSWORD).username()));
        // a case and some records, so that small ids reach real rows
        c.user(List.of("MEMBER"), c.memberIds.get(1), null).post("/api/v1/proposals", c.draft("关于加强社区养老服务的建议", List.of()));

        JsonNode docs = Api.JSON.readTree(send("GET", "/v3/api-docs", null, null, null).body());
        components = docs.path("components").path("schemas");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : new TreeMap<>(fields(docs.path("paths"))).entrySet()) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue()).entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                for (Map.Entry<String, String> who : tokens.entrySet()) {
                    String token = who.getValue();
                    if (path.getKey().equals("/api/v1/auth/token") && method.equals("DELETE")) {
                        token = token(TestSupport.account(admin, List.of("MEMBER"), c.memberIds.get(2), null, PASSWORD)
                                .username()); // revoking the fuzzing token would leave the rest unauthenticated
                    }
                    for (int v = 0; v < VARIANTS; v++) {
                        fuzz(who.getKey(), token, method, path.getKey(), op.getValue(), v);
                    }
                }
            }
        }
        System.out.println("API fuzz (seed " + seed + "): " + requests + " requests on " + operations + " operations, "
                + failures.size() + " answered 5xx; answers by status " + statuses);
        failures.forEach(System.out::println);
        assertThat(operations).as("operations in /v3/api-docs").isGreaterThan(50);
        assertThat(failures).as("answered 5xx").isEmpty();
    }

    private void fuzz(String role, String token, String method, String template, JsonNode op, int variant)
            throws Exception {
        StringBuilder path = new StringBuilder();
        List<String> query = new ArrayList<>();
        String resolved = template;
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asString();
            String in = p.path("in").asString();
            JsonNode schema = resolve(p.path("schema"));
            if (in.equals("path")) {
                String value = variant == 0 ? "1" : pick(PATH_VALUES);
                resolved = resolved.replace("{" + name + "}", value);
            } else if (in.equals("query") && (variant == 0 || random.nextInt(4) > 0)) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(scalarText(schema, variant), StandardCharsets.UTF_8));
            }
        }
        path.append(resolved);
        if (variant == 1) {
            query.add("page=2147483647");
            query.add("size=2147483647");
        }
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        JsonNode content = op.path("requestBody").path("content");
        String contentType = null;
        byte[] body = null;
        if (content.has("multipart/form-data")) {
            contentType = "multipart/form-data; boundary=fuzzfuzz";
            body = multipart(resolve(content.path("multipart/form-data").path("schema")), variant);
        } else if (!content.isMissingNode() && !content.isEmpty()) {
            contentType = "application/json";
            JsonNode schema = resolve(content.values().iterator().next().path("schema"));
            body = switch (variant) {
                case 2 -> "{\"a\":".getBytes(StandardCharsets.UTF_8); // malformed
                case 3 -> Api.JSON.writeValueAsBytes(wrongType(schema, 0));
                default -> Api.JSON.writeValueAsBytes(odd(schema, 0));
            };
        }
        HttpResponse<String> res = send(method, path.toString(), token, contentType, body);
        requests++;
        statuses.merge(res.statusCode(), 1, Integer::sum);
        if (res.statusCode() >= 500) {
            String sent = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            failures.add(res.statusCode() + " " + role + " " + method + " " + path + " " + sent + " -> "
                    + res.body().substring(0, Math.min(300, res.body().length())));
        }
    }

    // --- values ---

    /** A value of the right JSON type whose content is unusual: odd strings, extreme numbers, bad dates. */
    private JsonNode odd(JsonNode schema, int depth) {
        schema = resolve(schema);
        String type = type(schema);
        if (depth > 3) {
            return JSON.nullNode();
        }
        switch (type) {
            case "object": {
                ObjectNode o = JSON.objectNode();
                for (Map.Entry<String, JsonNode> p : fields(schema.path("properties")).entrySet()) {
                    if (random.nextInt(5) > 0) {
                        o.set(p.getKey(), odd(p.getValue(), depth + 1));
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = JSON.arrayNode();
                int n = random.nextInt(10) == 0 ? 2000 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(odd(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer":
                return random.nextBoolean() ? JSON.numberNode(new java.math.BigInteger(pick(List.of("2147483648",
                        "-2147483649", "9223372036854775808", "99999999999999999999999", "0", "-1"))))
                        : JSON.numberNode(random.nextInt());
            case "number":
                return JSON.numberNode(new java.math.BigDecimal(pick(List.of("1e308", "-1e308", "1e-308", "0.5",
                        "123456789012345678901234567890.5"))));
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            default:
                return JSON.stringNode(stringValue(schema));
        }
    }

    /** A value of another JSON type than the schema asks for, inside an object of the right shape. */
    private JsonNode wrongType(JsonNode schema, int depth) {
        schema = resolve(schema);
        String type = type(schema);
        if (type.equals("object") && depth == 0) {
            ObjectNode o = JSON.objectNode();
            for (Map.Entry<String, JsonNode> p : fields(schema.path("properties")).entrySet()) {
                o.set(p.getKey(), wrongType(p.getValue(), depth + 1));
            }
            return o;
        }
        List<JsonNode> others = new ArrayList<>(List.of(JSON.stringNode(pick(ODD)), JSON.numberNode(1e300),
                JSON.booleanNode(true), JSON.arrayNode().add("x"), JSON.objectNode().put("x", 1), JSON.nullNode()));
        others.removeIf(n -> switch (type) {
            case "string" -> n.isString();
            case "integer", "number" -> n.isNumber();
            case "boolean" -> n.isBoolean();
            case "array" -> n.isArray();
            case "object" -> n.isObject();
            default -> false;
        });
        return others.get(random.nextInt(others.size()));
    }

    private String stringValue(JsonNode schema) {
        String format = schema.path("format").asString("");
        if (format.startsWith("date") || format.equals("time")) {
            return pick(BAD_DATES);
        }
        if (schema.has("enum") && random.nextBoolean()) {
            return pick(List.of("NOPE", "draft", "", "\u0000", "DRAFT ", "ＤＲＡＦＴ"));
        }
        return pick(ODD);
    }

    private String scalarText(JsonNode schema, int variant) {
        String type = type(schema);
        if (variant == 0) {
            return type.equals("integer") || type.equals("number") ? "1" : "x";
        }
        return switch (random.nextInt(3)) {
            case 0 -> pick(NUMBERS);
            case 1 -> pick(BAD_DATES);
            default -> pick(ODD).replace("x".repeat(70_000), "x".repeat(3000)); // a request line has its limits
        };
    }

    private byte[] multipart(JsonNode schema, int variant) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, JsonNode> p : fields(schema.path("properties")).entrySet()) {
            JsonNode s = resolve(p.getValue());
            boolean file = "binary".equals(s.path("format").asString(""));
            String name = p.getKey();
            if (file) {
                String filename = pick(List.of("a\u0000.pdf", "b\u0001.txt", "\u202Etxt.exe", "长".repeat(300) + ".pdf",
                        "../../x.txt", "", "😀.docx", "ok.txt"));
                out.write(("--fuzzfuzz\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(variant % 2 == 0 ? new byte[0] : "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.UTF_8));
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(("--fuzzfuzz\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                        + scalarText(s, variant) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        out.write((variant == 2 ? "--fuzzfu" : "--fuzzfuzz--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // --- schema helpers ---

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.path("$ref").asString();
            schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode choices = schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf");
            for (JsonNode choice : choices) {
                if (!"null".equals(choice.path("type").asString(""))) {
                    return resolve(choice);
                }
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asString().equals("null")) {
                    return x.asString();
                }
            }
        }
        if (t.isString()) {
            return t.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // --- HTTP ---

    private String token(String username) throws Exception {
        HttpResponse<String> res = send("POST", "/api/v1/auth/token", null, "application/json",
                Api.JSON.writeValueAsBytes(Map.of("username", username, "password", PASSWORD)));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return Api.JSON.readTree(res.body()).path("token").asString();
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept-Language", random.nextBoolean() ? "zh-CN" : "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
