package org.xieshang.proposal.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One case's rows of a table by plain SQL, for the case detail and page (issue 16). A query in
 * HQL or a derived query is translated to SQL again on every execution here, because the
 * committee filter ({@code @TenantId}) keeps Hibernate from caching query plans; that translation
 * was most of a case read's CPU. These statements are fixed strings (Hibernate caches their
 * interpretation) and name the committee themselves. The rows are the same managed entities.
 * For reads: a native query flushes the whole session first when one is pending.
 */
@Component
public class CaseRows {

    // the case's rows of each table in the order they were made (statements: ?1 the case's id, ?2 its committee)
    public static final String PROPOSERS = byId("proposal_proposer");
    public static final String CO_UNITS = byId("proposal_co_unit");
    public static final String EVALUATIONS = byId("evaluation");
    public static final String REASSIGNMENTS = byId("reassignment_request");
    public static final String PARTS = byId("proposal_part");
    public static final String HISTORY = byId("proposal_history");
    public static final String CONVERSIONS = byId("proposal_conversion");
    public static final String LEADERS = byId("key_proposal_leader");
    private static final String PROPOSAL = "select * from proposal where id = ?1 and committee_id = ?2";

    @PersistenceContext
    private EntityManager em;

    /** The case row of the committee, whoever may see it (the caller checks the scope). */
    @SuppressWarnings("unchecked")
    Optional<Proposal> proposal(Long id, Long committee) {
        List<Proposal> found = em.createNativeQuery(PROPOSAL, Proposal.class).setParameter(1, id).setParameter(2, committee)
                .getResultList();
        return found.stream().findFirst();
    }

    /** The case's rows by a statement whose parameters are ?1 the case's id and ?2 its committee. */
    @SuppressWarnings("unchecked")
    public <T> List<T> of(Class<T> type, String sql, Proposal p) {
        return em.createNativeQuery(sql, type).setParameter(1, p.getId()).setParameter(2, p.getCommitteeId())
                .getResultList();
    }

    private static String byId(String table) {
        return "select * from " + table + " where proposal_id = ?1 and committee_id = ?2 order by id";
    }
}
