package org.xieshang.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.FSDirectory;
import org.xieshang.search.TextSimilarity;

/**
 * Tries candidate queries of the similar cases (docs/perf.md, "Similar: common words") without the application:
 * CPU per query on this thread, and whether the best scores after the cosine stay those of the current query.
 * On the index a benchmark run left ({@code <data dir>/index/proposal}), or on one it builds of the similarity
 * fields from the benchmark's generator ({@code -Dbuild=1000000}). Variants are {@code words:share[:shape[:min]]}
 * (the weightiest words, leaving out those in more than the share of the documents unless fewer than min remain;
 * shape {@code flat} drops the tenant filter clause for Lucene's MaxScore scorer). Not a test:
 *
 *   ./mvnw -B -q -ntp test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=org.xieshang.bench.SimilarQueryHarness -Dindex=/tmp/similar-index -Dbuild=1000000 \
 *       -Dvariants=30:1,30:0.02:hs:10
 */
public final class SimilarQueryHarness {

    record Variant(String name, int terms, double maxShare, String shape, int min) {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(System.getProperty("index"));
        if (Integer.getInteger("build", 0) > 0) {
            build(path, Integer.getInteger("build", 0));
        }
        int samples = Integer.getInteger("samples", 100);
        int rounds = Integer.getInteger("rounds", 3);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(path))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (FieldInfo fi : reader.leaves().get(0).reader().getFieldInfos()) {
                System.out.print(fi.name + " ");
            }
            System.out.printf("%n%,d documents, %d segments%n", reader.numDocs(), reader.leaves().size());
            Random random = new Random(11);
            List<Integer> docs = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                docs.add(random.nextInt(reader.maxDoc()));
            }
            ToDoubleFunction<String> idf = idf(reader);
            List<Variant> variants = new ArrayList<>();
            for (String v : System.getProperty("variants", "30:1,30:0.05,30:0.02,20:1,15:1").split(",")) {
                String[] p = v.split(":");
                variants.add(new Variant(v, Integer.parseInt(p[0]), Double.parseDouble(p[1]), p.length > 2 ? p[2] : "hs", p.length > 3 ? Integer.parseInt(p[3]) : 0));
            }
            Map<Integer, List<Double>> baseline = new HashMap<>();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < rounds; round++) {
                for (Variant variant : variants) {
                    long cpu0 = cpu.getCurrentThreadCpuTime();
                    int sameTop1 = 0;
                    int overlap10 = 0;
                    int terms = 0;
                    long queryNanos = 0;
                    for (int doc : docs) {
                        Document d = reader.storedFields().document(doc);
                        Map<String, Double> source = TextSimilarity.vector(split(d.get("titleWords")), split(d.get("bodyWords")), idf);
                        List<Map.Entry<String, Double>> chosen = choose(source, variant, reader);
                        terms += chosen.size();
                        long q0 = cpu.getCurrentThreadCpuTime();
                        TopScoreDocCollector collector = TopScoreDocCollector.create(60, 60);
                        if (variant.shape().equals("flat")) {
                            // a pure disjunction with exclusions (Lucene's MaxScore bulk scorer), the tenant checked per hit
                            searcher.search(flat(chosen, d.get(ID)), new TenantCollector(collector, new Term(TENANT, TENANT_VALUE)));
                        } else {
                            searcher.search(query(chosen, d.get(ID)), collector);
                        }
                        queryNanos += cpu.getCurrentThreadCpuTime() - q0;
                        // the copies of a text score alike: the best scores are compared, not which copy has them
                        List<Double> best = rescore(reader, source, collector.topDocs().scoreDocs, idf);
                        List<Double> base = baseline.computeIfAbsent(doc, k -> best);
                        if (!best.isEmpty() && !base.isEmpty() && Math.abs(best.get(0) - base.get(0)) < 1e-9) {
                            sameTop1++;
                        }
                        for (int i = 0; i < Math.min(best.size(), base.size()); i++) {
                            overlap10 += Math.abs(best.get(i) - base.get(i)) < 1e-3 ? 1 : 0;
                        }
                    }
                    double ms = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6 / docs.size();
                    System.out.printf("round %d %-14s %.2f ms CPU/request, query %.2f ms, %.1f terms, same best score %d/%d, top-10 scores kept %.2f%n",
                            round, variant.name(), ms, queryNanos / 1e6 / docs.size(), terms / (double) docs.size(), sameTop1, docs.size(),
                            overlap10 / (10.0 * docs.size()));
                }
            }
        }
    }

    /**
     * An index like the application's for the similarity fields only, from the benchmark's generator (the corpus's
     * 166 texts, the district varied; numbers are no words, so the words are segmented once per text and district).
     */
    static void build(Path path, int n) throws Exception {
        String[] places = {"北湖区", "南城区", "东江县", "西山区", "临湖县", "鼓楼区", "青石镇", "柳河镇",
            "桃源镇", "白沙镇", "城关街道", "东城街道", "龙泉乡", "新华区", "河西区", "高新区"};
        List<Map<String, String>> corpus = SearchBenchmark.corpus();
        Map<String, String[]> words = new HashMap<>();
        Random random = new Random(42);
        var config = new org.apache.lucene.index.IndexWriterConfig(new org.apache.lucene.analysis.core.WhitespaceAnalyzer());
        config.setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE);
        config.setRAMBufferSizeMB(64);
        try (var writer = new org.apache.lucene.index.IndexWriter(FSDirectory.open(path), config)) {
            for (int i = 1; i <= n; i++) {
                int t = random.nextInt(corpus.size());
                String place = places[random.nextInt(places.length)];
                String[] w = words.computeIfAbsent(t + "/" + place, k -> {
                    Map<String, String> item = corpus.get(t);
                    return new String[] {String.join(" ", TextSimilarity.words(replace(item.get("title"), places, place))),
                        String.join(" ", TextSimilarity.words(replace(item.get("background"), places, place) + "\n"
                                + replace(item.get("suggestions"), places, place)))};
                });
                Document d = new Document();
                d.add(new org.apache.lucene.document.StringField(ID, String.valueOf(i), org.apache.lucene.document.Field.Store.YES));
                d.add(new org.apache.lucene.document.StringField(TENANT, TENANT_VALUE, org.apache.lucene.document.Field.Store.NO));
                d.add(new org.apache.lucene.document.StringField("status", random.nextBoolean() ? "ASSIGNED" : "FILED",
                        org.apache.lucene.document.Field.Store.NO));
                d.add(new org.apache.lucene.document.TextField("titleWords", w[0], org.apache.lucene.document.Field.Store.YES));
                d.add(new org.apache.lucene.document.TextField("bodyWords", w[1], org.apache.lucene.document.Field.Store.YES));
                writer.addDocument(d);
            }
            writer.forceMerge(Integer.getInteger("segments", 8));
        }
        System.out.printf("built %,d documents from %,d distinct texts%n", n, words.size());
    }

    private static String replace(String text, String[] places, String place) {
        String out = text;
        for (String p : places) {
            out = out.replace(p, place);
        }
        return out;
    }

    /** The query words: the weightiest {@code terms}, leaving out words in more than {@code maxShare} of the documents. */
    static List<Map.Entry<String, Double>> choose(Map<String, Double> source, Variant v, IndexReader reader) throws java.io.IOException {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        List<Map.Entry<String, Double>> common = new ArrayList<>();
        for (Map.Entry<String, Double> e : source.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
            if (out.size() >= v.terms()) {
                break;
            }
            if (v.maxShare() < 1 && reader.docFreq(new Term("bodyWords", e.getKey())) > v.maxShare() * reader.numDocs()) {
                common.add(e);
                continue;
            }
            out.add(e);
        }
        for (int i = 0; out.size() < v.min() && i < common.size(); i++) {
            out.add(common.get(i));
        }
        return out;
    }

    static final String TENANT = System.getProperty("tenantField", "__HSEARCH_tenantId");
    static final String TENANT_VALUE = System.getProperty("tenant", "1");
    static final String ID = System.getProperty("idField", "__HSEARCH_id");

    static Query flat(List<Map.Entry<String, Double>> terms, String exclude) {
        var root = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> t : terms) {
            float boost = (float) Math.max(0.1, t.getValue());
            root.add(new BoostQuery(new TermQuery(new Term("titleWords", t.getKey())), 2 * boost), Occur.SHOULD);
            root.add(new BoostQuery(new TermQuery(new Term("bodyWords", t.getKey())), boost), Occur.SHOULD);
        }
        root.add(new TermQuery(new Term("status", "DRAFT")), Occur.MUST_NOT);
        root.add(new TermQuery(new Term("status", "AWAITING_COSIGNERS")), Occur.MUST_NOT);
        root.add(new TermQuery(new Term("status", "WITHDRAWN")), Occur.MUST_NOT);
        if (exclude != null) {
            root.add(new TermQuery(new Term(ID, exclude)), Occur.MUST_NOT);
        }
        return root.build();
    }

    /** Collects only the hits of one tenant: the tenant term's postings advanced alongside (hits come in order). */
    static final class TenantCollector extends org.apache.lucene.search.FilterCollector {
        private final Term tenant;

        TenantCollector(org.apache.lucene.search.Collector in, Term tenant) {
            super(in);
            this.tenant = tenant;
        }

        @Override
        public org.apache.lucene.search.LeafCollector getLeafCollector(org.apache.lucene.index.LeafReaderContext context)
                throws java.io.IOException {
            org.apache.lucene.index.PostingsEnum postings = context.reader().postings(tenant, org.apache.lucene.index.PostingsEnum.NONE);
            if (postings == null) {
                throw new org.apache.lucene.search.CollectionTerminatedException();
            }
            org.apache.lucene.search.LeafCollector leaf = super.getLeafCollector(context);
            return new org.apache.lucene.search.FilterLeafCollector(leaf) {
                @Override
                public void collect(int doc) throws java.io.IOException {
                    int at = postings.docID();
                    if (at < doc) {
                        at = postings.advance(doc);
                    }
                    if (at == doc) {
                        in.collect(doc);
                    }
                }
            };
        }
    }

    static Query query(List<Map.Entry<String, Double>> terms, String exclude) {
        var any = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> t : terms) {
            float boost = (float) Math.max(0.1, t.getValue());
            any.add(new BoostQuery(new TermQuery(new Term("titleWords", t.getKey())), 2 * boost), Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term("bodyWords", t.getKey())), boost), Occur.SHOULD);
        }
        var root = new BooleanQuery.Builder();
        root.add(any.build(), Occur.MUST);
        root.add(new TermQuery(new Term("status", "DRAFT")), Occur.MUST_NOT);
        root.add(new TermQuery(new Term("status", "AWAITING_COSIGNERS")), Occur.MUST_NOT);
        root.add(new TermQuery(new Term("status", "WITHDRAWN")), Occur.MUST_NOT);
        if (exclude != null) {
            root.add(new TermQuery(new Term(ID, exclude)), Occur.MUST_NOT);
        }
        // as Hibernate Search wraps every query: the tenant as a filter clause
        return new BooleanQuery.Builder().add(root.build(), Occur.MUST)
                .add(new TermQuery(new Term(TENANT, TENANT_VALUE)), Occur.FILTER).build();
    }

    static List<Double> rescore(IndexReader reader, Map<String, Double> source, ScoreDoc[] hits, ToDoubleFunction<String> idf)
            throws java.io.IOException {
        Map<Long, Double> scores = new HashMap<>();
        for (ScoreDoc hit : hits) {
            Document d = reader.storedFields().document(hit.doc);
            scores.put((long) hit.doc, TextSimilarity.cosine(source,
                    TextSimilarity.vector(split(d.get("titleWords")), split(d.get("bodyWords")), idf)));
        }
        return scores.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
    }

    static ToDoubleFunction<String> idf(IndexReader reader) {
        Map<String, Double> cache = new java.util.concurrent.ConcurrentHashMap<>();
        long n = reader.numDocs();
        return w -> cache.computeIfAbsent(w, k -> {
            try {
                return TextSimilarity.idf(reader.docFreq(new Term("bodyWords", k)), n);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> split(String words) {
        return words == null || words.isEmpty() ? List.of() : List.of(words.split(" "));
    }
}
