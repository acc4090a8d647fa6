package org.xieshang.search;

/** Names of the analyzers every indexed module uses (configured for Lucene and Elasticsearch alike). */
public final class SearchAnalyzers {

    public static final String CHINESE = "chinese";
    public static final String CJK = "cjk";
    public static final String IDS = "ids";

    private SearchAnalyzers() {
    }
}
