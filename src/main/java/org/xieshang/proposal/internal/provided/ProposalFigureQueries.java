package org.xieshang.proposal.internal.provided;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.ProposalFigures;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The figures behind the statistics (docs/decisions-stats.md), read from the statistics read model
 * ({@link CaseFigureModel}, docs/stats-read-model.md): a few hundred counter rows per year instead of
 * grouped queries over every case of the year. Overdue depends on today's date, so it is counted
 * from the cases in handling past their due date (an index range); the overdue list is read row by
 * row, as a projection, from the same index.
 */
@Service
@Transactional(readOnly = true)
class ProposalFigureQueries implements ProposalFigures {

    static final Set<ProposalStatus> HANDLING = EnumSet.of(ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS,
            ProposalStatus.REHANDLING);

    private final CaseSupport cases;
    private final EntityManager em;
    private final JdbcTemplate jdbc;
    private final CaseFigureModel model;

    ProposalFigureQueries(CaseSupport cases, EntityManager em, JdbcTemplate jdbc, CaseFigureModel model) {
        this.cases = cases;
        this.em = em;
        this.jdbc = jdbc;
        this.model = model;
    }

    @Override
    @Transactional
    public void rebuild() {
        model.rebuild(CommitteeContext.current());
    }

    @Override
    public LocalDate today() {
        return cases.today();
    }

    @Override
    public List<String> categories() {
        return cases.settings().categories();
    }

    @Override
    public List<String> replyClasses() {
        return cases.settings().replyClasses();
    }

    @Override
    public List<CaseGroup> cases(List<Long> sessionIds, Long leadUnitId, LocalDate today) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, Long> overdue = new HashMap<>();
        overdueRows("select p.sessionId, p.status, p.category, p.leadUnitId, p.approvedReplyCategory, count(p) from Proposal p",
                " group by p.sessionId, p.status, p.category, p.leadUnitId, p.approvedReplyCategory", sessionIds, leadUnitId, today)
                .forEach(r -> overdue.put(Arrays.asList(r[0], r[1], r[2], r[3], r[4]), n(r[5])));
        List<Object> args = new ArrayList<>();
        String where = where(sessionIds, leadUnitId, args);
        return jdbc.query("select session_id, status, category, lead_unit_id, reply_class, cases, filed, key_cases, replied,"
                + " on_time from stat_case_figure" + where + " order by session_id, status, category, lead_unit_id, reply_class",
                (rs, i) -> {
                    Long session = rs.getLong(1);
                    ProposalStatus status = ProposalStatus.valueOf(rs.getString(2));
                    String category = rs.getString(3);
                    Long unit = orNull(rs.getLong(4));
                    String replyClass = orNull(rs.getString(5));
                    long late = overdue.getOrDefault(Arrays.asList(session, status, category, unit, replyClass), 0L);
                    return new CaseGroup(session, status, category, unit, replyClass, new Counts(rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), late));
                }, args.toArray());
    }

    @Override
    public List<RatingGroup> ratings(List<Long> sessionIds, Long leadUnitId) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(sessionIds, leadUnitId, args);
        return jdbc.query("select session_id, status, category, lead_unit_id, attitude, result, sum(cases) from stat_rating_figure"
                + where + " group by session_id, status, category, lead_unit_id, attitude, result"
                + " order by session_id, status, category, lead_unit_id, attitude, result",
                (rs, i) -> new RatingGroup(rs.getLong(1), ProposalStatus.valueOf(rs.getString(2)), rs.getString(3),
                        orNull(rs.getLong(4)), Satisfaction.valueOf(rs.getString(5)), Satisfaction.valueOf(rs.getString(6)),
                        rs.getLong(7)), args.toArray());
    }

    @Override
    public List<ProposerCaseGroup> casesByLeadProposer(List<Long> sessionIds, Long leadUnitId, LocalDate today) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, Long> overdue = new HashMap<>();
        overdueRows("select pp.memberId, p.status, p.approvedReplyCategory, count(p) from Proposal p, ProposalProposer pp",
                " and pp.proposalId = p.id and pp.role = :lead group by pp.memberId, p.status, p.approvedReplyCategory",
                sessionIds, leadUnitId, today)
                .forEach(r -> overdue.put(Arrays.asList(r[0], r[1], r[2]), n(r[3])));
        List<Object> args = new ArrayList<>();
        String where = where(sessionIds, leadUnitId, args);
        return jdbc.query("select member_id, status, reply_class, sum(cases), sum(filed), sum(key_cases), sum(replied),"
                + " sum(on_time) from stat_proposer_figure" + where + " group by member_id, status, reply_class"
                + " order by member_id, status, reply_class",
                (rs, i) -> {
                    Long member = rs.getLong(1);
                    ProposalStatus status = ProposalStatus.valueOf(rs.getString(2));
                    String replyClass = orNull(rs.getString(3));
                    long late = overdue.getOrDefault(Arrays.asList(member, status, replyClass), 0L);
                    return new ProposerCaseGroup(member, status, replyClass, new Counts(rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), late));
                }, args.toArray());
    }

    @Override
    public List<ProposerRatingGroup> ratingsByLeadProposer(List<Long> sessionIds, Long leadUnitId) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(sessionIds, leadUnitId, args);
        return jdbc.query("select member_id, attitude, result, sum(cases) from stat_rating_figure" + where
                + " group by member_id, attitude, result order by member_id, attitude, result",
                (rs, i) -> new ProposerRatingGroup(rs.getLong(1), Satisfaction.valueOf(rs.getString(2)),
                        Satisfaction.valueOf(rs.getString(3)), rs.getLong(4)), args.toArray());
    }

    @Override
    public long openBReplies(List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(List.of(CommitteeContext.current()));
        args.addAll(sessionIds);
        Long n = jdbc.queryForObject("select coalesce(sum(open_b), 0) from stat_case_figure where committee_id = ?"
                + " and session_id in (" + org.xieshang.shared.jpa.BindMarks.of(sessionIds.size()) + ")", Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    // the read model's rows of counted cases of the chosen sessions (and unit), with at least one case
    private static String where(List<Long> sessionIds, Long leadUnitId, List<Object> args) {
        args.add(CommitteeContext.current());
        args.addAll(sessionIds);
        NOT_COUNTED.forEach(s -> args.add(s.name()));
        String sql = " where committee_id = ? and session_id in (" + org.xieshang.shared.jpa.BindMarks.of(sessionIds.size()) + ") and status not in ("
                + org.xieshang.shared.jpa.BindMarks.of(NOT_COUNTED.size()) + ") and cases > 0";
        if (leadUnitId != null) {
            args.add(leadUnitId);
            sql += " and lead_unit_id = ?";
        }
        return sql;
    }

    private static Long orNull(long id) {
        return id == 0 ? null : id;
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Overdue changes with the date alone: counted from the cases in handling past due (index ix_proposal_status_due). */
    private List<Object[]> overdueRows(String select, String tail, List<Long> sessionIds, Long leadUnitId, LocalDate today) {
        Query q = em.createQuery(select + " where p.sessionId in :sessions and p.status in :handling and p.dueDate < :today"
                + unit(leadUnitId) + tail).setParameter("sessions", sessionIds).setParameter("handling", HANDLING)
                .setParameter("today", today);
        if (leadUnitId != null) {
            q.setParameter("unit", leadUnitId);
        }
        if (tail.contains(":lead")) {
            q.setParameter("lead", ProposerRole.LEAD);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> list = q.getResultList();
        return list;
    }

    @Override
    public List<OverdueCase> overdue(List<Long> sessionIds, Long leadUnitId, LocalDate today) {
        var q = em.createQuery("select p.id, p.number, p.title, p.status, p.leadUnitId, p.dueDate from Proposal p where"
                + FILTER + unit(leadUnitId)
                + " and p.status in :handling and p.dueDate < :today order by p.dueDate, p.id", Object[].class)
                .setParameter("sessions", sessionIds).setParameter("notCounted", NOT_COUNTED)
                .setParameter("handling", HANDLING).setParameter("today", today);
        if (leadUnitId != null) {
            q.setParameter("unit", leadUnitId);
        }
        return q.getResultList().stream().map(r -> new OverdueCase((Long) r[0], (String) r[1], (String) r[2],
                (ProposalStatus) r[3], (Long) r[4], (LocalDate) r[5])).toList();
    }

    // a counted case of the chosen sessions (and unit)
    private static final String FILTER = " p.sessionId in :sessions and p.status not in :notCounted";

    private static String unit(Long leadUnitId) {
        return leadUnitId != null ? " and p.leadUnitId = :unit" : "";
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
