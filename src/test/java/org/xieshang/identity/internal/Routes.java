package org.xieshang.identity.internal;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's routes as its own request mappings declare them: "METHOD pattern" ("ANY" without a method).
 * Built by the tests from the mapping bean, not imported as a bean: an import would give their classes a Spring
 * context of their own.
 */
class Routes {

    private final RequestMappingHandlerMapping mapping;

    Routes(RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    Set<String> all() {
        Set<String> routes = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    routes.add(method + " " + pattern);
                }
            }
        });
        return routes;
    }

    /** A concrete path for a pattern: every variable becomes a value its pattern accepts. */
    static String example(String pattern) {
        return pattern.replaceAll("\\{date}", "2026-03-01").replaceAll("\\{year}", "2026")
                .replaceAll("\\{[^}]*}", "1");
    }
}
