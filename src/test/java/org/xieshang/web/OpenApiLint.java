package org.xieshang.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The error-level rules of Redocly's {@code recommended} ruleset (OpenAPI 3), in Java, so that the
 * build needs no Node.js: every rule Redocly reports as an error there, plus the warnings the issue
 * asks for (a 2xx and a 4xx answer per operation, an operationId). Each finding names its rule as
 * Redocly does, so a run of {@code redocly lint} on {@code target/openapi.json} can be compared.
 */
final class OpenApiLint {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern URL_SAFE = Pattern.compile("^[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]*$");

    private final JsonNode doc;
    private final List<String> problems = new ArrayList<>();

    private OpenApiLint(JsonNode doc) {
        this.doc = doc;
    }

    /** All findings, one line each: {@code rule  location  what}. Empty when the document passes. */
    static List<String> check(JsonNode doc) {
        OpenApiLint lint = new OpenApiLint(doc);
        lint.run();
        return lint.problems;
    }

    private void report(String rule, String where, String what) {
        problems.add(rule + "  " + where + "  " + what);
    }

    private void run() {
        // spec / struct: the required top-level parts
        if (!doc.path("openapi").asString("").startsWith("3.")) {
            report("struct", "#/openapi", "not an OpenAPI 3 document");
        }
        if (doc.path("info").path("title").asString("").isBlank() || doc.path("info").path("version").asString("").isBlank()) {
            report("struct", "#/info", "title and version are required");
        }
        JsonNode license = doc.path("info").path("license");
        // info-license itself is only a warning there, and the project names no licence yet
        if (!license.isMissingNode() && license.path("url").asString("").isBlank()
                && license.path("identifier").asString("").isBlank()) {
            report("info-license-strict", "#/info/license", "no url or identifier");
        }
        servers(doc.path("servers"), "#/servers");
        Set<String> schemes = new HashSet<>();
        doc.path("components").path("securitySchemes").propertyNames().forEach(schemes::add);
        security(doc.path("security"), "#/security", schemes);
        boolean globalSecurity = doc.path("security").isArray() && !doc.path("security").isEmpty();

        refs(doc, "#");

        Set<String> operationIds = new HashSet<>();
        Map<String, String> templates = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            String p = path.getKey();
            String where = "#/paths/" + p;
            if (p.contains("?")) {
                report("path-not-include-query", where, "query string in a path");
            }
            if (p.length() > 1 && p.endsWith("/")) {
                report("no-path-trailing-slash", where, "trailing slash");
            }
            String template = PARAM.matcher(p).replaceAll("{}");
            String same = templates.put(template, p);
            if (same != null) {
                report("no-identical-paths", where, "same as " + same);
            }
            Set<String> pathLevel = paramNames(path.getValue().path("parameters"), "path");
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                operation(p, method.toUpperCase() + " " + p, op, pathLevel, operationIds, schemes, globalSecurity);
            }
        }
    }

    private void operation(String path, String where, JsonNode op, Set<String> pathLevel, Set<String> operationIds,
                           Set<String> schemes, boolean globalSecurity) {
        String id = op.path("operationId").asString("");
        if (id.isBlank()) {
            report("operation-operationId", where, "no operationId");
        } else {
            if (!operationIds.add(id)) {
                report("operation-operationId-unique", where, "operationId " + id + " used twice");
            }
            if (!URL_SAFE.matcher(id).matches()) {
                report("operation-operationId-url-safe", where, "operationId " + id + " is not URL-safe");
            }
        }
        if (op.path("summary").asString("").isBlank()) {
            report("operation-summary", where, "no summary");
        }
        // security-defined: declared on the operation, or globally (an empty list opts out)
        if (op.has("security")) {
            security(op.path("security"), where + " security", schemes);
        } else if (!globalSecurity) {
            report("security-defined", where, "no security requirement");
        }
        // parameters: unique by name and place; each {name} of the path declared
        Set<String> seen = new HashSet<>();
        for (JsonNode param : op.path("parameters")) {
            JsonNode resolved = resolve(param);
            String key = resolved.path("in").asString("") + ":" + resolved.path("name").asString("");
            if (!seen.add(key)) {
                report("operation-parameters-unique", where, "parameter " + key + " twice");
            }
            enumMatchesType(resolved.path("schema"), where + " parameter " + key);
        }
        Set<String> declared = new LinkedHashSet<>(pathLevel);
        declared.addAll(paramNames(op.path("parameters"), "path"));
        Set<String> inPath = new LinkedHashSet<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            inPath.add(m.group(1));
        }
        for (String name : inPath) {
            if (!declared.contains(name)) {
                report("path-parameters-defined", where, "path parameter {" + name + "} not declared");
            }
        }
        for (String name : declared) {
            if (!inPath.contains(name)) {
                report("path-parameters-defined", where, "parameter " + name + " not in the path");
            }
        }
        // answers: at least one success and one 4xx
        boolean success = false;
        boolean clientError = false;
        for (String code : op.path("responses").propertyNames()) {
            success |= code.startsWith("2") || code.startsWith("3") || code.equals("default");
            clientError |= code.startsWith("4");
        }
        if (!success) {
            report("operation-2xx-response", where, "no 2xx answer");
        }
        if (!clientError) {
            report("operation-4xx-response", where, "no 4xx answer");
        }
    }

    /** no-unresolved-refs: every local $ref points at something. */
    private void refs(JsonNode node, String where) {
        if (node.isObject()) {
            String ref = node.path("$ref").asString("");
            if (ref.startsWith("#/") && resolve(node).isMissingNode()) {
                report("no-unresolved-refs", where, ref);
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                refs(child.getValue(), where + "/" + child.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), where + "/" + i);
            }
        }
    }

    private Set<String> paramNames(JsonNode params, String in) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode param : params) {
            JsonNode resolved = resolve(param);
            if (in.equals(resolved.path("in").asString(""))) {
                names.add(resolved.path("name").asString(""));
            }
        }
        return names;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private void servers(JsonNode servers, String where) {
        if (servers.isArray() && servers.isEmpty()) {
            report("no-empty-servers", where, "empty servers list");
        }
        for (JsonNode server : servers) {
            String url = server.path("url").asString("");
            if (url.length() > 1 && url.endsWith("/")) {
                report("no-server-trailing-slash", where, url);
            }
            if (url.contains("example.com") || url.contains("localhost")) {
                report("no-server-example.com", where, url);
            }
        }
    }

    private void security(JsonNode requirements, String where, Set<String> schemes) {
        for (JsonNode requirement : requirements) {
            for (String name : requirement.propertyNames()) {
                if (!schemes.contains(name)) {
                    report("security-defined", where, "undefined security scheme " + name);
                }
            }
        }
    }

    private void enumMatchesType(JsonNode schema, String where) {
        String type = schema.path("type").asString("");
        if (type.isEmpty() || !schema.has("enum")) {
            return;
        }
        for (JsonNode value : schema.path("enum")) {
            boolean ok = switch (type) {
                case "string" -> value.isString();
                case "integer" -> value.isIntegralNumber();
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                default -> true;
            };
            if (!ok) {
                report("no-enum-type-mismatch", where, "enum value " + value + " is not " + type);
            }
        }
    }
}
