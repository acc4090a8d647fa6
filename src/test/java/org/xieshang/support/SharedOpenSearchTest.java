package org.xieshang.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The test node answers like a real OpenSearch 2.19 cluster. */
class SharedOpenSearchTest {

    @Test
    void answersAsOpenSearch() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SharedOpenSearch.uri() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("opensearch").contains("2.19");
    }
}
