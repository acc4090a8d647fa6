package org.xieshang.proposal.internal.provided;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xieshang.proposal.ProposalFigures;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.proposal.internal.Rating;

/**
 * The test oracle of the statistics read model: the grouped queries over the raw rows that served
 * the statistics before it (docs/stats-read-model.md), unchanged but for their cache.
 */
public class RawFigureQueries implements ProposalFigures {

    static final Set<ProposalStatus> HANDLING = EnumSet.of(ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS,
            ProposalStatus.REHANDLING);

    private final CaseSupport cases;
    private final EntityManager em;

    public RawFigureQueries(CaseSupport cases, EntityManager em) {
        this.cases = cases;
        this.em = em;
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
        return cached("cases", sessionIds, leadUnitId, today, () -> rows("select p.sessionId, p.status, p.category, p.leadUnitId, p.approvedReplyCategory, " + METRICS
                + " from Proposal p where" + FILTER + unit(leadUnitId)
                + " group by p.sessionId, p.status, p.category, p.leadUnitId, p.approvedReplyCategory",
                sessionIds, leadUnitId, today, true).stream()
                .map(r -> new CaseGroup((Long) r[0], (ProposalStatus) r[1], (String) r[2], (Long) r[3], (String) r[4],
                        counts(r, 5)))
                .toList());
    }

    @Override
    public List<RatingGroup> ratings(List<Long> sessionIds, Long leadUnitId) {
        return cached("ratings", sessionIds, leadUnitId, null, () -> rows("select p.sessionId, p.status, p.category, p.leadUnitId, e.attitude, e.result, count(e)"
                + rated(leadUnitId) + " group by p.sessionId, p.status, p.category, p.leadUnitId, e.attitude, e.result",
                sessionIds, leadUnitId, null, false).stream()
                .map(r -> new RatingGroup((Long) r[0], (ProposalStatus) r[1], (String) r[2], (Long) r[3],
                        satisfaction(r[4]), satisfaction(r[5]), n(r[6])))
                .toList());
    }

    @Override
    public List<ProposerCaseGroup> casesByLeadProposer(List<Long> sessionIds, Long leadUnitId, LocalDate today) {
        return cached("byProposer", sessionIds, leadUnitId, today, () -> rows("select pp.memberId, p.status, p.approvedReplyCategory, " + METRICS
                + " from Proposal p, ProposalProposer pp where pp.proposalId = p.id and pp.role = :lead and" + FILTER
                + unit(leadUnitId) + " group by pp.memberId, p.status, p.approvedReplyCategory",
                sessionIds, leadUnitId, today, true).stream()
                .map(r -> new ProposerCaseGroup((Long) r[0], (ProposalStatus) r[1], (String) r[2], counts(r, 3)))
                .toList());
    }

    @Override
    public List<ProposerRatingGroup> ratingsByLeadProposer(List<Long> sessionIds, Long leadUnitId) {
        return cached("ratingsByProposer", sessionIds, leadUnitId, null, () -> rows("select pp.memberId, e.attitude, e.result, count(e)" + rated(leadUnitId)
                + " group by pp.memberId, e.attitude, e.result", sessionIds, leadUnitId, null, false).stream()
                .map(r -> new ProposerRatingGroup((Long) r[0], satisfaction(r[1]), satisfaction(r[2]), n(r[3])))
                .toList());
    }

    @Override
    public void rebuild() {
        throw new UnsupportedOperationException("the oracle has nothing to rebuild");
    }

    @Override
    public long openBReplies(List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(p) from Proposal p where p.sessionId in :sessions"
                        + " and p.approvedReplyCategory = 'B' and p.implementedOn is null", Long.class)
                .setParameter("sessions", sessionIds).getSingleResult();
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
    // per group: cases, filed (numbered), key, replied (an approved reply), replied on time, overdue now
    private static final String METRICS = "count(p), sum(case when p.numberSeq is not null then 1 else 0 end), "
            + "sum(case when p.key = true then 1 else 0 end), sum(case when p.repliedOn is not null then 1 else 0 end), "
            + "sum(case when p.repliedOn is not null and p.dueDate is not null and p.repliedOn <= p.dueDate then 1 else 0 end), "
            + "sum(case when p.status in :handling and p.dueDate < :today then 1 else 0 end)";

    private static String unit(Long leadUnitId) {
        return leadUnitId != null ? " and p.leadUnitId = :unit" : "";
    }

    // the lead proposer's latest rating of each counted case: highest round, then latest
    private static String rated(Long leadUnitId) {
        return " from Evaluation e, ProposalProposer pp, Proposal p where pp.proposalId = e.proposalId"
            + " and pp.memberId = e.memberId and pp.role = :lead and p.id = e.proposalId and" + FILTER
            + unit(leadUnitId)
            // a split case is rated per part: its satisfaction is that of the lead unit's part (docs/signoff.md)
            + " and e.unitId = p.leadUnitId"
            + " and not exists (select 1 from Evaluation x where x.proposalId = e.proposalId and x.memberId = e.memberId"
            + " and x.unitId = e.unitId"
            + " and (x.round > e.round or (x.round = e.round and x.id > e.id)))";
    }

    private <T> List<T> cached(String query, List<Long> sessionIds, Long leadUnitId, LocalDate today,
                               java.util.function.Supplier<List<T>> compute) {
        return compute.get();
    }

    private List<Object[]> rows(String jpql, List<Long> sessionIds, Long leadUnitId, LocalDate today, boolean metrics) {
        Query q = em.createQuery(jpql).setParameter("sessions", sessionIds).setParameter("notCounted", NOT_COUNTED);
        if (jpql.contains(":lead")) {
            q.setParameter("lead", ProposerRole.LEAD);
        }
        if (metrics) {
            q.setParameter("handling", HANDLING).setParameter("today", today);
        }
        if (jpql.contains(":unit")) {
            q.setParameter("unit", leadUnitId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> list = q.getResultList();
        return list;
    }

    private static Counts counts(Object[] r, int from) {
        return new Counts(n(r[from]), n(r[from + 1]), n(r[from + 2]), n(r[from + 3]), n(r[from + 4]), n(r[from + 5]));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Satisfaction satisfaction(Object rating) {
        return rating == null ? null : Satisfaction.valueOf(((Rating) rating).name());
    }
}
