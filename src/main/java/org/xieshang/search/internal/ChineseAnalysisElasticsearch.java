package org.xieshang.search.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.xieshang.search.SearchAnalyzers;

/**
 * The analyzers the indexes use, on an OpenSearch/Elasticsearch cluster: "cjk" is the built-in
 * bigram analyzer, "ids" whitespace tokens. Chinese words are segmented by smartcn inside the
 * application before indexing, so the cluster needs no plugin.
 */
public class ChineseAnalysisElasticsearch implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(SearchAnalyzers.CJK).type("cjk");
        context.analyzer(SearchAnalyzers.IDS).custom().tokenizer("whitespace");
    }
}
