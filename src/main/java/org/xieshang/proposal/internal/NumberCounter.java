package org.xieshang.proposal.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposal numbers per session, incremented under the counter row's lock within the filing
 * transaction: a filing that rolls back gives its number back, one that commits keeps it. The
 * row of a new session is created in the same transaction under a savepoint, so that a race on
 * creation costs only the savepoint, and a filing never needs a second connection (parallel
 * filings would otherwise exhaust the pool waiting for one another).
 */
@Component
class NumberCounter {

    private final JdbcTemplate jdbc;

    NumberCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int next(Long committeeId, Long sessionId) {
        if (increment(committeeId, sessionId) == 0) {
            create(committeeId, sessionId);
            increment(committeeId, sessionId);
        }
        return jdbc.queryForObject("select last_number from proposal_number_counter where committee_id = ? and session_id = ?",
                Integer.class, committeeId, sessionId);
    }

    private int increment(Long committeeId, Long sessionId) {
        return jdbc.update("update proposal_number_counter set last_number = last_number + 1"
                + " where committee_id = ? and session_id = ?", committeeId, sessionId);
    }

    private void create(Long committeeId, Long sessionId) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Savepoint savepoint = con.setSavepoint();
            try (PreparedStatement insert = con.prepareStatement(
                    "insert into proposal_number_counter (committee_id, session_id, last_number) values (?, ?, 0)")) {
                insert.setLong(1, committeeId);
                insert.setLong(2, sessionId);
                insert.executeUpdate();
                con.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // another filing created it first (integrity constraint violation): undo only the insert
                con.rollback(savepoint);
            }
            return null;
        });
    }
}
