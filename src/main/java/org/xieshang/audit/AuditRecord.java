package org.xieshang.audit;

import java.time.Instant;

/** One audit entry: who did what to which record, and the changed values as JSON. */
public record AuditRecord(long seq, Instant at, String actor, String entityType, String entityId,
                          String action, String changes) {
}
