package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;

/** What operations rely on: health, metrics, the API description. */
class OperationsTest extends ApiTestBase {

    @Test
    void healthAnswersUpWithoutSigningIn() {
        Api.Res res = api.get("/actuator/health");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("status").asString()).isEqualTo("UP");
        // no details: the status and the probe groups' names (liveness, readiness) only
        assertThat(res.json().propertyNames()).containsOnly("status", "groups");
        assertThat(api.get("/actuator/health/readiness").json().propertyNames()).containsOnly("status");
    }

    @Test
    void prometheusMetricsAreServedToTheAdminOnly() {
        assertThat(api.get("/actuator/prometheus").status()).isIn(302, 401);
        Api.Res res = admin.get("/actuator/prometheus");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
        // the requests' timer without the per-observation "active" long task timer (a contended queue, docs/perf.md)
        assertThat(res.body()).doesNotContain("http_server_requests_active");
    }

    @Test
    void openApiDescribesTheContract() {
        Api.Res res = api.get("/v3/api-docs");
        assertThat(res.status()).isEqualTo(200);
        var paths = res.json().path("paths");
        for (String path : new String[] {"/api/v1/auth/token", "/api/v1/me", "/api/v1/users", "/api/v1/members",
                "/api/v1/members/import", "/api/v1/proposals", "/api/v1/proposals/{id}/review",
                "/api/v1/proposals/{id}/similar"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
