package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;

class SmokeApiTest extends ApiTestBase {

    @Test
    void meAnswersForTheAdmin() {
        var res = admin.get("/api/v1/me");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.get("username")).isEqualTo("admin");
    }
}
