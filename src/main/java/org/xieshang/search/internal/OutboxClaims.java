package org.xieshang.search.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who indexes which row of {@code search_outbox}: a node claims a row for a lease
 * ({@code claimed_by}, {@code claimed_until}); while the lease holds no other node takes it;
 * once it runs out (the claiming node died, or hangs) any node may claim it again. Only the
 * node holding the claim deletes the row after indexing, so a node that comes back late from a
 * claim another node has taken over leaves the row to that node.
 */
final class OutboxClaims {

    /** A change to index: the record's committee, entity class name and id. */
    record Row(long id, long committeeId, String entityName, String entityId) {
    }

    /** The rows this node won, and how many claimable rows it saw (more may be waiting while this is positive). */
    record Claim(List<Row> rows, int seen) {
    }

    private final JdbcTemplate jdbc;

    OutboxClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code batch} rows, oldest first, that nobody holds at {@code now}, until {@code now + lease}. */
    Claim claim(String node, OffsetDateTime now, Duration lease, int batch) {
        List<Row> candidates = jdbc.query("select id, committee_id, entity_name, entity_id from search_outbox "
                        + "where claimed_until is null or claimed_until < ? order by id fetch first " + batch + " rows only",
                (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), now);
        List<Row> mine = new ArrayList<>();
        for (Row r : candidates) {
            // one node wins each row: the update matches only while the row is unclaimed or its claim ran out
            if (jdbc.update("update search_outbox set claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
                    + "where id = ? and (claimed_until is null or claimed_until < ?)", node, now.plus(lease), r.id(), now) == 1) {
                mine.add(r);
            }
        }
        return new Claim(List.copyOf(mine), candidates.size());
    }

    /** Deletes the indexed rows this node still holds; returns how many. */
    int done(List<Row> rows, String node) {
        int deleted = 0;
        for (Row r : rows) {
            deleted += jdbc.update("delete from search_outbox where id = ? and claimed_by = ?", r.id(), node);
        }
        return deleted;
    }
}
