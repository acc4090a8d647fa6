package org.xieshang.assessment.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xieshang.assessment.AssessmentFigures;
import org.xieshang.assessment.Grade;
import org.xieshang.assessment.internal.RunService.ItemView;
import org.xieshang.assessment.internal.RunService.ResultView;
import org.xieshang.assessment.internal.RunService.RunView;
import org.xieshang.document.Spreadsheets;
import org.xieshang.document.Table;
import org.xieshang.document.WordDocument;
import org.xieshang.shared.i18n.Messages;

/**
 * A run's documents: the assessment table (.xlsx, one row per member, one column per rule item)
 * and the yearly 通报 (.docx) with the grades, the members for the chair's meeting and the term's
 * consequence figures.
 */
@Component
class RunExports {

    private final Messages messages;
    private final AssessmentFigures figures;

    RunExports(Messages messages, AssessmentFigures figures) {
        this.messages = messages;
        this.figures = figures;
    }

    private String t(String key, Object... args) {
        Locale l = LocaleContextHolder.getLocale();
        return messages.get(l, key, args);
    }

    String itemLabel(ItemView i) {
        return label(i.kind(), i.activityType(), i.level());
    }

    String label(org.xieshang.assessment.DutyKind kind, org.xieshang.activity.ActivityType type,
                 org.xieshang.socialreport.AdoptionLevel level) {
        String s = t("assessment.kind." + kind.name());
        if (type != null) {
            s += "（" + t("activity.type." + type.name()) + "）";
        }
        if (level != null) {
            s += "（" + t("assessment.level." + level.name()) + "）";
        }
        return s;
    }

    Table table(RunView run) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (ResultView r : run.results()) {
            for (ItemView i : r.items()) {
                columns.putIfAbsent(itemLabel(i), columns.size());
            }
        }
        List<Table.Column> cols = new ArrayList<>();
        cols.add(new Table.Column(t("assessment.col.member"), Table.Kind.TEXT));
        columns.keySet().forEach(c -> cols.add(new Table.Column(c, Table.Kind.COUNT)));
        cols.add(new Table.Column(t("assessment.col.base"), Table.Kind.COUNT));
        cols.add(new Table.Column(t("assessment.col.total"), Table.Kind.COUNT));
        cols.add(new Table.Column(t("assessment.col.grade"), Table.Kind.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (ResultView r : run.results()) {
            List<Object> row = new ArrayList<>();
            row.add(r.memberName());
            Object[] cells = new Object[columns.size()];
            for (ItemView i : r.items()) {
                cells[columns.get(itemLabel(i))] = i.points();
            }
            for (Object c : cells) {
                row.add(c == null ? 0 : c);
            }
            row.add(run.rules().base());
            row.add(r.points());
            row.add(t("assessment.grade." + r.grade().name()));
            rows.add(row);
        }
        return new Table("assessment", t("assessment.export.sheet", run.from(), run.to()), cols, rows);
    }

    byte[] xlsx(RunView run) {
        return Spreadsheets.workbook(List.of(table(run)));
    }

    byte[] notice(RunView run, List<RunService.ConsequenceView> chairList) {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        run.results().forEach(r -> counts.merge(r.grade(), 1, Integer::sum));
        WordDocument doc = new WordDocument().title(t("assessment.notice.title", run.from().getYear()))
                .subtitle(t("assessment.notice.period", run.from(), run.to()));
        doc.heading(t("assessment.notice.overview"));
        doc.paragraph(t("assessment.notice.summary", run.results().size(), counts.getOrDefault(Grade.EXCELLENT, 0),
                counts.getOrDefault(Grade.QUALIFIED, 0), counts.getOrDefault(Grade.BASICALLY_QUALIFIED, 0),
                counts.getOrDefault(Grade.UNQUALIFIED, 0)));
        List<List<Object>> excellent = run.results().stream().filter(r -> r.grade() == Grade.EXCELLENT)
                .map(r -> List.<Object>of(r.memberName(), r.points())).toList();
        doc.heading(t("assessment.notice.excellent"));
        if (excellent.isEmpty()) {
            doc.paragraph(t("assessment.notice.none"));
        } else {
            doc.table(new Table("excellent", t("assessment.notice.excellent"), List.of(
                    new Table.Column(t("assessment.col.member"), Table.Kind.TEXT),
                    new Table.Column(t("assessment.col.total"), Table.Kind.COUNT)), excellent));
        }
        doc.heading(t("assessment.notice.chairList"));
        if (chairList.isEmpty()) {
            doc.paragraph(t("assessment.notice.none"));
        } else {
            doc.table(new Table("chair", t("assessment.notice.chairList"), List.of(
                    new Table.Column(t("assessment.col.member"), Table.Kind.TEXT),
                    new Table.Column(t("assessment.col.total"), Table.Kind.COUNT),
                    new Table.Column(t("assessment.col.absences"), Table.Kind.COUNT),
                    new Table.Column(t("assessment.col.grade"), Table.Kind.TEXT)),
                    chairList.stream().map(c -> List.<Object>of(c.memberName(), c.points(), c.absences(),
                            t("assessment.grade." + c.grade().name()))).toList()));
        }
        AssessmentFigures.Figures f = figures.between(run.from(), run.to());
        doc.heading(t("assessment.notice.consequences"));
        doc.paragraph(t("assessment.notice.figures", f.warnings(), f.persuadedToResign(), f.admonishmentTalks(),
                f.resignationsApproved()));
        return doc.bytes();
    }
}
