package org.xieshang.proposal.internal.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.proposal.internal.ReplyVisibility;
import org.xieshang.proposal.internal.repository.ProposalRepository;
import org.xieshang.proposal.internal.provided.PublicProposals;
import org.xieshang.search.TextSimilarity;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Chinese full-text search over cases (smartcn words and CJK bigrams, so any 2–4 character
 * word of a subject finds it), with the same scope rule as lists, and similar-case detection:
 * Lucene retrieves candidates by the source's weightiest words, then each candidate is scored
 * by TF-IDF cosine in [0, 1] (see {@link TextSimilarity}).
 */
@Service
@Transactional(readOnly = true)
public class ProposalSearch {

    private static final Logger log = LoggerFactory.getLogger(ProposalSearch.class);

    /**
     * Cases that do not count as "earlier proposals" for similarity: those still on the proposer's desk
     * (everything else does; the query excludes these, cheaper than matching the many other states).
     */
    static final List<ProposalStatus> NOT_COMPARABLE = List.of(ProposalStatus.DRAFT, ProposalStatus.AWAITING_COSIGNERS,
            ProposalStatus.WITHDRAWN);
    static final int CANDIDATES = 60;
    static final int QUERY_TERMS = 30;
    /**
     * Words in more than this share of the indexed cases are left out of the candidate query (they stay in
     * the cosine): their postings are the longest and their weight the lowest, so they cost most of the
     * query's time and change few candidates (docs/perf.md, "Similar: common words").
     */
    static final double COMMON_SHARE = 0.02;
    /** The candidate query keeps at least this many words: the weightiest common ones fill up a short text. */
    static final int MIN_QUERY_TERMS = 10;
    /**
     * A word is common only when it is also in more than this many cases: short postings cost little, and in a
     * small index a 2 % share is a handful of cases, whose words still tell matters apart.
     */
    static final long MIN_COMMON_CASES = 1_000;

    record Hit(Long id, String snippet) {
    }

    public record Similar(Long id, String number, String title, double score, ProposalStatus status, String replyCategory,
                   Long leadUnitId, String leadUnitName, String category) {
    }

    public record UnitSuggestion(Long unitId, String name, double score, int cases) {
    }

    public record CategorySuggestion(String category, List<Map<String, Object>> candidates) {
    }

    private final EntityManager em;
    private final EntityManagerFactory emf;
    private final ProposalRepository proposals;
    private final CaseSupport cases;
    private final ReferenceData reference;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * The lowest similarity shown to people (merge candidates, hints while writing, /similar, unit
     * hints). 0.25 by default, calibrated on SimilarityCorpusTest (docs/benchmarks.md): every
     * rewritten duplicate scored at least 0.30, so nothing that matters is lost; near-misses have
     * a median of 0.17 and unrelated pairs 0.04, so the 1–2 % noise is gone. Near-misses up to
     * 0.33 and the rare unrelated pair up to 0.35 may still show: they are at least on the same
     * subject, which a reviewer wants to see.
     */
    private final double minScore;

    ProposalSearch(EntityManager em, EntityManagerFactory emf, ProposalRepository proposals, CaseSupport cases,
                   ReferenceData reference, org.springframework.jdbc.core.JdbcTemplate jdbc,
                   @org.springframework.beans.factory.annotation.Value("${xieshang.similar.min-score:0.25}") double minScore) {
        this.minScore = minScore;
        this.em = em;
        this.emf = emf;
        this.proposals = proposals;
        this.cases = cases;
        this.reference = reference;
        this.jdbc = jdbc;
    }

    /** Ids of the cases matching the text that the user may see, best first, with a highlighted snippet. */
    Page<Hit> search(String q, ProposalQueries.Filter filter, PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        String text = clean(q);
        if (text.isEmpty()) {
            return Page.empty(page);
        }
        SearchSession session = Search.session(em);
        SearchResult<List<?>> result = session.search(Proposal.class)
                .select(f -> f.composite().from(f.id(Long.class), f.highlight("title"), f.highlight("background"),
                        f.highlight("suggestions"), f.highlight("approvedReplyContent"), f.highlight("replyContent")).asList())
                // only the words score: the scope and the filters are filter clauses (no score computed for them)
                .where(f -> f.bool(root -> {
                    root.must(matching(f, text, user));
                    root.filter(scope(f, user));
                    filters(f, filter, user).forEach(root::filter);
                }))
                .highlighter(h -> h.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(1).noMatchSize(0))
                .sort(f -> f.score().then().field("createdAt").desc())
                .totalHitCountThreshold(1000)
                .fetch(offset(page), limit(page));
        // the working reply's words are highlighted only for those who may read it (ReplyVisibility)
        Map<Long, Long> leadUnits = !ProposalScope.isStaff(user) && user.unitId() != null
                ? leadUnits(result.hits().stream().map(row -> (Long) row.get(0)).toList()) : Map.of();
        List<Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            Long id = (Long) row.get(0);
            int fields = ReplyVisibility.seesWorkingReply(user, leadUnits.get(id)) ? row.size() : row.size() - 1;
            String snippet = null;
            for (int i = 1; i < fields && snippet == null; i++) {
                snippet = first(row.get(i));
            }
            hits.add(new Hit(id, snippet));
        }
        return new PageImpl<>(hits, page, Math.min(result.total().hitCountLowerBound(), MAX_DEPTH));
    }

    /** The lead units of these cases (plain SQL, as {@link #rows}; the filtered repository outside a committee). */
    private Map<Long, Long> leadUnits(List<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        Long committee = CommitteeContext.current();
        if (ids.isEmpty()) {
            return out;
        }
        if (committee == null || committee <= 0) {
            proposals.findAllById(ids).forEach(p -> out.put(p.getId(), p.getLeadUnitId()));
            return out;
        }
        List<Object> args = new ArrayList<>();
        args.add(committee);
        args.addAll(ids);
        jdbc.query("select id, lead_unit_id from proposal where committee_id = ? and id in ("
                + org.xieshang.shared.jpa.BindMarks.of(ids.size()) + ")", rs -> {
                    long unit = rs.getLong(2);
                    out.put(rs.getLong(1), rs.wasNull() ? null : unit);
                }, args.toArray());
        return out;
    }

    /** A hit of the public search: a snippet of the proposal's text, and one of its reply (shown only once approved). */
    public record PublicHit(Long id, String textSnippet, String replySnippet) {
    }

    /**
     * The public search (no one signed in): only published, non-confidential cases in a public
     * state (see {@link PublicProposals}); a reply's text matches only once it is approved.
     * The committee is the one of {@code CommitteeContext} (the index is tenant-filtered).
     */
    public Page<PublicHit> searchPublished(String q, PageRequest page) {
        String text = clean(q);
        if (text.isEmpty()) {
            return Page.empty(page);
        }
        List<String> words = TextSimilarity.words(text);
        SearchResult<List<?>> result = Search.session(em).search(Proposal.class)
                .select(f -> f.composite().from(f.id(Long.class), f.highlight("title"), f.highlight("background"),
                        f.highlight("suggestions"), f.highlight("approvedReplyContent")).asList())
                .where((f, root) -> {
                    root.add(f.match().field("published").matching(true));
                    root.add(f.not(f.match().field("confidential").matching(true)));
                    root.add(f.terms().field("status").matchingAny(List.copyOf(PublicProposals.SHOWN)));
                    root.add(f.bool(b -> {
                        b.should(f.phrase().field("title").boost(4f).matching(text));
                        b.should(f.phrase().field("background").field("suggestions").boost(2f).matching(text));
                        // a reply under review, or sent back, is not public: its words must not find the case
                        b.should(f.bool(r -> {
                            r.must(f.phrase().field("approvedReplyContent").boost(2f).matching(text));
                            r.filter(f.terms().field("status").matchingAny(List.copyOf(PublicProposals.REPLY_SHOWN)));
                        }));
                        if (!words.isEmpty()) {
                            b.should(f.match().field("titleWords").boost(2f).field("bodyWords").matching(String.join(" ", words)));
                        }
                    }));
                })
                .highlighter(h -> h.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(1).noMatchSize(0))
                .sort(f -> f.score().then().field("createdAt").desc())
                .totalHitCountThreshold(1000)
                .fetch(offset(page), limit(page));
        List<PublicHit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            String snippet = null;
            for (int i = 1; i < 4 && snippet == null; i++) {
                snippet = first(row.get(i));
            }
            hits.add(new PublicHit((Long) row.get(0), snippet, first(row.get(4))));
        }
        return new PageImpl<>(hits, page, Math.min(result.total().hitCountLowerBound(), MAX_DEPTH));
    }

    /**
     * How deep a search reaches: a ranked search must collect every hit before the page asked for, so a
     * far page (e.g. {@code ?page=2147483647}) would cost memory and time; beyond this the pages are empty.
     */
    static final int MAX_DEPTH = 10_000;

    private static int offset(PageRequest page) {
        return (int) Math.min(page.getOffset(), MAX_DEPTH);
    }

    private static int limit(PageRequest page) {
        return Math.max(0, Math.min(page.getPageSize(), MAX_DEPTH - offset(page)));
    }

    private static String first(Object fragments) {
        return fragments instanceof List<?> list && !list.isEmpty() ? (String) list.get(0) : null;
    }

    /** The cases most like this one (staff, at review), most similar first. */
    public List<Similar> similarTo(Long id, int limit) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC);
        ProposalCase c = cases.openToRead(id);
        Proposal p = c.proposal();
        return similar(p.getTitle(), p.getBackground() + "\n" + p.getSuggestions(), id, limit, user);
    }

    /** The threshold of {@link #relatedTo} and {@link #relatedToText} (a setting: xieshang.similar.min-score). */
    public double minScore() {
        return minScore;
    }

    /** As {@link #similarTo}, only the cases that pass the calibrated threshold ({@link #minScore}). */
    public List<Similar> relatedTo(Long id, int limit) {
        return similarTo(id, limit).stream().filter(s -> s.score() >= minScore).toList();
    }

    /** As {@link #similarToText}, only the cases that pass the calibrated threshold ({@link #minScore}). */
    public List<Similar> relatedToText(String title, String body, int limit) {
        return similarToText(title, body, limit).stream().filter(s -> s.score() >= minScore).toList();
    }

    /** The cases most like a text being written; members see the ones they may see, and filed cases. */
    public List<Similar> similarToText(String title, String body, int limit) {
        CurrentUser user = CurrentUsers.require();
        if (!user.hasAny(Role.MEMBER, Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC)) {
            throw new Forbidden();
        }
        return similar(title == null ? "" : title, body == null ? "" : body, null, limit, user);
    }

    /** Units that handled the most similar past cases, best first (at assignment). */
    public List<UnitSuggestion> unitsFor(Long id) {
        List<Similar> similar = similarTo(id, 20);
        Map<Long, double[]> byUnit = new LinkedHashMap<>();
        for (Similar s : similar) {
            if (s.leadUnitId() != null && s.score() >= minScore) {
                double[] acc = byUnit.computeIfAbsent(s.leadUnitId(), k -> new double[2]);
                acc[0] += s.score();
                acc[1]++;
            }
        }
        return byUnit.entrySet().stream()
                .map(e -> new UnitSuggestion(e.getKey(), reference.unit(e.getKey()).map(ReferenceData.UnitView::name).orElse(null),
                        round(e.getValue()[0]), (int) e.getValue()[1]))
                .sorted(Comparator.comparingDouble(UnitSuggestion::score).reversed()).limit(5).toList();
    }

    /** The likely category of a text: a vote of the similar cases weighted by similarity. */
    public CategorySuggestion categoryFor(String title, String body) {
        List<Similar> similar = similarToText(title, body, 15);
        Map<String, Double> votes = new HashMap<>();
        for (Similar s : similar) {
            if (s.score() >= 0.15) {
                votes.merge(s.category(), s.score(), Double::sum);
            }
        }
        List<Map<String, Object>> ranked = votes.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> Map.<String, Object>of("category", e.getKey(), "score", round(e.getValue()))).toList();
        return new CategorySuggestion(ranked.isEmpty() ? null : (String) ranked.get(0).get("category"), ranked);
    }

    private List<Similar> similar(String title, String body, Long excludeId, int limit, CurrentUser user) {
        IndexReader reader = indexReader();
        try {
            ToDoubleFunction<String> idf = reader != null ? idf(reader) : w -> 1.0;
            List<String> titleWords = TextSimilarity.words(title);
            List<String> bodyWords = TextSimilarity.words(body);
            Map<String, Double> source = TextSimilarity.vector(titleWords, bodyWords, idf);
            if (source.isEmpty()) {
                return List.of();
            }
            List<Map.Entry<String, Double>> terms = queryTerms(source, reader == null ? null : idf,
                    reader == null ? 0 : commonIdf(reader.numDocs()));
            boolean staffView = user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC);
            boolean lucene = reader != null;
            List<List<?>> candidates = Search.session(em).search(Proposal.class)
                    .select(f -> f.composite().from(f.id(Long.class), f.field("titleWords", String.class),
                            f.field("bodyWords", String.class)).asList())
                    .where(f -> f.bool(root -> {
                        // only the words score; the rest are filters (no score to compute, and excluding the
                        // few statuses that are not comparable is cheaper than matching the many that are)
                        root.must(lucene ? f.extension(LuceneExtension.get()).fromLuceneQuery(words(terms)) : f.bool(b -> {
                            for (Map.Entry<String, Double> t : terms) {
                                float boost = (float) Math.max(0.1, t.getValue());
                                b.should(f.match().field("titleWords").boost(2 * boost).field("bodyWords").boost(boost)
                                        .matching(t.getKey()));
                            }
                        }));
                        root.mustNot(f.terms().field("status").matchingAny(NOT_COMPARABLE));
                        if (excludeId != null) {
                            root.mustNot(f.id().matching(excludeId));
                        }
                        if (!staffView) {
                            // members: what they may see anyway, and filed cases (title and outcome only) that are
                            // not confidential (涉密): those stay hidden from whoever is not in their scope
                            root.filter(f.or(scope(f, user), f.bool(filed -> {
                                filed.mustNot(f.terms().field("status").matchingAny(List.of(ProposalStatus.SUBMITTED,
                                        ProposalStatus.NOT_FILED, ProposalStatus.MERGED)));
                                filed.mustNot(f.match().field("confidential").matching(true));
                            })));
                        }
                    }))
                    .totalHitCountThreshold(CANDIDATES)
                    .fetchHits(CANDIDATES);
            if (reader == null) {
                // no access to index statistics (Elasticsearch backend): word rarity among the candidates
                idf = candidateIdf(candidates);
                source = TextSimilarity.vector(titleWords, bodyWords, idf);
            }
            Map<Long, Double> scores = new HashMap<>();
            for (List<?> c : candidates) {
                double score = TextSimilarity.cosine(source, TextSimilarity.vector(split(c.get(1)), split(c.get(2)), idf));
                scores.put((Long) c.get(0), round(score));
            }
            List<Long> best = scores.entrySet().stream()
                    .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(Map.Entry::getKey).toList();
            Map<Long, Similar> found = rows(best, scores);
            return best.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    log.warn("closing an index reader failed", e);
                }
            }
        }
    }

    /**
     * The words of the candidate query: the {@link #QUERY_TERMS} weightiest, leaving out the common ones (rarity
     * below {@code commonIdf}, i.e. in more than {@link #COMMON_SHARE} of the cases, see {@link #commonIdf}) unless fewer than
     * {@link #MIN_QUERY_TERMS} would remain; without index statistics ({@code idf} null) simply the weightiest.
     */
    static List<Map.Entry<String, Double>> queryTerms(Map<String, Double> source, ToDoubleFunction<String> idf,
                                                      double commonIdf) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        List<Map.Entry<String, Double>> common = new ArrayList<>();
        for (Map.Entry<String, Double> t : source.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList()) {
            if (out.size() >= QUERY_TERMS) {
                break;
            }
            if (idf != null && idf.applyAsDouble(t.getKey()) < commonIdf) {
                common.add(t);
            } else {
                out.add(t);
            }
        }
        for (int i = 0; out.size() < MIN_QUERY_TERMS && i < common.size(); i++) {
            out.add(common.get(i));
        }
        return out;
    }

    /**
     * The rarity ({@link TextSimilarity#idf}) of a word in as many of {@code docs} cases as a word may be in without
     * being common: {@link #COMMON_SHARE} of them, and at least {@link #MIN_COMMON_CASES}.
     */
    static double commonIdf(long docs) {
        return TextSimilarity.idf(Math.max(MIN_COMMON_CASES, (long) Math.floor(COMMON_SHARE * docs)), docs);
    }

    /**
     * The words as one flat disjunction of term queries (Lucene backend): the same scores as a match per
     * word over the two fields, but one level, so that Lucene can skip the documents that cannot reach
     * the best 60 (block-max WAND) instead of scoring every document that has one of the words; the
     * nested form spent most of a similarity request scoring (docs/perf.md).
     */
    private static org.apache.lucene.search.Query words(List<Map.Entry<String, Double>> terms) {
        var any = new org.apache.lucene.search.BooleanQuery.Builder();
        for (Map.Entry<String, Double> t : terms) {
            float boost = (float) Math.max(0.1, t.getValue());
            any.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.TermQuery(
                    new Term("titleWords", t.getKey())), 2 * boost), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
            any.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.TermQuery(
                    new Term("bodyWords", t.getKey())), boost), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * The rows of the best candidates: plain SQL with the committee said explicitly, because a JPA query
     * under the {@code @TenantId} filter is translated again on every call (docs/perf.md, "Lists").
     */
    private Map<Long, Similar> rows(List<Long> ids, Map<Long, Double> scores) {
        Map<Long, Similar> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Long committee = CommitteeContext.current();
        if (committee == null || committee <= 0) { // no committee of its own: the filtered repository decides
            proposals.findAllById(ids).forEach(x -> out.put(x.getId(), new Similar(x.getId(), x.getNumber(), x.getTitle(),
                    scores.get(x.getId()), x.getStatus(), x.getApprovedReplyCategory(), x.getLeadUnitId(),
                    unitName(x.getLeadUnitId()), x.getCategory())));
            return out;
        }
        List<Object> args = new ArrayList<>();
        args.add(committee);
        args.addAll(ids);
        jdbc.query("select id, number, title, status, approved_reply_category, lead_unit_id, category from proposal"
                + " where committee_id = ? and id in (" + org.xieshang.shared.jpa.BindMarks.of(ids.size())
                + ")", rs -> {
                    long id = rs.getLong(1);
                    long unit = rs.getLong(6);
                    Long leadUnit = rs.wasNull() ? null : unit;
                    out.put(id, new Similar(id, rs.getString(2), rs.getString(3), scores.get(id),
                            ProposalStatus.valueOf(rs.getString(4)), rs.getString(5), leadUnit, unitName(leadUnit),
                            rs.getString(7)));
                }, args.toArray());
        return out;
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : reference.unit(unitId).map(ReferenceData.UnitView::name).orElse(null);
    }

    private static List<String> split(Object words) {
        return words == null || ((String) words).isEmpty() ? List.of() : List.of(((String) words).split(" "));
    }

    /**
     * Document frequencies of the indexed case texts (all committees: a word's rarity is a
     * property of the language of proposals); null when the backend is not Lucene.
     */
    private IndexReader indexReader() {
        try {
            return Search.mapping(emf).scope(Proposal.class).extension(LuceneExtension.get()).openIndexReader();
        } catch (org.hibernate.search.util.common.SearchException notLucene) {
            return null;
        }
    }

    private static ToDoubleFunction<String> candidateIdf(List<List<?>> candidates) {
        Map<String, Integer> df = new HashMap<>();
        for (List<?> c : candidates) {
            java.util.Set<String> words = new java.util.HashSet<>(split(c.get(1)));
            words.addAll(split(c.get(2)));
            words.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        int n = candidates.size();
        return w -> TextSimilarity.idf(df.getOrDefault(w, 0), n);
    }

    /**
     * Word rarity, kept for as long as the index does not change: a similarity request looks up every word
     * of its 60 candidates (thousands of term dictionary seeks), and most of them are the same from one
     * request to the next. The key is the index's segments and their live documents (a new segment or a
     * deletion gives another key), so a changed index is never scored with stale rarities.
     */
    private ToDoubleFunction<String> idf(IndexReader reader) {
        long docs = reader.numDocs();
        Map<String, Double> cache = rarities(reader);
        return word -> {
            Double known = cache.get(word);
            if (known != null) {
                return known;
            }
            try {
                double idf = TextSimilarity.idf(reader.docFreq(new Term("bodyWords", word)), docs);
                cache.put(word, idf);
                return idf;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The words' rarities for this state of the index (a fresh map for another state, or where unknown). */
    private Map<String, Double> rarities(IndexReader reader) {
        List<Object> version = new ArrayList<>();
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            // a segment's core key is shared by every reader of it; its live documents tell a deletion
            IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
            if (helper == null) {
                return new HashMap<>();
            }
            version.add(helper.getKey());
            version.add(leaf.reader().numDocs());
        }
        Rarities current = rarities;
        if (current.version().equals(version) && current.words().size() < MAX_RARITIES) {
            return current.words();
        }
        Rarities fresh = new Rarities(version, new java.util.concurrent.ConcurrentHashMap<>());
        rarities = fresh;
        return fresh.words();
    }

    /** The word rarities of one state of the index (its segments' core keys, compared by identity, and sizes). */
    private record Rarities(List<Object> version, Map<String, Double> words) {
    }

    /** Bounds the memory of {@link Rarities}: a vocabulary beyond this starts a new map. */
    private static final int MAX_RARITIES = 200_000;

    private volatile Rarities rarities = new Rarities(List.of(), new java.util.concurrent.ConcurrentHashMap<>());

    /** The scope rule of {@link ProposalScope} over the index's access fields. */
    static PredicateFinalStep scope(TypedSearchPredicateFactory<?> f, CurrentUser u) {
        return f.bool(b -> {
            if (ProposalScope.seesAllCases(u)) {
                // as ProposalScope: not drafts, nor drafts withdrawn before they were ever submitted
                b.should(f.bool(all -> {
                    all.must(f.matchAll());
                    all.mustNot(f.match().field("status").matching(ProposalStatus.DRAFT));
                    all.mustNot(f.bool(w -> {
                        w.must(f.match().field("status").matching(ProposalStatus.WITHDRAWN));
                        w.mustNot(f.exists().field("submittedOn"));
                    }));
                }));
            }
            if (u.memberId() != null) {
                b.should(f.match().field("accessMembers").matching(String.valueOf(u.memberId())));
            }
            if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
                b.should(f.match().field("accessUnits").matching(String.valueOf(u.unitId())));
            }
            if (u.has(Role.LEADER_GOV)) {
                // key proposals: the cases this leader lead-handles (as ProposalScope)
                b.should(f.bool(k -> {
                    k.must(f.match().field("key").matching(true));
                    k.must(f.match().field("accessLeaders").matching(String.valueOf(u.id())));
                }));
            }
            b.should(f.match().field("published").matching(true));
        });
    }

    /**
     * Exact substrings (bigram phrases) first, then the words of the query anywhere in the case. The approved reply
     * matches for everyone who sees the case; the unit's working reply only where the user may read it
     * ({@link ReplyVisibility}: the office everywhere, a unit's users on the cases it leads).
     */
    private static PredicateFinalStep matching(TypedSearchPredicateFactory<?> f, String text, CurrentUser user) {
        List<String> words = TextSimilarity.words(text);
        return f.bool(b -> {
            b.should(f.phrase().field("title").boost(4f).matching(text));
            b.should(f.phrase().field("background").field("suggestions").field("approvedReplyContent").boost(2f)
                    .matching(text));
            if (ProposalScope.isStaff(user)) {
                b.should(f.phrase().field("replyContent").boost(2f).matching(text));
            } else if (user.unitId() != null && ReplyVisibility.seesWorkingReply(user, user.unitId())) {
                b.should(f.bool(r -> {
                    r.must(f.phrase().field("replyContent").boost(2f).matching(text));
                    r.filter(f.match().field("leadUnitId").matching(user.unitId()));
                }));
            }
            if (!words.isEmpty()) {
                b.should(f.match().field("titleWords").boost(2f).field("bodyWords").matching(String.join(" ", words)));
            }
        });
    }

    private List<PredicateFinalStep> filters(TypedSearchPredicateFactory<?> f, ProposalQueries.Filter filter, CurrentUser user) {
        List<PredicateFinalStep> out = new ArrayList<>();
        if (filter.status() != null) {
            out.add(f.match().field("status").matching(filter.status()));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            out.add(f.match().field("category").matching(filter.category().strip()));
        }
        if (filter.unitId() != null) {
            out.add(f.match().field("accessUnits").matching(String.valueOf(filter.unitId())));
        }
        if (filter.key() != null) {
            out.add(f.match().field("key").matching(filter.key()));
        }
        if (filter.year() != null) {
            List<Long> sessions = reference.sessions().stream().filter(s -> s.year() == filter.year())
                    .map(ReferenceData.SessionView::id).toList();
            out.add(sessions.isEmpty() ? f.not(f.matchAll()) : f.terms().field("sessionId").matchingAny(sessions));
        }
        if (Boolean.TRUE.equals(filter.mine()) && user.memberId() != null) {
            out.add(f.match().field("accessMembers").matching(String.valueOf(user.memberId())));
        }
        if ((filter.replyCategory() != null && !filter.replyCategory().isBlank()) || filter.implemented() != null) {
            // reply class and implementation are not in the index: the few matching cases by id from the database
            List<Long> ids = proposals.findAll(ProposalQueries.followUp(filter)).stream().map(Proposal::getId).toList();
            out.add(ids.isEmpty() ? f.not(f.matchAll()) : f.id().matchingAny(ids));
        }
        return out;
    }

    /** Keeps letters, digits and CJK; query syntax characters are only separators here. */
    static String clean(String q) {
        if (q == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        q.codePoints().limit(200).forEach(cp -> sb.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : ' '));
        return sb.toString().strip().replaceAll("\\s+", " ");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
