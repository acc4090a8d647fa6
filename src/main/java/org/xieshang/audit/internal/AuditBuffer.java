package org.xieshang.audit.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the audit entries of one transaction and writes them just before it commits,
 * after a last flush, so the chain lock is held only for that moment. Runs last among the
 * before-commit hooks so that their changes are captured too.
 */
final class AuditBuffer implements TransactionSynchronization {

    private final List<PendingEntry> entries = new ArrayList<>();
    private final AuditWriter writer;

    private AuditBuffer(AuditWriter writer) {
        this.writer = writer;
    }

    static void add(AuditWriter writer, PendingEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A change outside a transaction cannot be audited: " + entry.entityType());
        }
        AuditBuffer buffer = (AuditBuffer) TransactionSynchronizationManager.getResource(AuditBuffer.class);
        if (buffer == null) {
            buffer = new AuditBuffer(writer);
            TransactionSynchronizationManager.bindResource(AuditBuffer.class, buffer);
            TransactionSynchronizationManager.registerSynchronization(buffer);
        }
        buffer.entries.add(entry);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        writer.flushPersistenceContext();
        if (!entries.isEmpty()) {
            List<PendingEntry> batch = new ArrayList<>(entries);
            entries.clear();
            writer.write(batch);
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(AuditBuffer.class);
    }
}
