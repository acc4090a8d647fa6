package org.xieshang.proposal.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
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
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;

/**
 * The year's proposal statistics. Every figure is defined in docs/decisions-stats.md; keep the two
 * in step. Figures come from a few grouped queries (a small "cube" of counts per session, status,
 * category, lead unit and reply class, and one per lead proposer for sectors), never from loading
 * the cases one by one; only the overdue list is read row by row, as a projection.
 */
@Service
@Transactional(readOnly = true)
public class ProposalStats {

    /** Cases that never reached the office do not count as proposals of the year. */
    static final Set<ProposalStatus> NOT_COUNTED = EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.AWAITING_COSIGNERS,
            ProposalStatus.WITHDRAWN);
    static final Set<ProposalStatus> HANDLING = EnumSet.of(ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS,
            ProposalStatus.REHANDLING);
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
                 Map<String, Long> bySector, List<UnitStats> byUnit, List<OverdueCase> overdue) {
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

    private final CaseSupport cases;
    private final ReferenceData reference;
    private final MemberDirectory members;
    private final WorkingCalendar calendar;
    private final Messages messages;
    private final StatsDocuments documents;
    private final EntityManager em;

    ProposalStats(CaseSupport cases, ReferenceData reference, MemberDirectory members, WorkingCalendar calendar,
                  Messages messages, StatsDocuments documents, EntityManager em) {
        this.documents = documents;
        this.cases = cases;
        this.reference = reference;
        this.members = members;
        this.calendar = calendar;
        this.messages = messages;
        this.em = em;
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
                byCategory, bySector, byUnit, overdue);
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
        List<String> classes = cases.settings().replyClasses();

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
        cases.settings().categories().forEach(c -> byCategory.put(c, new Tally(c, null, classes)));
        Map<Long, Tally> byUnit = new HashMap<>();
        Map<String, Tally> bySector = new HashMap<>();
        List<Overdue> overdue = List.of();

        List<Long> sessionIds = sessions.stream().map(ReferenceData.SessionView::id).toList();
        if (!sessionIds.isEmpty()) {
            for (Object[] r : rows("select p.sessionId, p.status, p.category, p.leadUnitId, p.approvedReplyCategory, " + METRICS
                    + " from Proposal p where" + FILTER + (scope.unitId() != null ? " and p.leadUnitId = :unit" : "")
                    + " group by p.sessionId, p.status, p.category, p.leadUnitId, p.approvedReplyCategory", sessionIds, scope, today, true)) {
                Counts c = Counts.of(r, 5);
                ProposalStatus status = (ProposalStatus) r[1];
                all.add(status, (String) r[4], c);
                bySession.get((Long) r[0]).add(status, (String) r[4], c);
                byStatus.get(status).add(status, (String) r[4], c);
                byCategory.computeIfAbsent((String) r[2], k -> new Tally(k, null, classes)).add(status, (String) r[4], c);
                if (r[3] != null) {
                    byUnit.computeIfAbsent((Long) r[3], k -> new Tally(String.valueOf(k), k, classes)).add(status, (String) r[4], c);
                }
            }
            for (Object[] r : rows("select p.sessionId, p.status, p.category, p.leadUnitId, e.attitude, e.result, count(e)"
                    + rated(scope) + " group by p.sessionId, p.status, p.category, p.leadUnitId, e.attitude, e.result",
                    sessionIds, scope, today, false)) {
                Rating attitude = (Rating) r[4];
                Rating result = (Rating) r[5];
                long n = ((Number) r[6]).longValue();
                all.rate(attitude, result, n);
                bySession.get((Long) r[0]).rate(attitude, result, n);
                byStatus.get((ProposalStatus) r[1]).rate(attitude, result, n);
                byCategory.computeIfAbsent((String) r[2], k -> new Tally(k, null, classes)).rate(attitude, result, n);
                if (r[3] != null) {
                    byUnit.computeIfAbsent((Long) r[3], k -> new Tally(String.valueOf(k), k, classes)).rate(attitude, result, n);
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
            for (Object[] r : rows("select pp.memberId, p.status, p.approvedReplyCategory, " + METRICS
                    + " from Proposal p, ProposalProposer pp where pp.proposalId = p.id and pp.role = :lead and" + FILTER
                    + (scope.unitId() != null ? " and p.leadUnitId = :unit" : "")
                    + " group by pp.memberId, p.status, p.approvedReplyCategory", sessionIds, scope, today, true)) {
                sectorTally.apply((Long) r[0]).add((ProposalStatus) r[1], (String) r[2], Counts.of(r, 3));
            }
            for (Object[] r : rows("select pp.memberId, e.attitude, e.result, count(e)" + rated(scope)
                    + " group by pp.memberId, e.attitude, e.result", sessionIds, scope, today, false)) {
                sectorTally.apply((Long) r[0]).rate((Rating) r[1], (Rating) r[2], ((Number) r[3]).longValue());
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
        var q = em.createQuery("select p.id, p.number, p.title, p.status, p.leadUnitId, p.dueDate from Proposal p where"
                + FILTER + (scope.unitId() != null ? " and p.leadUnitId = :unit" : "")
                + " and p.status in :handling and p.dueDate < :today order by p.dueDate, p.id", Object[].class)
                .setParameter("sessions", sessionIds).setParameter("notCounted", NOT_COUNTED)
                .setParameter("handling", HANDLING).setParameter("today", today);
        if (scope.unitId() != null) {
            q.setParameter("unit", scope.unitId());
        }
        Map<LocalDate, Integer> working = new HashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        reference.units().forEach(u -> unitNames.put(u.id(), u.name()));
        List<Overdue> out = new ArrayList<>();
        for (Object[] r : q.getResultList()) {
            LocalDate due = (LocalDate) r[5];
            int workingDays = working.computeIfAbsent(due, d -> calendar.workingDaysBetween(d, today));
            out.add(new Overdue((Long) r[0], (String) r[1], (String) r[2], (ProposalStatus) r[3], (Long) r[4],
                    r[4] == null ? null : unitNames.get((Long) r[4]), due, ChronoUnit.DAYS.between(due, today), workingDays));
        }
        return out;
    }

    // a counted case of the chosen sessions (and unit)
    private static final String FILTER = " p.sessionId in :sessions and p.status not in :notCounted";
    // per group: cases, filed (numbered), key, replied (an approved reply), replied on time, overdue now
    private static final String METRICS = "count(p), sum(case when p.numberSeq is not null then 1 else 0 end), "
            + "sum(case when p.key = true then 1 else 0 end), sum(case when p.repliedOn is not null then 1 else 0 end), "
            + "sum(case when p.repliedOn is not null and p.dueDate is not null and p.repliedOn <= p.dueDate then 1 else 0 end), "
            + "sum(case when p.status in :handling and p.dueDate < :today then 1 else 0 end)";
    // the lead proposer's latest rating of each counted case: highest round, then latest
    private static String rated(Scope scope) {
        return " from Evaluation e, ProposalProposer pp, Proposal p where pp.proposalId = e.proposalId"
            + " and pp.memberId = e.memberId and pp.role = :lead and p.id = e.proposalId and" + FILTER
            + (scope.unitId() != null ? " and p.leadUnitId = :unit" : "")
            + " and not exists (select 1 from Evaluation x where x.proposalId = e.proposalId and x.memberId = e.memberId"
            + " and (x.round > e.round or (x.round = e.round and x.id > e.id)))";
    }

    private List<Object[]> rows(String jpql, List<Long> sessionIds, Scope scope, LocalDate today, boolean metrics) {
        Query q = em.createQuery(jpql).setParameter("sessions", sessionIds).setParameter("notCounted", NOT_COUNTED);
        if (jpql.contains(":lead")) {
            q.setParameter("lead", ProposerRole.LEAD);
        }
        if (metrics) {
            q.setParameter("handling", HANDLING).setParameter("today", today);
        }
        if (jpql.contains(":unit")) {
            q.setParameter("unit", scope.unitId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> list = q.getResultList();
        return list;
    }

    /** The metric columns of a cube row, from the given index on. */
    private record Counts(long total, long filed, long key, long replied, long onTime, long overdue) {
        static Counts of(Object[] r, int from) {
            return new Counts(n(r[from]), n(r[from + 1]), n(r[from + 2]), n(r[from + 3]), n(r[from + 4]), n(r[from + 5]));
        }

        private static long n(Object o) {
            return o == null ? 0 : ((Number) o).longValue();
        }
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

        void rate(Rating attitude, Rating result, long n) {
            rated += n;
            attitudeOk += attitude != Rating.UNSATISFIED ? n : 0;
            attitudeFull += attitude == Rating.SATISFIED ? n : 0;
            resultOk += result != Rating.UNSATISFIED ? n : 0;
            resultFull += result == Rating.SATISFIED ? n : 0;
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
