package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.support.ApiTestBase;

/**
 * A new endpoint without an access rule fails the build: every route of the application's request
 * mappings must have its line in {@link RouteRules} (and in the matrix test), and no rule may
 * name a route that no longer exists.
 */
class UnlistedRouteTest extends ApiTestBase {

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mapping;

    @Test
    void everyRouteHasARuleAndEveryRuleARoute() {
        Set<String> ruled = new TreeSet<>();
        Arrays.stream(RouteRules.RULES).forEach(r ->
                assertThat(ruled.add((r.method() == null ? "ANY" : r.method().name()) + " " + r.pattern()))
                        .as("twice in RouteRules: %s", r).isTrue());
        Set<String> all = new Routes(mapping).all();
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(ruled);
        Set<String> stale = new TreeSet<>(ruled);
        stale.removeAll(all);
        assertThat(missing).as("routes without a line in RouteRules (add one: PUBLIC, SIGNED_IN or roles)").isEmpty();
        assertThat(stale).as("RouteRules lines without a route").isEmpty();
        assertThat(all).as("routes without a line in RouteAccessMatrixTest.MATRIX")
                .isSubsetOf(RouteAccessMatrixTest.matrix().keySet());
    }
}
