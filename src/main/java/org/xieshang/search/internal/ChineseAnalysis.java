package org.xieshang.search.internal;

import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.xieshang.search.SearchAnalyzers;

/**
 * Analyzers of the Lucene backend: "chinese" segments words (smartcn's HMM model, so 老旧小区
 * becomes 老旧/小区, not characters), "cjk" makes overlapping bigrams so that any 2–4
 * character substring of a subject can be found as a phrase, "ids" keeps space-separated ids.
 */
public class ChineseAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(SearchAnalyzers.CHINESE).instance(new SmartChineseAnalyzer());
        context.analyzer(SearchAnalyzers.CJK).instance(new CJKAnalyzer());
        context.analyzer(SearchAnalyzers.IDS).custom().tokenizer(WhitespaceTokenizerFactory.NAME);
    }
}
