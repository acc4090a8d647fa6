package org.xieshang.search.internal;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * What follows from choosing the OpenSearch/Elasticsearch backend, so that an operator sets the
 * backend and the cluster's address only (docs/search.md): the analyzers of the cluster, the
 * index names with the deployment's prefix, and indexing coordinated through the database
 * ({@link SearchOutbox} indexes, so Hibernate Search's own after-commit listeners are off).
 * The local Lucene backend, the one-machine default, is left as it is.
 */
@Component
class SearchBackendSettings implements HibernatePropertiesCustomizer {

    static final String BACKEND_TYPE = "hibernate.search.backend.type";
    static final String ANALYSIS = "hibernate.search.backend.analysis.configurer";
    static final String LISTENERS = "hibernate.search.indexing.listeners.enabled";
    static final String LAYOUT = "hibernate.search.backend.layout.strategy";

    private final String indexPrefix;

    SearchBackendSettings(@Value("${xieshang.search.index-prefix:}") String indexPrefix) {
        this.indexPrefix = indexPrefix;
    }

    /** True when the backend is a cluster shared by every node (OpenSearch/Elasticsearch). */
    static boolean isCluster(Object backendType) {
        return backendType != null && !"lucene".equalsIgnoreCase(backendType.toString().trim());
    }

    @Override
    public void customize(Map<String, Object> properties) {
        if (!isCluster(properties.get(BACKEND_TYPE))) {
            return;
        }
        Object analysis = properties.get(ANALYSIS);
        if (analysis == null || analysis.toString().endsWith(ChineseAnalysis.class.getName())) {
            properties.put(ANALYSIS, "class:" + ChineseAnalysisElasticsearch.class.getName());
        }
        properties.put(LISTENERS, "false");
        properties.putIfAbsent(LAYOUT, new PrefixedIndexLayout(indexPrefix));
    }
}
