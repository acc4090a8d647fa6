package org.xieshang.shared.jpa;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work tied to the end of the current transaction, for caches that must not outlive a change. */
public final class AfterTransaction {

    private AfterTransaction() {
    }

    /** Runs after the current transaction commits, or at once when there is none. */
    public static void afterCommit(Runnable run) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    run.run();
                }
            });
        } else {
            run.run();
        }
    }

    /**
     * Runs now and again when the current transaction ends (either way): an eviction that a reader
     * may undo meanwhile by caching the old state again before the change commits.
     */
    public static void nowAndAtEnd(Runnable run) {
        run.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    run.run();
                }
            });
        }
    }
}
