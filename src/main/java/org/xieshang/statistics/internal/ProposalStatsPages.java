package org.xieshang.statistics.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.committee.ReferenceData;
import org.xieshang.statistics.internal.ProposalStats.Breakdown;
import org.xieshang.statistics.internal.ProposalStats.Row;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics dashboard: charts (drawn by /static/stats.js from data-chart attributes) and the
 * same figures as plain tables, each downloadable as .xlsx; the yearly report for staff and leaders.
 * Units see the figures of the cases they lead.
 */
@PageController
class ProposalStatsPages implements NavContributor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Overdue rows shown on the page; the workbook has them all. */
    static final int OVERDUE_ROWS = 200;

    private final ProposalStats stats;
    private final StatsDocuments documents;
    private final ReferenceData reference;
    private final Messages messages;
    private final MemberFigures memberFigures;

    ProposalStatsPages(ProposalStats stats, StatsDocuments documents, ReferenceData reference, Messages messages,
                       MemberFigures memberFigures) {
        this.memberFigures = memberFigures;
        this.stats = stats;
        this.documents = documents;
        this.reference = reference;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        boolean unit = user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && user.unitId() != null;
        return user.hasAny(ProposalStats.READ_ALL) || unit ? List.of(new NavItem("stats.nav", "/stats", 60)) : List.of();
    }

    @GetMapping("/stats")
    String page(@RequestParam(required = false) String year, @RequestParam(required = false) String sessionId, Model model,
                HttpServletResponse response) {
        Integer y = null;
        Long s = null;
        Breakdown b = null;
        FormErrors errors = FormErrors.none();
        try {
            y = parse(year, "year", Integer::valueOf);
            s = parse(sessionId, "sessionId", Long::valueOf);
            b = stats.breakdown(y, s);
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            errors = FormErrors.of(invalid, messages);
        }
        int shown = b != null ? b.year() : y != null && y >= 1949 && y <= 2200 ? y : stats.today().getYear();
        model.addAttribute("year", shown);
        model.addAttribute("yearText", b == null && year != null ? year : String.valueOf(shown));
        model.addAttribute("sessionId", b == null ? null : b.sessionId());
        model.addAttribute("sessions", reference.sessions().stream().filter(x -> x.year() == shown).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("stats", b);
        model.addAttribute("tables", b == null ? List.of() : documents.tables(b));
        model.addAttribute("charts", b == null ? Map.of() : charts(b));
        model.addAttribute("unitName", b == null || b.unitId() == null ? null
                : reference.unit(b.unitId()).map(ReferenceData.UnitView::name).orElse(""));
        model.addAttribute("canReport", ProposalStats.readsAll());
        // the assessment's figures are the committee's, not a unit's
        model.addAttribute("memberTable", b == null || b.unitId() != null || !ProposalStats.readsAll() ? null
                : memberFigures.table(memberFigures.of(b.year(), b.asOf())));
        model.addAttribute("overdueRows", OVERDUE_ROWS);
        model.addAttribute("query", "year=" + shown + (b != null && b.sessionId() != null ? "&sessionId=" + b.sessionId() : ""));
        return "statistics/stats";
    }

    @GetMapping("/stats/tables.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String year, @RequestParam(required = false) String sessionId,
                                    @RequestParam(required = false) String table) {
        return ProposalStatsController.download(stats.workbook(parse(year, "year", Integer::valueOf),
                parse(sessionId, "sessionId", Long::valueOf), table));
    }

    @GetMapping("/stats/report.docx")
    ResponseEntity<byte[]> report(@RequestParam(required = false) String year) {
        return ProposalStatsController.download(stats.report(parse(year, "year", Integer::valueOf)));
    }

    /** Chart data for stats.js: kind, labels and series of numbers (rates in percent). */
    private Map<String, String> charts(Breakdown b) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("status", chart("bar", b.byStatus().stream().map(Row::label).toList(),
                series(t("stats.chart.cases"), b.byStatus().stream().map(r -> (Number) r.total()).toList()), false));
        List<Row> categories = b.byCategory().stream().filter(r -> r.total() > 0).toList();
        out.put("category", chart("hbar", categories.stream().map(Row::label).toList(),
                series(t("stats.chart.cases"), categories.stream().map(r -> (Number) r.total()).toList()), false));
        List<String> classes = new ArrayList<>(b.summary().replyClasses().keySet());
        out.put("classes", chart("pie", classes.stream().map(c -> t("stats.class", c)).toList(),
                series(t("stats.chart.cases"), classes.stream().map(c -> (Number) b.summary().replyClasses().get(c)).toList()), false));
        Row s = b.summary();
        out.put("satisfaction", chart("bar", List.of(t("stats.chart.attitude"), t("stats.chart.result")), List.of(
                Map.of("name", t("stats.chart.satisfiedOrBasically"), "values", percents(s.attitudeSatisfactionRate(), s.resultSatisfactionRate())),
                Map.of("name", t("stats.chart.fullySatisfied"), "values", percents(s.attitudeFullySatisfiedRate(), s.resultFullySatisfiedRate()))),
                true));
        List<Row> units = b.byUnit().stream().filter(r -> r.replied() > 0).limit(30).toList();
        out.put("units", chart("hbar", units.stream().map(Row::label).toList(),
                series(t("stats.col.onTimeRate"), units.stream().map(r -> percent(r.onTimeReplyRate())).toList()), true));
        return out;
    }

    private static List<Map<String, Object>> series(String name, List<Number> values) {
        return List.of(Map.of("name", name, "values", values));
    }

    private static List<Number> percents(Double... rates) {
        List<Number> out = new ArrayList<>();
        for (Double r : rates) {
            out.add(percent(r));
        }
        return out;
    }

    private static Number percent(Double rate) {
        return rate == null ? 0 : Math.round(rate * 1000) / 10.0;
    }

    private static String chart(String kind, List<String> labels, List<Map<String, Object>> series, boolean percent) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put("labels", labels);
        data.put("series", series);
        data.put("percent", percent);
        return JSON.writeValueAsString(data);
    }

    private String t(String key, Object... args) {
        return messages.get(key, args);
    }

    private static <T> T parse(String text, String field, java.util.function.Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, field.equals("year") ? "validation.year" : "stats.validation.session");
        }
    }
}
