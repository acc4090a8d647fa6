package org.xieshang.statistics.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xieshang.committee.Committees;
import org.xieshang.document.Spreadsheets;
import org.xieshang.document.Table;
import org.xieshang.document.Table.Column;
import org.xieshang.document.Table.Kind;
import org.xieshang.document.WordDocument;
import org.xieshang.statistics.internal.ProposalStats.Breakdown;
import org.xieshang.statistics.internal.ProposalStats.Overdue;
import org.xieshang.statistics.internal.ProposalStats.Row;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.i18n.Messages;

/**
 * The statistics as tables (the dashboard's HTML tables and the .xlsx sheets are the same
 * {@link Table}s, so that they cannot drift apart) and the year's proposal work report (.docx).
 */
@Component
class StatsDocuments {

    private final Messages messages;
    private final Committees committees;
    private final MemberFigures memberFigures;

    StatsDocuments(Messages messages, Committees committees, MemberFigures memberFigures) {
        this.messages = messages;
        this.committees = committees;
        this.memberFigures = memberFigures;
    }

    /** Every table of the dashboard, in page order. */
    List<Table> tables(Breakdown b) {
        List<Table> out = new ArrayList<>();
        out.add(summary(b));
        out.add(counts("status", t("stats.table.status"), t("stats.col.status"), b.byStatus(), b.summary().total()));
        out.add(replyClasses(b));
        out.add(groups("category", t("stats.table.category"), t("stats.col.category"), b.byCategory(), b));
        out.add(groups("unit", t("stats.table.unit"), t("stats.col.unit"), b.byUnit(), b));
        out.add(groups("sector", t("stats.table.sector"), t("stats.col.sector"), b.bySector(), b));
        out.add(groups("session", t("stats.table.session"), t("stats.col.session"), b.bySession(), b));
        out.add(overdue(b.overdue()));
        return out;
    }

    byte[] workbook(Breakdown b) {
        return Spreadsheets.workbook(tables(b));
    }

    Table summary(Breakdown b) {
        Row s = b.summary();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(t("stats.item.total"), s.total(), null));
        rows.add(row(t("stats.item.filed"), s.filed(), ProposalStats.rate(s.filed(), s.total())));
        rows.add(row(t("stats.item.notFiled"), s.notFiled(), ProposalStats.rate(s.notFiled(), s.total())));
        rows.add(row(t("stats.item.merged"), s.merged(), ProposalStats.rate(s.merged(), s.total())));
        rows.add(row(t("stats.item.key"), s.keyProposals(), null));
        rows.add(row(t("stats.item.replied"), s.replied(), null));
        rows.add(row(t("stats.item.onTime"), s.repliedOnTime(), s.onTimeReplyRate()));
        rows.add(row(t("stats.item.overdue"), s.overdue(), null));
        rows.add(row(t("stats.item.rated"), s.rated(), null));
        rows.add(row(t("stats.item.attitudeSatisfied"), s.attitudeSatisfied(), s.attitudeSatisfactionRate()));
        rows.add(row(t("stats.item.attitudeFullySatisfied"), s.attitudeFullySatisfied(), s.attitudeFullySatisfiedRate()));
        rows.add(row(t("stats.item.resultSatisfied"), s.resultSatisfied(), s.resultSatisfactionRate()));
        rows.add(row(t("stats.item.resultFullySatisfied"), s.resultFullySatisfied(), s.resultFullySatisfiedRate()));
        return new Table("summary", t("stats.table.summary"), List.of(text("stats.col.item"), count("stats.col.count"),
                percent("stats.col.share")), rows);
    }

    Table replyClasses(Breakdown b) {
        List<List<Object>> rows = new ArrayList<>();
        b.summary().replyClasses().forEach((c, n) -> rows.add(row(t("stats.class", c), n, b.summary().replyClassShares().get(c))));
        return new Table("classes", t("stats.table.classes"), List.of(text("stats.col.class"), count("stats.col.count"),
                percent("stats.col.shareOfReplied")), rows);
    }

    private Table counts(String id, String title, String first, List<Row> rows, long total) {
        return new Table(id, title, List.of(new Column(first, Kind.TEXT), count("stats.col.count"), percent("stats.col.share")),
                rows.stream().map(r -> row(r.label(), r.total(), ProposalStats.rate(r.total(), total))).toList());
    }

    /** A dimension's table: counts, on-time reply, satisfaction (attitude and result apart), reply classes. */
    private Table groups(String id, String title, String first, List<Row> rows, Breakdown b) {
        List<Column> columns = new ArrayList<>(List.of(new Column(first, Kind.TEXT), count("stats.col.total"),
                count("stats.col.filed"), count("stats.col.replied"), count("stats.col.onTime"), percent("stats.col.onTimeRate"),
                count("stats.col.overdue"), count("stats.col.rated"), percent("stats.col.attitudeRate"),
                percent("stats.col.attitudeFullRate"), percent("stats.col.resultRate"), percent("stats.col.resultFullRate")));
        List<String> classes = b.summary().replyClasses().keySet().stream().toList();
        classes.forEach(c -> columns.add(new Column(t("stats.class", c), Kind.COUNT)));
        return new Table(id, title, columns, rows.stream().map(r -> {
            List<Object> cells = new ArrayList<>(List.of(r.label(), r.total(), r.filed(), r.replied(), r.repliedOnTime()));
            cells.add(r.onTimeReplyRate());
            cells.addAll(List.of(r.overdue(), r.rated()));
            cells.add(r.attitudeSatisfactionRate());
            cells.add(r.attitudeFullySatisfiedRate());
            cells.add(r.resultSatisfactionRate());
            cells.add(r.resultFullySatisfiedRate());
            classes.forEach(c -> cells.add(r.replyClasses().getOrDefault(c, 0L)));
            return cells;
        }).toList());
    }

    Table overdue(List<Overdue> overdue) {
        return new Table("overdue", t("stats.table.overdue"), List.of(text("stats.col.number"), text("stats.col.title"),
                text("stats.col.status"), text("stats.col.unit"), new Column(t("stats.col.dueDate"), Kind.DATE),
                count("stats.col.daysOverdue"), count("stats.col.workingDaysOverdue")),
                overdue.stream().map(o -> {
                    List<Object> cells = new ArrayList<>();
                    cells.add(o.number());
                    cells.add(o.title());
                    cells.add(t("enum.ProposalStatus." + o.status().name()));
                    cells.add(o.leadUnitName());
                    cells.add(o.dueDate());
                    cells.add(o.daysOverdue());
                    cells.add(o.workingDaysOverdue());
                    return cells;
                }).toList());
    }

    /** The year's proposal work report (年度提案工作报告) with the figures filled in. */
    byte[] report(Breakdown b) {
        String committee = committees.find(CurrentUsers.require().committeeId()).map(Committees.CommitteeView::name).orElse("");
        String asOf = b.asOf().format(DateTimeFormatter.ISO_LOCAL_DATE);
        Row s = b.summary();
        WordDocument doc = new WordDocument()
                .title(t("stats.report.title", committee, String.valueOf(b.year())))
                .subtitle(t("stats.report.subtitle", committee, asOf));
        doc.heading(t("stats.report.h.overview"))
                .paragraph(t("stats.report.overview", String.valueOf(b.year()), committee, s.total(), s.filed(), s.notFiled(),
                        s.merged(), s.keyProposals()));
        doc.heading(t("stats.report.h.category"))
                .paragraph(t("stats.report.category", b.byCategory().stream().filter(r -> r.total() > 0).count()))
                .table(share("category", t("stats.col.category"), b.byCategory().stream().filter(r -> r.total() > 0).toList(),
                        s.total()));
        doc.heading(t("stats.report.h.sector"))
                .table(share("sector", t("stats.col.sector"), b.bySector(), s.total()));
        doc.heading(t("stats.report.h.handling"))
                .paragraph(t("stats.report.handling", asOf, s.replied(), s.repliedOnTime(), Table.percent(s.onTimeReplyRate()),
                        b.byUnit().size()))
                .table(units(b.byUnit()));
        List<String> classes = new ArrayList<>();
        s.replyClasses().forEach((c, n) -> classes.add(t("stats.report.classItem", c, n, Table.percent(s.replyClassShares().get(c)))));
        doc.heading(t("stats.report.h.classes"))
                .paragraph(s.replied() == 0 ? t("stats.report.noReplies")
                        : t("stats.report.classes", s.replied(), String.join(t("stats.report.separator"), classes)));
        doc.heading(t("stats.report.h.satisfaction"))
                .paragraph(s.rated() == 0 ? t("stats.report.noRatings") : t("stats.report.satisfaction", s.rated(),
                        s.attitudeSatisfied(), Table.percent(s.attitudeSatisfactionRate()), s.attitudeFullySatisfied(),
                        Table.percent(s.attitudeFullySatisfiedRate()), s.resultSatisfied(), Table.percent(s.resultSatisfactionRate()),
                        s.resultFullySatisfied(), Table.percent(s.resultFullySatisfiedRate())));
        doc.heading(t("stats.report.h.overdue"));
        if (b.overdue().isEmpty()) {
            doc.paragraph(t("stats.report.noOverdue", asOf));
        } else {
            doc.paragraph(t("stats.report.overdue", asOf, b.overdue().size())).table(overdue(b.overdue()));
        }
        // the assessment's consequence figures (issue 12: "N resignations approved this term")
        MemberFigures.Term members = memberFigures.of(b.year(), b.asOf());
        doc.heading(t("dutyfig.stats.report.heading")).paragraph(memberFigures.sentence(members))
                .table(memberFigures.table(members));
        return doc.bytes();
    }

    private Table share(String id, String first, List<Row> rows, long total) {
        return counts(id, first, first, rows, total);
    }

    private Table units(List<Row> rows) {
        return new Table("unit", t("stats.table.unit"), List.of(text("stats.col.unit"), count("stats.col.assigned"),
                count("stats.col.replied"), count("stats.col.onTime"), percent("stats.col.onTimeRate"), count("stats.col.overdue")),
                rows.stream().map(r -> {
                    List<Object> cells = new ArrayList<>(List.of(r.label(), r.total(), r.replied(), r.repliedOnTime()));
                    cells.add(r.onTimeReplyRate());
                    cells.add(r.overdue());
                    return cells;
                }).toList());
    }

    private static List<Object> row(String label, long n, Double share) {
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        cells.add(n);
        cells.add(share);
        return cells;
    }

    private Column text(String key) {
        return new Column(t(key), Kind.TEXT);
    }

    private Column count(String key) {
        return new Column(t(key), Kind.COUNT);
    }

    private Column percent(String key) {
        return new Column(t(key), Kind.PERCENT);
    }

    private String t(String key, Object... args) {
        return messages.get(key, args);
    }

}
