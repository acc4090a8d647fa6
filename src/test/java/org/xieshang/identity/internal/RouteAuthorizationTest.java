package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@link RouteAuthorization} picks the same rule as Spring Security's path pattern matchers tried
 * one by one in {@link RouteRules#ordered()} order would: for a path made from every rule's
 * pattern, and paths that differ from them only in ways the literal pre-check must not misjudge
 * (encoded letters, double or trailing slashes, a context path, shorter and longer paths).
 */
class RouteAuthorizationTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @Test
    void decidesByTheSameRuleAsTheMatchersOneByOne() {
        List<RouteRules.Rule> rules = RouteRules.ordered();
        RouteAuthorization index = new RouteAuthorization(rules, (auth, ctx) -> new AuthorizationDecision(false));
        List<PathPatternRequestMatcher> matchers = rules.stream().map(r -> PathPatternRequestMatcher.withDefaults()
                .matcher(r.method(), r.pattern())).toList();
        Set<String> paths = new TreeSet<>(List.of("/", "", "/api", "/api/", "/api/v1", "/nothing/here", "/api/v1/proposals",
                "/api/v1/proposals/", "/api/v1/proposals/stats", "/api/v1/%70roposals/12", "/api//v1/proposals/12",
                "/api/v1/proposals/12;x=1", "/api/v1/proposals;x=1/12", "/static/app.css", "/actuator", "/actuator/health/readiness"));
        for (RouteRules.Rule r : rules) {
            String sample = r.pattern().replaceAll("\\{[^/]*}", "12").replace("**", "a/b").replace("*", "x");
            paths.add(sample);
            paths.add(sample + "/");
            paths.add(sample + "/extra");
            if (sample.lastIndexOf('/') > 0) {
                paths.add(sample.substring(0, sample.lastIndexOf('/')));
                paths.add(encodeFirstLetter(sample));
            }
        }
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                for (String context : List.of("", "/app")) {
                    for (boolean parsed : List.of(true, false)) {
                        MockHttpServletRequest request = new MockHttpServletRequest(method, context + path);
                        request.setContextPath(context);
                        if (parsed) {
                            ServletRequestPathUtils.parseAndCache(request);
                        }
                        int expected = -1;
                        for (int i = 0; i < matchers.size(); i++) {
                            if (matchers.get(i).matches(request)) {
                                expected = i;
                                break;
                            }
                        }
                        int actual = index.decidingRule(request);
                        checked++;
                        if (actual != expected) {
                            differences.add(method + " " + context + path + ": " + (actual < 0 ? "none" : rules.get(actual))
                                    + " instead of " + (expected < 0 ? "none" : rules.get(expected)));
                        }
                    }
                }
            }
        }
        assertThat(differences).as("requests decided by another rule").isEmpty();
        assertThat(checked).isGreaterThan(10_000);
    }

    /** The first letter of the path's first segment percent-encoded ("/api/..." as "/%61pi/..."). */
    private static String encodeFirstLetter(String path) {
        return path.length() > 1 && Character.isLetter(path.charAt(1))
                ? "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2) : path;
    }
}
