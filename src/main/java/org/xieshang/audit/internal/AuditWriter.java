package org.xieshang.audit.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;

/**
 * Appends entries to their committee's chain. The chain head row is locked ({@code FOR UPDATE})
 * so that concurrent transactions of one committee extend the chain one after the other.
 */
@Component
class AuditWriter {

    private final JdbcTemplate jdbc;
    private final EntityManagerFactory emf;

    AuditWriter(JdbcTemplate jdbc, EntityManagerFactory emf) {
        this.jdbc = jdbc;
        this.emf = emf;
    }

    void flushPersistenceContext() {
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
        if (em != null && em.isJoinedToTransaction()) {
            em.flush();
        }
    }

    void write(List<PendingEntry> entries) {
        Map<Long, List<PendingEntry>> byChain = new TreeMap<>();
        for (PendingEntry e : entries) {
            byChain.computeIfAbsent(e.chainId(), k -> new java.util.ArrayList<>()).add(e);
        }
        byChain.forEach(this::append);
    }

    private void append(long chainId, List<PendingEntry> entries) {
        List<Map<String, Object>> head = jdbc.queryForList(
                "select last_seq, last_hash from audit_chain where chain_id = ? for update", chainId);
        long seq;
        String hash;
        if (head.isEmpty()) {
            jdbc.update("insert into audit_chain (chain_id, last_seq, last_hash) values (?, 0, ?)", chainId, AuditHash.GENESIS);
            seq = 0;
            hash = AuditHash.GENESIS;
        } else {
            seq = ((Number) head.get(0).get("last_seq")).longValue();
            hash = (String) head.get(0).get("last_hash");
        }
        for (PendingEntry e : entries) {
            seq++;
            String prev = hash;
            hash = AuditHash.of(prev, chainId, seq, e.at(), e.actor(), e.entityType(), e.entityId(), e.action(), e.changes());
            jdbc.update("insert into audit_entry (chain_id, seq, at, actor, entity_type, entity_id, action, changes, prev_hash, hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chainId, seq, Timestamp.from(e.at()), e.actor(), e.entityType(), e.entityId(), e.action(), e.changes(), prev, hash);
        }
        jdbc.update("update audit_chain set last_seq = ?, last_hash = ? where chain_id = ?", seq, hash, chainId);
    }
}
