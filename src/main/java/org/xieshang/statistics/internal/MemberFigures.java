package org.xieshang.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xieshang.assessment.AssessmentFigures;
import org.xieshang.assessment.AssessmentFigures.Figures;
import org.xieshang.committee.ReferenceData;
import org.xieshang.document.Table;
import org.xieshang.document.Table.Column;
import org.xieshang.document.Table.Kind;
import org.xieshang.shared.i18n.Messages;

/**
 * The assessment's consequence figures (warnings, persuasions, talks, approved resignations) for
 * the dashboard and the yearly report, read through the assessment module's
 * {@link AssessmentFigures}: for the year shown and for the term that year falls in (up to today).
 */
@Component
class MemberFigures {

    /** The year's and the term's figures; term fields are null when no term covers the year. */
    public record Term(int year, Figures ofYear, Long termId, String termName, LocalDate termFrom, LocalDate termTo,
                       Figures ofTerm) {
    }

    private final AssessmentFigures figures;
    private final ReferenceData reference;
    private final Messages messages;

    MemberFigures(AssessmentFigures figures, ReferenceData reference, Messages messages) {
        this.figures = figures;
        this.reference = reference;
        this.messages = messages;
    }

    Term of(int year, LocalDate today) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Figures ofYear = figures.between(from, to);
        // the newest term that covers any day of the year (terms() lists the newest first)
        ReferenceData.TermView term = reference.terms().stream()
                .filter(t -> t.startDate() != null && !t.startDate().isAfter(to)
                        && (t.endDate() == null || !t.endDate().isBefore(from)))
                .findFirst().orElse(null);
        if (term == null) {
            return new Term(year, ofYear, null, null, null, null, null);
        }
        LocalDate end = term.endDate() == null || term.endDate().isAfter(today) ? today : term.endDate();
        if (end.isBefore(term.startDate())) {
            end = term.startDate();
        }
        return new Term(year, ofYear, term.id(), term.name(), term.startDate(), end, figures.between(term.startDate(), end));
    }

    /** The figures as a table: one row per figure, the year's and the term's count. */
    Table table(Term t) {
        List<Column> columns = new ArrayList<>(List.of(new Column(m("dutyfig.stats.col.item"), Kind.TEXT),
                new Column(m("dutyfig.stats.col.year", String.valueOf(t.year())), Kind.COUNT)));
        if (t.termId() != null) {
            columns.add(new Column(m("dutyfig.stats.col.term", t.termName()), Kind.COUNT));
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(t, "resignationsApproved", t.ofYear().resignationsApproved(),
                t.ofTerm() == null ? 0 : t.ofTerm().resignationsApproved()));
        rows.add(row(t, "admonishmentTalks", t.ofYear().admonishmentTalks(),
                t.ofTerm() == null ? 0 : t.ofTerm().admonishmentTalks()));
        rows.add(row(t, "warnings", t.ofYear().warnings(), t.ofTerm() == null ? 0 : t.ofTerm().warnings()));
        rows.add(row(t, "persuadedToResign", t.ofYear().persuadedToResign(),
                t.ofTerm() == null ? 0 : t.ofTerm().persuadedToResign()));
        return new Table("members", m("dutyfig.stats.table"), columns, rows);
    }

    private List<Object> row(Term t, String item, long year, long term) {
        List<Object> cells = new ArrayList<>();
        cells.add(m("dutyfig.stats.item." + item));
        cells.add(year);
        if (t.termId() != null) {
            cells.add(term);
        }
        return cells;
    }

    /** The report's paragraph: the term's figures in one sentence (the year's when no term covers it). */
    String sentence(Term t) {
        Figures f = t.ofTerm() != null ? t.ofTerm() : t.ofYear();
        String period = t.termId() != null ? m("dutyfig.stats.period.term", t.termName(), t.termFrom().toString(),
                t.termTo().toString()) : m("dutyfig.stats.period.year", String.valueOf(t.year()));
        return m("dutyfig.stats.sentence", period, f.warnings(), f.persuadedToResign(), f.admonishmentTalks(),
                f.resignationsApproved());
    }

    private String m(String key, Object... args) {
        return messages.get(key, args);
    }
}
