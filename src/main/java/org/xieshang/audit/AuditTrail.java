package org.xieshang.audit;

import java.util.List;
import java.util.Map;

/**
 * The committee's append-only, hash-chained record of every change. Entity changes are
 * captured automatically; use cases add domain actions (e.g. "filed", with a note) here.
 * Entries are written when the surrounding transaction commits, and only then.
 */
public interface AuditTrail {

    /** Records a domain action on a record within the current transaction. */
    void record(String entityType, Object entityId, String action, Map<String, ?> details);

    /** Every entry about one record of the current committee, oldest first. */
    List<AuditRecord> history(String entityType, Object entityId);

    /** Recomputes the current committee's chain and reports the first break, if any. */
    ChainVerification verify();
}
