package org.xieshang.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.audit.AuditRecord;
import org.xieshang.audit.AuditTrail;
import org.xieshang.audit.ChainVerification;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.shared.time.AppTime;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final AuditWriter writer;

    JdbcAuditTrail(JdbcTemplate jdbc, AuditWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @Override
    public void record(String entityType, Object entityId, String action, Map<String, ?> details) {
        long chain = Math.max(0L, CommitteeContext.current());
        AuditBuffer.add(writer, new PendingEntry(chain, AppTime.now().truncatedTo(ChronoUnit.MILLIS),
                CurrentUsers.actorName(), entityType, String.valueOf(entityId), action,
                JSON.writeValueAsString(details == null ? Map.of() : details)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> history(String entityType, Object entityId) {
        return jdbc.query("select seq, at, actor, entity_type, entity_id, action, changes from audit_entry"
                        + " where chain_id = ? and entity_type = ? and entity_id = ? order by seq",
                (rs, i) -> new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                chain(), entityType, String.valueOf(entityId));
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long chain = chain();
        long[] expectedSeq = {1};
        String[] prev = {AuditHash.GENESIS};
        ChainVerification[] broken = {null};
        jdbc.query("select seq, at, actor, entity_type, entity_id, action, changes, prev_hash, hash from audit_entry"
                + " where chain_id = ? order by seq", (RowCallbackHandler) rs -> {
            if (broken[0] != null) {
                return;
            }
            long seq = rs.getLong(1);
            Timestamp at = rs.getTimestamp(2);
            if (seq != expectedSeq[0]) {
                broken[0] = new ChainVerification(false, expectedSeq[0] - 1, expectedSeq[0], "ENTRY_MISSING");
                return;
            }
            if (!prev[0].equals(rs.getString(8))) {
                broken[0] = new ChainVerification(false, seq - 1, seq, "LINK_BROKEN");
                return;
            }
            String hash = AuditHash.of(prev[0], chain, seq, at.toInstant(), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7));
            if (!hash.equals(rs.getString(9))) {
                broken[0] = new ChainVerification(false, seq - 1, seq, "ENTRY_CHANGED");
                return;
            }
            prev[0] = hash;
            expectedSeq[0]++;
        }, chain);
        if (broken[0] != null) {
            return broken[0];
        }
        long checked = expectedSeq[0] - 1;
        List<Map<String, Object>> head = jdbc.queryForList("select last_seq, last_hash from audit_chain where chain_id = ?", chain);
        if (!head.isEmpty()) {
            long lastSeq = ((Number) head.get(0).get("last_seq")).longValue();
            if (lastSeq != checked || !prev[0].equals(head.get(0).get("last_hash"))) {
                return new ChainVerification(false, checked, checked + 1, "TAIL_MISSING");
            }
        }
        return new ChainVerification(true, checked, null, null);
    }

    private static long chain() {
        return Math.max(0L, CommitteeContext.current());
    }
}
