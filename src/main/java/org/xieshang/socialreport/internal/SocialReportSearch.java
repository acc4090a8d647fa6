package org.xieshang.socialreport.internal;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.xieshang.search.TextSimilarity;

/**
 * Chinese full-text search over reports, as for proposals: exact substrings through CJK bigram
 * phrases, then the query's smartcn words anywhere; the list's scope rule and filters apply in
 * the index too, so a search never shows a report its list would not.
 */
@Component
class SocialReportSearch {

    record Hit(Long id, String snippet) {
    }

    private final EntityManager em;

    SocialReportSearch(EntityManager em) {
        this.em = em;
    }

    Page<Hit> search(String text, SocialReportService.Filter filter, String category, LocalDate from, LocalDate to,
                     boolean all, Long own, boolean adoptedToo, PageRequest page) {
        List<String> words = TextSimilarity.words(text);
        SearchResult<List<?>> result = Search.session(em).search(SocialReport.class)
                .select(f -> f.composite().from(f.id(Long.class), f.highlight("editedTitle"), f.highlight("title"),
                        f.highlight("editedContent"), f.highlight("content")).asList())
                .where((f, root) -> {
                    if (!all) {
                        root.add(scope(f, own, adoptedToo));
                    }
                    root.add(f.bool(b -> {
                        b.should(f.phrase().field("title").field("editedTitle").boost(4f).matching(text));
                        b.should(f.phrase().field("content").field("editedContent").boost(2f).matching(text));
                        if (!words.isEmpty()) {
                            b.should(f.match().field("words").matching(String.join(" ", words)));
                        }
                    }));
                    if (filter.status() != null) {
                        root.add(f.match().field("status").matching(filter.status()));
                    }
                    if (filter.memberId() != null) {
                        root.add(f.match().field("authorMemberId").matching(filter.memberId()));
                    }
                    if (filter.sectorId() != null) {
                        root.add(f.match().field("authorSectorId").matching(filter.sectorId()));
                    }
                    if (category != null) {
                        root.add(f.match().field("category").matching(category));
                    }
                    root.add(f.range().field("submittedOn").between(from, to));
                })
                .highlighter(h -> h.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(1).noMatchSize(0))
                .sort(f -> f.score().then().field("submittedAt").desc())
                .totalHitCountThreshold(1000)
                .fetch((int) page.getOffset(), page.getPageSize());
        List<Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            String snippet = null;
            for (int i = 1; i < row.size() && snippet == null; i++) {
                if (row.get(i) instanceof List<?> fragments && !fragments.isEmpty()) {
                    snippet = (String) fragments.get(0);
                }
            }
            hits.add(new Hit((Long) row.get(0), snippet));
        }
        return new PageImpl<>(hits, page, result.total().hitCountLowerBound());
    }

    private static PredicateFinalStep scope(TypedSearchPredicateFactory<?> f, Long own, boolean adoptedToo) {
        return f.bool(b -> {
            b.should(f.match().field("authorMemberId").matching(own));
            if (adoptedToo) {
                b.should(f.match().field("status").matching(ReportStatus.ADOPTED));
            }
        });
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
}
