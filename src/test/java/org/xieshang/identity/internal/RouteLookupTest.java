package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.xieshang.shared.web.RouteLookupConfig;
import org.xieshang.support.ApiTestBase;

/**
 * The indexed route lookup (issue 16) finds the same controller method, with the same path
 * variables and the same failures (404, 405), as Spring MVC's search of every mapping: for a path
 * made from every route's pattern with every method, and variants (a trailing slash, one more
 * segment, the parent path, an encoded letter).
 */
class RouteLookupTest extends ApiTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void findsWhatTheFullSearchFinds() {
        assertThat(mapping).isInstanceOf(RouteLookupConfig.PrefixCheckedMapping.class);
        RouteLookupConfig.PrefixCheckedMapping indexed = (RouteLookupConfig.PrefixCheckedMapping) mapping;
        Set<String> paths = new TreeSet<>(List.of("/", "/api/v1/proposals/stats", "/api/v1/proposals/12/similar",
                "/api/v1/%70roposals/12", "/api//v1/proposals/12", "/api/v1/proposals/12;x=1", "/nothing/here"));
        new Routes(mapping).all().forEach(route -> {
            String path = Routes.example(route.substring(route.indexOf(' ') + 1)).replace("**", "a/b").replace("*", "x");
            paths.add(path);
            paths.add(path + "/");
            paths.add(path + "/extra");
            if (path.lastIndexOf('/') > 0) {
                paths.add(path.substring(0, path.lastIndexOf('/')));
            }
            if (path.length() > 1 && Character.isLetter(path.charAt(1))) {
                paths.add("/%" + Integer.toHexString(path.charAt(1)) + path.substring(2));
            }
        });
        List<String> differences = new ArrayList<>();
        int found = 0;
        try {
            for (String path : paths) {
                for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
                    indexed.indexed(false);
                    String expected = lookup(method, path);
                    indexed.indexed(true);
                    String actual = lookup(method, path);
                    if (!actual.equals(expected)) {
                        differences.add(method + " " + path + ": " + actual + " instead of " + expected);
                    }
                    found += expected.startsWith("handler") ? 1 : 0;
                }
            }
        } finally {
            indexed.indexed(true);
        }
        assertThat(differences).as("requests that found another handler").isEmpty();
        assertThat(found).as("requests that found a handler").isGreaterThan(300);
    }

    /** The handler found, with its path variables and best pattern, or the exception's class. */
    private String lookup(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : "handler " + chain.getHandler() + " "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                    + Objects.toString(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }
}
