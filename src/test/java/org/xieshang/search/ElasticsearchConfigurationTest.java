package org.xieshang.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import jakarta.persistence.EntityManagerFactory;

/**
 * The OpenSearch/Elasticsearch backend is chosen by configuration alone (docs/search.md): the
 * application starts with it and maps the indexes. No cluster runs here, so version checks and
 * schema management are off; a deployment leaves them on.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-es-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-es-${random.uuid}",
        "xieshang.admin-password=es-test-pass",
        "spring.jpa.properties.hibernate.search.backend.type=elasticsearch",
        "spring.jpa.properties.hibernate.search.backend.uris=http://127.0.0.1:9",
        "spring.jpa.properties.hibernate.search.backend.version=8.15",
        "spring.jpa.properties.hibernate.search.backend.version_check.enabled=false",
        "spring.jpa.properties.hibernate.search.backend.analysis.configurer=class:org.xieshang.search.internal.ChineseAnalysisElasticsearch",
        "spring.jpa.properties.hibernate.search.schema_management.strategy=none",
        "spring.jpa.properties.hibernate.search.indexing.listeners.enabled=false"
})
class ElasticsearchConfigurationTest {

    @Autowired
    EntityManagerFactory emf;

    @Test
    void startsWithTheElasticsearchBackend() {
        var mapping = Search.mapping(emf);
        assertThat(mapping.allIndexedEntities()).isNotEmpty();
        assertThat(mapping.backend().getClass().getName()).containsIgnoringCase("elasticsearch");
    }
}
