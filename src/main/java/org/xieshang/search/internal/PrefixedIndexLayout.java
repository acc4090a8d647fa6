package org.xieshang.search.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Index names on an OpenSearch/Elasticsearch cluster: Hibernate Search's simple layout
 * ({@code proposal-000001} behind the aliases {@code proposal-read} and {@code proposal-write})
 * with a prefix, so that several deployments (e.g. the committees of a province on separate
 * databases) can share one cluster. The empty prefix gives Hibernate Search's default names.
 */
class PrefixedIndexLayout implements IndexLayoutStrategy {

    private static final Pattern INDEX_NAME = Pattern.compile("(.*)-\\d{6}");

    private final String prefix;

    PrefixedIndexLayout(String prefix) {
        this.prefix = prefix == null ? "" : prefix.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-000001";
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        Matcher m = INDEX_NAME.matcher(elasticsearchIndexName);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unexpected index name " + elasticsearchIndexName
                    + ": expected " + prefix + "<name>-<6 digits>");
        }
        return m.group(1);
    }
}
