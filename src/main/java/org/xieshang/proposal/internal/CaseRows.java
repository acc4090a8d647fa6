package org.xieshang.proposal.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One case's rows by plain JDBC, for the case detail and page (issue 16). Hibernate's native queries
 * resolved their result mapping against the result set on every execution and needed a session
 * and transaction; these statements map their rows straight into what the reader needs: the case,
 * its proposers and co-units as unmanaged objects (read, never saved), the other collections into
 * the views. Plain SQL bypasses the committee filter ({@code @TenantId}): every statement names
 * the committee itself ({@code committee_id = ?}).
 *
 * <p>Inside a read-write transaction the session is flushed first, as a native query did, so a
 * change not yet written shows in its own transaction.
 */
@Component
public class CaseRows {

    private static final String PROPOSAL = "select " + Proposal.COLUMNS + " from proposal where id = ? and committee_id = ?";
    private static final String PROPOSERS = "select " + ProposalProposer.COLUMNS
            + " from proposal_proposer where proposal_id = ? and committee_id = ? order by id";
    private static final String CO_UNITS = "select " + ProposalCoUnit.COLUMNS
            + " from proposal_co_unit where proposal_id = ? and committee_id = ? order by id";
    private static final String LEADS = "select count(*) from key_proposal_leader where proposal_id = ? and committee_id = ?"
            + " and user_id = ? and role = '" + CaseLeader.Kind.LEAD.name() + "'";

    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager em;

    CaseRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case row of the committee, whoever may see it (the caller checks the scope). */
    Optional<Proposal> proposal(Long id, Long committee) {
        flushPending();
        return jdbc.query(PROPOSAL, (rs, n) -> Proposal.read(rs), id, committee).stream().findFirst();
    }

    List<ProposalProposer> proposers(Proposal p) {
        return of(p, PROPOSERS, (rs, n) -> ProposalProposer.read(rs));
    }

    List<ProposalCoUnit> coUnits(Proposal p) {
        return of(p, CO_UNITS, (rs, n) -> ProposalCoUnit.read(rs));
    }

    /** Whether the user lead-handles the case as a key proposal. */
    boolean leadHandles(Proposal p, Long userId) {
        Integer n = jdbc.queryForObject(LEADS, Integer.class, p.getId(), p.getCommitteeId(), userId);
        return n != null && n > 0;
    }

    /** The case's rows by a statement whose parameters are the case's id and its committee, in that order. */
    public <T> List<T> of(Proposal p, String sql, RowMapper<T> mapper) {
        return jdbc.query(sql, mapper, p.getId(), p.getCommitteeId());
    }

    private void flushPending() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            em.flush();
        }
    }
}
