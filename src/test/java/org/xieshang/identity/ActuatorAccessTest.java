package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/**
 * Issue 14, finding 6: the metrics (request counts per endpoint, failed sign-ins) are for an
 * ADMIN only, by session or bearer token; health stays public for load balancers.
 */
class ActuatorAccessTest extends ApiTestBase {

    @Test
    void prometheusIsForAdminsOnly() {
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isIn(302, 401);
        assertThat(Fixtures.signedIn(admin, "PROPOSAL_STAFF").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Fixtures.signedIn(admin, "MEMBER").get("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        assertThat(new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD).get("/actuator/prometheus").status())
                .isEqualTo(200);
    }

    @Test
    void healthStaysPublic() {
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/info").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator").status()).isIn(302, 401);
    }
}
