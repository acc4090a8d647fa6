package org.xieshang.proposal.internal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proposal numbers per session. The counter row is created in a transaction of its own (a
 * race on creation must not abort the filing), then incremented under its row lock within the
 * filing transaction: a filing that rolls back gives its number back, one that commits keeps it.
 */
@Component
class NumberCounter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    NumberCounter(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(tx.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int next(Long committeeId, Long sessionId) {
        int updated = jdbc.update("update proposal_number_counter set last_number = last_number + 1"
                + " where committee_id = ? and session_id = ?", committeeId, sessionId);
        if (updated == 0) {
            try {
                newTransaction.executeWithoutResult(s -> jdbc.update(
                        "insert into proposal_number_counter (committee_id, session_id, last_number) values (?, ?, 0)",
                        committeeId, sessionId));
            } catch (DataIntegrityViolationException createdMeanwhile) {
                // another filing created it first: fine
            }
            jdbc.update("update proposal_number_counter set last_number = last_number + 1"
                    + " where committee_id = ? and session_id = ?", committeeId, sessionId);
        }
        return jdbc.queryForObject("select last_number from proposal_number_counter where committee_id = ? and session_id = ?",
                Integer.class, committeeId, sessionId);
    }
}
