package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published API description passes the lint (Redocly's recommended error rules, see
 * {@link OpenApiLint}) with no finding; it is kept as {@code target/openapi.json} for
 * {@code npx @redocly/cli lint target/openapi.json}.
 */
class OpenApiLintTest extends ApiTestBase {

    private JsonNode document() throws IOException {
        Api.Res res = api.get("/v3/api-docs");
        assertThat(res.status()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), res.body());
        return res.json();
    }

    @Test
    void theDocumentHasNoLintErrors() throws IOException {
        JsonNode doc = document();
        List<String> problems = OpenApiLint.check(doc);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(doc.path("paths").size()).isGreaterThan(50);
    }

    @Test
    void bearerIsDeclaredGloballyAndPublicOperationsOptOut() throws IOException {
        JsonNode doc = document();
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.path("security").get(0).has("bearer")).isTrue();

        JsonNode token = doc.path("paths").path("/api/v1/auth/token").path("post");
        assertThat(token.path("security").isArray()).isTrue();
        assertThat(token.path("security").isEmpty()).as("sign-in needs no token").isTrue();
        assertThat(token.path("responses").has("401")).isFalse();

        JsonNode me = doc.path("paths").path("/api/v1/me").path("get");
        assertThat(me.has("security")).as("inherits the global bearer").isFalse();
        assertThat(me.path("responses").has("401")).isTrue();
    }

    @Test
    void everyOperationHasASummaryAndDeclaresItsProblemAnswers() throws IOException {
        JsonNode doc = document();
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("status")).isTrue();
        assertThat(problem.path("properties").has("errors")).isTrue();

        // a one-word summary is the fallback from the handler's name: openapi/summaries.properties lacks a line
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                assertThat(op.getValue().path("summary").asString()).as(op.getKey() + " " + path.getKey()).contains(" ")));

        JsonNode create = doc.path("paths").path("/api/v1/users").path("post");
        assertThat(create.path("summary").asString()).isNotBlank();
        for (String code : List.of("400", "401", "403", "409")) {
            JsonNode content = create.path("responses").path(code).path("content");
            assertThat(content.has("application/problem+json")).as(code).isTrue();
        }
        JsonNode one = doc.path("paths").path("/api/v1/users/{id}").path("get");
        assertThat(one.path("responses").has("404")).isTrue();
        assertThat(one.path("responses").has("409")).as("a read conflicts with nothing").isFalse();
    }

    @Test
    void theLintFindsWhatItLooksFor() {
        // a document with every fault once: the check must not pass it
        ObjectNode bad = JsonNodeFactory.instance.objectNode();
        bad.put("openapi", "3.1.0");
        bad.putObject("info").put("title", "t").put("version", "1");
        ObjectNode op = bad.putObject("paths").putObject("/a/{id}/").putObject("get");
        op.put("operationId", "a b");
        op.putObject("responses").putObject("200").putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Missing");
        List<String> problems = OpenApiLint.check(bad);
        assertThat(String.join("\n", problems)).contains("no-path-trailing-slash",
                "operation-operationId-url-safe", "operation-summary", "security-defined",
                "path-parameters-defined", "operation-4xx-response", "no-unresolved-refs");
    }
}
