package org.xieshang.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API description's common parts, in one place instead of annotations on every controller:
 * the bearer scheme required globally (routes that {@link RouteRules} marks PUBLIC opt out with an
 * empty requirement), a summary for every operation ({@code openapi/summaries.properties} where the
 * controller gives none), and the problem+json answers each operation can give. Lives next to RouteRules
 * because who may call what is decided there.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI xieshangOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Xieshang API").version("v1")
                        .description("REST API of the Xieshang platform. Sign in with POST /api/v1/auth/token and send "
                                + "the token as `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json "
                                + "in the language of Accept-Language (zh-CN by default, en)."))
                // relative: the API is where this document is (no localhost or example.com in it)
                .addServersItem(new Server().url("/"))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token from POST /api/v1/auth/token"))
                        )
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; `errors` lists the invalid fields of a 400")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }

    /** "listUsers" or "list_2" → "List users" / "List": the last resort for an operation without a summary. */
    static String humanize(String operationId) {
        String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? operationId : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Properties summaries() {
        Properties summaries = new Properties();
        try (var in = new ClassPathResource("openapi/summaries.properties").getInputStream()) {
            summaries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summaries;
    }

    @Bean
    OpenApiCustomizer securityAndProblemAnswers() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // added here, not on the bean: springdoc drops component schemas no operation refers to yet
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            Properties summaries = summaries();
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                        String summary = summaries.getProperty(entry.getKey().name() + " " + path);
                        operation.setSummary(summary != null ? summary
                                : humanize(operation.getOperationId() == null ? entry.getKey().name() : operation.getOperationId()));
                    }
                    describe(path, HttpMethod.valueOf(entry.getKey().name()), operation);
                }
            });
        };
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        boolean open = isPublic(method, path);
        if (open) {
            operation.setSecurity(new ArrayList<>());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        add(responses, "400", "Invalid input");
        if (!open) {
            add(responses, "401", "Not signed in, or the token expired");
            add(responses, "403", "The signed-in user may not do this");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such record (or not visible to this user)");
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            add(responses, "409", "Conflict: the record changed meanwhile, or its state does not allow this");
        }
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String code, String description) {
        ApiResponse existing = responses.get(code);
        ApiResponse response = existing == null ? new ApiResponse().description(description) : existing;
        Content content = response.getContent() == null ? new Content() : response.getContent();
        // a declared answer keeps its media types; problem+json is what the server sends for every error
        content.remove("*/*");
        content.addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        response.setContent(content);
        responses.addApiResponse(code, response);
    }

    /** Decided by the same rules as the security filter chain, the most specific first. */
    static boolean isPublic(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (RouteRules.Rule rule : RouteRules.ordered()) {
            if ((rule.method() == null || rule.method().equals(method))
                    && PathPatternParser.defaultInstance.parse(rule.pattern()).matches(container)) {
                return rule.access().isPublic();
            }
        }
        return false;
    }

}
