package org.xieshang.identity.internal;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's routes as its own request mappings declare them: "METHOD pattern" ("ANY" without a method). */
@TestComponent
class Routes {

    private final RequestMappingHandlerMapping mapping;

    Routes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
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
