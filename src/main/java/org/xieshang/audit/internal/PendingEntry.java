package org.xieshang.audit.internal;

import java.time.Instant;

/** An audit entry collected during a transaction, written when it commits. */
record PendingEntry(long chainId, Instant at, String actor, String entityType, String entityId,
                    String action, String changes) {
}
