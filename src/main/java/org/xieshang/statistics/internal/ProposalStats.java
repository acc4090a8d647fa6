package org.xieshang.statistics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.proposal.ProposalFigures;
import org.xieshang.proposal.ProposalFigures.Counts;
import org.xieshang.proposal.ProposalFigures.Satisfaction;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;

/**
 * The year's proposal statistics. Every figure is defined in docs/decisions-stats.md; keep the two
 * in step. Figures come from the proposal module's grouped counts ({@link ProposalFigures}: a small
 * "cube" per session, status, category, lead unit and reply class, and one per lead proposer for
 * sectors), summed here into the rows of each table.
 */
@Service
@Transactional(readOnly = true)
public class ProposalStats {

    /** Cases that never reached the office do not count as proposals of the year. */
    static final Set<ProposalStatus> NOT_COUNTED = ProposalFigures.NOT_COUNTED;
    /** Who sees every committee figure; units see those of the cases they lead. */
    static final Role[] READ_ALL = {Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV};
    static final String NO_SECTOR = "none";

    // --- the contract of GET /api/v1/proposals/stats (API.md) ---

    record UnitStats(Long unitId, String name, long assigned, long replied, long onTime, long overdue) {
    }

    record OverdueCase(Long id, String number, String title, ProposalStatus status, Long leadUnitId, LocalDate dueDate,
                       long daysOverdue) {
    }

    record Stats(int year, long total, Map<String, Long> byStatus, Double onTimeReplyRate, Double satisfactionRate,
                 Map<String, Long> replyCategories, long filed, long key, long replied, long repliedOnTime, long rated,
                 long resultSatisfied, long attitudeSatisfied, Double attitudeSatisfactionRate,
                 Double resultSatisfactionRate, Map<String, Double> replyCategoryShares, Map<String, Long> byCategory,
                 Map<String, Long> bySector, List<UnitStats> byUnit, List<OverdueCase> overdue, long bRepliesOpen,
                 MemberFigures.Term members) {
    }

    // --- the breakdown (GET /api/v1/proposals/stats/breakdown) ---

    /**
     * The figures of one group of cases (a status, category, unit, sector, session, or all).
     * "Satisfied" counts SATISFIED and BASICALLY_SATISFIED, "fully satisfied" only SATISFIED;
     * attitude and result are counted separately.
     */
    public record Row(String group, Long id, String label, long total, long filed, long notFiled, long merged, long keyProposals,
               long replied, long repliedOnTime, Double onTimeReplyRate, long overdue, long rated,
               long attitudeSatisfied, long attitudeFullySatisfied, Double attitudeSatisfactionRate,
               Double attitudeFullySatisfiedRate, long resultSatisfied, long resultFullySatisfied,
               Double resultSatisfactionRate, Double resultFullySatisfiedRate, Map<String, Long> replyClasses,
               Map<String, Double> replyClassShares) {
    }

    /** An open case past its due date; days overdue in calendar days and in working days (the committee's calendar). */
    public record Overdue(Long id, String number, String title, ProposalStatus status, Long leadUnitId, String leadUnitName,
                   LocalDate dueDate, long daysOverdue, int workingDaysOverdue) {
    }

    /** unitId: the unit the figures are limited to (a unit's own view), null for the whole committee. */
    public record Breakdown(int year, Long sessionId, Long unitId, LocalDate asOf, List<String> replyClasses, Row summary,
                     List<Row> bySession, List<Row> byStatus, List<Row> byCategory, List<Row> byUnit, List<Row> bySector,
                     List<Overdue> overdue) {
    }

    /** Which cases a reader's figures cover: all of the committee's, or those one unit leads. */
    record Scope(Long unitId) {
        static final Scope ALL = new Scope(null);
    }

    private final ProposalFigures cases;
    private final ReferenceData reference;
    private final MemberDirectory members;
    private final WorkingCalendar calendar;
    private final Messages messages;
    private final StatsDocuments documents;
    private final MemberFigures memberFigures;
    private final org.xieshang.audit.AuditTrail audit;

    ProposalStats(ProposalFigures cases, ReferenceData reference, MemberDirectory members, WorkingCalendar calendar,
                  Messages messages, StatsDocuments documents, MemberFigures memberFigures,
                  org.xieshang.audit.AuditTrail audit) {
        this.audit = audit;
        this.documents = documents;
        this.memberFigures = memberFigures;
        this.cases = cases;
        this.reference = reference;
        this.members = members;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** The reader's scope: staff and leaders everything, a unit its own cases, anyone else nothing. */
    static Scope scope() {
        CurrentUser user = CurrentUsers.require();
        if (user.hasAny(READ_ALL)) {
            return Scope.ALL;
        }
        if (user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && user.unitId() != null) {
            return new Scope(user.unitId());
        }
        throw new Forbidden();
    }

    /** Today where the committee works (the default year). */
    LocalDate today() {
        return cases.today();
    }

    static boolean readsAll() {
        return CurrentUsers.current().map(u -> u.hasAny(READ_ALL)).orElse(false);
    }

    Stats of(Integer year) {
        CurrentUsers.requireAny(READ_ALL);
        Breakdown b = compute(year, null, Scope.ALL);
        Row s = b.summary();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        b.byStatus().forEach(r -> byStatus.put(r.group(), r.total()));
        Map<String, Long> byCategory = new TreeMap<>();
        b.byCategory().stream().filter(r -> r.total() > 0).forEach(r -> byCategory.put(r.group(), r.total()));
        Map<String, Long> bySector = new TreeMap<>();
        b.bySector().stream().filter(r -> r.id() != null).forEach(r -> bySector.put(r.label(), r.total()));
        List<UnitStats> byUnit = b.byUnit().stream()
                .map(r -> new UnitStats(r.id(), r.label(), r.total(), r.replied(), r.repliedOnTime(), r.overdue()))
                .sorted(Comparator.comparing(UnitStats::assigned).reversed().thenComparing(UnitStats::unitId)).toList();
        List<OverdueCase> overdue = b.overdue().stream().map(o -> new OverdueCase(o.id(), o.number(), o.title(), o.status(),
                o.leadUnitId(), o.dueDate(), o.daysOverdue())).toList();
        return new Stats(b.year(), s.total(), byStatus, s.onTimeReplyRate(), s.resultSatisfactionRate(), s.replyClasses(),
                s.filed(), s.keyProposals(), s.replied(), s.repliedOnTime(), s.rated(), s.resultSatisfied(),
                s.attitudeSatisfied(), s.attitudeSatisfactionRate(), s.resultSatisfactionRate(), s.replyClassShares(),
                byCategory, bySector, byUnit, overdue, cases.openBReplies(reference.sessions().stream()
                        .filter(x -> x.year() == b.year()).map(ReferenceData.SessionView::id).toList()),
                memberFigures.of(b.year(), b.asOf()));
    }

    /**
     * Rebuilds the committee's statistics read model from the cases' rows (docs/stats-read-model.md),
     * after a bulk import written behind the application's back; for admins.
     */
    @Transactional
    void rebuild() {
        CurrentUsers.requireAny(Role.ADMIN);
        cases.rebuild();
        audit.record("ProposalStatistics", org.xieshang.shared.tenancy.CommitteeContext.current(), "REBUILD", Map.of());
    }

    /** A generated file and the name to offer it under. */
    record Download(String filename, String contentType, byte[] content) {
    }

    /**
     * The dashboard's tables as one workbook (a sheet per table), or only the table with the
     * given id; in the reader's scope.
     */
    Download workbook(Integer year, Long sessionId, String table) {
        Breakdown b = breakdown(year, sessionId);
        List<org.xieshang.document.Table> tables = documents.tables(b);
        if (table != null && !table.isBlank()) {
            tables = tables.stream().filter(t -> t.id().equals(table)).toList();
            if (tables.isEmpty()) {
                throw InvalidInput.field("table", "stats.validation.table");
            }
        }
        String name = messages.get("stats.file.xlsx", String.valueOf(b.year()))
                + (tables.size() == 1 ? "-" + tables.get(0).title() : "") + ".xlsx";
        return new Download(name, org.xieshang.document.Spreadsheets.CONTENT_TYPE,
                org.xieshang.document.Spreadsheets.workbook(tables));
    }

    /** The year's proposal work report; for staff and leaders (a unit's figures are not a committee report). */
    Download report(Integer year) {
        CurrentUsers.requireAny(READ_ALL);
        Breakdown b = compute(year, null, Scope.ALL);
        return new Download(messages.get("stats.file.docx", String.valueOf(b.year())) + ".docx",
                org.xieshang.document.WordDocument.CONTENT_TYPE, documents.report(b));
    }

    /** The breakdown for the reader's scope; year defaults to the session's, or the current year. */
    Breakdown breakdown(Integer year, Long sessionId) {
        return compute(year, sessionId, scope());
    }

    Breakdown compute(Integer year, Long sessionId, Scope scope) {
        ReferenceData.SessionView session = null;
        if (sessionId != null) {
            session = reference.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                    .orElseThrow(() -> InvalidInput.field("sessionId", "stats.validation.session"));
        }
        int y = year != null ? year : session != null ? session.year() : cases.today().getYear();
        if (y < 1949 || y > 2200) {
            throw InvalidInput.field("year", "validation.year");
        }
        if (session != null && session.year() != y) {
            throw InvalidInput.field("sessionId", "stats.validation.sessionYear", y);
        }
        List<ReferenceData.SessionView> sessions = session != null ? List.of(session)
                : reference.sessions().stream().filter(s -> s.year() == y).toList();
        LocalDate today = cases.today();
        List<String> classes = cases.replyClasses();

        Tally all = new Tally(null, null, classes);
        Map<Long, Tally> bySession = new LinkedHashMap<>();
        sessions.forEach(s -> bySession.put(s.id(), new Tally(String.valueOf(s.id()), s.id(), classes)));
        Map<ProposalStatus, Tally> byStatus = new LinkedHashMap<>();
        for (ProposalStatus s : ProposalStatus.values()) {
            if (!NOT_COUNTED.contains(s)) {
                byStatus.put(s, new Tally(s.name(), null, classes));
            }
        }
        Map<String, Tally> byCategory = new LinkedHashMap<>();
        cases.categories().forEach(c -> byCategory.put(c, new Tally(c, null, classes)));
        Map<Long, Tally> byUnit = new HashMap<>();
        Map<String, Tally> bySector = new HashMap<>();
        List<Overdue> overdue = List.of();

        List<Long> sessionIds = sessions.stream().map(ReferenceData.SessionView::id).toList();
        if (!sessionIds.isEmpty()) {
            for (ProposalFigures.CaseGroup r : cases.cases(sessionIds, scope.unitId(), today)) {
                Counts c = r.counts();
                all.add(r.status(), r.replyClass(), c);
                bySession.get(r.sessionId()).add(r.status(), r.replyClass(), c);
                byStatus.get(r.status()).add(r.status(), r.replyClass(), c);
                byCategory.computeIfAbsent(r.category(), k -> new Tally(k, null, classes)).add(r.status(), r.replyClass(), c);
                if (r.leadUnitId() != null) {
                    byUnit.computeIfAbsent(r.leadUnitId(), k -> new Tally(String.valueOf(k), k, classes))
                            .add(r.status(), r.replyClass(), c);
                }
            }
            for (ProposalFigures.RatingGroup r : cases.ratings(sessionIds, scope.unitId())) {
                Satisfaction attitude = r.attitude();
                Satisfaction result = r.result();
                long n = r.count();
                all.rate(attitude, result, n);
                bySession.get(r.sessionId()).rate(attitude, result, n);
                byStatus.get(r.status()).rate(attitude, result, n);
                byCategory.computeIfAbsent(r.category(), k -> new Tally(k, null, classes)).rate(attitude, result, n);
                if (r.leadUnitId() != null) {
                    byUnit.computeIfAbsent(r.leadUnitId(), k -> new Tally(String.valueOf(k), k, classes)).rate(attitude, result, n);
                }
            }
            // sectors: counted per lead proposer in SQL, members mapped to their sector here (a committee has
            // hundreds of members, not millions); collective cases without a lead member are left out
            Map<Long, Long> sectorOf = new HashMap<>();
            members.all().forEach(m -> {
                if (m.sectorId() != null) {
                    sectorOf.put(m.id(), m.sectorId());
                }
            });
            Function<Long, Tally> sectorTally = member -> {
                Long sector = sectorOf.get(member);
                return bySector.computeIfAbsent(sector == null ? NO_SECTOR : String.valueOf(sector),
                        k -> new Tally(k, sector, classes));
            };
            for (ProposalFigures.ProposerCaseGroup r : cases.casesByLeadProposer(sessionIds, scope.unitId(), today)) {
                sectorTally.apply(r.memberId()).add(r.status(), r.replyClass(), r.counts());
            }
            for (ProposalFigures.ProposerRatingGroup r : cases.ratingsByLeadProposer(sessionIds, scope.unitId())) {
                sectorTally.apply(r.memberId()).rate(r.attitude(), r.result(), r.count());
            }
            overdue = overdue(sessionIds, scope, today);
        }

        Map<Long, String> sessionNames = new HashMap<>();
        sessions.forEach(s -> sessionNames.put(s.id(), s.name()));
        Map<Long, String> sectorNames = new HashMap<>();
        reference.sectors().forEach(s -> sectorNames.put(s.id(), s.name()));
        Comparator<Row> largestFirst = Comparator.comparing(Row::total).reversed().thenComparing(Row::label,
                Comparator.nullsLast(Comparator.naturalOrder()));
        return new Breakdown(y, sessionId, scope.unitId(), today, classes, all.row(messages.get("stats.all")),
                rows(bySession.values(), t -> sessionNames.get(t.id), null),
                rows(byStatus.values(), t -> messages.get("enum.ProposalStatus." + t.group), null),
                rows(byCategory.values(), t -> t.group, null),
                rows(byUnit.values(), t -> unitName(t.id), largestFirst),
                rows(bySector.values(), t -> t.id == null ? messages.get("stats.sector.none") : sectorNames.get(t.id), largestFirst),
                overdue);
    }

    private static List<Row> rows(Collection<Tally> tallies, Function<Tally, String> label, Comparator<Row> order) {
        List<Row> out = new ArrayList<>(tallies.stream().map(t -> t.row(label.apply(t))).toList());
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    private String unitName(Long id) {
        return reference.unit(id).map(ReferenceData.UnitView::name).orElse("#" + id);
    }

    /** Open cases past due, oldest due date first; working days computed once per distinct due date. */
    private List<Overdue> overdue(List<Long> sessionIds, Scope scope, LocalDate today) {
        Map<LocalDate, Integer> working = new HashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        reference.units().forEach(u -> unitNames.put(u.id(), u.name()));
        List<Overdue> out = new ArrayList<>();
        for (ProposalFigures.OverdueCase r : cases.overdue(sessionIds, scope.unitId(), today)) {
            LocalDate due = r.dueDate();
            int workingDays = working.computeIfAbsent(due, d -> calendar.workingDaysBetween(d, today));
            out.add(new Overdue(r.id(), r.number(), r.title(), r.status(), r.leadUnitId(),
                    r.leadUnitId() == null ? null : unitNames.get(r.leadUnitId()), due, ChronoUnit.DAYS.between(due, today),
                    workingDays));
        }
        return out;
    }

    /** Sums of one group while the cube rows are read. */
    private static final class Tally {
        final String group;
        final Long id;
        final Map<String, Long> classes = new LinkedHashMap<>();
        long total, filed, notFiled, merged, key, replied, onTime, overdue;
        long rated, attitudeOk, attitudeFull, resultOk, resultFull;

        Tally(String group, Long id, List<String> configured) {
            this.group = group;
            this.id = id;
            configured.forEach(c -> classes.put(c, 0L));
        }

        void add(ProposalStatus status, String replyClass, Counts c) {
            total += c.total();
            filed += c.filed();
            notFiled += status == ProposalStatus.NOT_FILED ? c.total() : 0;
            merged += status == ProposalStatus.MERGED ? c.total() : 0;
            key += c.key();
            replied += c.replied();
            onTime += c.onTime();
            overdue += c.overdue();
            if (replyClass != null && c.replied() > 0) {
                // a class no longer configured still shows, so that the counts add up
                classes.merge(replyClass, c.replied(), Long::sum);
            }
        }

        void rate(Satisfaction attitude, Satisfaction result, long n) {
            rated += n;
            attitudeOk += attitude != Satisfaction.UNSATISFIED ? n : 0;
            attitudeFull += attitude == Satisfaction.SATISFIED ? n : 0;
            resultOk += result != Satisfaction.UNSATISFIED ? n : 0;
            resultFull += result == Satisfaction.SATISFIED ? n : 0;
        }

        Row row(String label) {
            Map<String, Double> shares = new LinkedHashMap<>();
            classes.forEach((c, n) -> shares.put(c, ProposalStats.rate(n, replied)));
            return new Row(group, id, Objects.requireNonNullElse(label, group == null ? "" : group), total, filed, notFiled,
                    merged, key, replied, onTime, ProposalStats.rate(onTime, replied), overdue, rated, attitudeOk, attitudeFull,
                    ProposalStats.rate(attitudeOk, rated), ProposalStats.rate(attitudeFull, rated), resultOk, resultFull,
                    ProposalStats.rate(resultOk, rated), ProposalStats.rate(resultFull, rated), new LinkedHashMap<>(classes), shares);
        }
    }

    /** A share in [0, 1] rounded to 4 decimals; null when there is nothing to divide by. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
