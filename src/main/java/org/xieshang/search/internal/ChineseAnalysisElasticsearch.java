package org.xieshang.search.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.xieshang.search.SearchAnalyzers;

/**
 * The same analyzers on an OpenSearch/Elasticsearch cluster: "chinese" is the smartcn plugin's
 * analyzer (install analysis-smartcn on every node), "cjk" the built-in bigram analyzer.
 */
public class ChineseAnalysisElasticsearch implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(SearchAnalyzers.CHINESE).type("smartcn");
        context.analyzer(SearchAnalyzers.CJK).type("cjk");
        context.analyzer(SearchAnalyzers.IDS).custom().tokenizer("whitespace");
    }
}
