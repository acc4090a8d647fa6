package org.xieshang.search.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * For tests of a cluster deployment: plays an application node that claimed outbox rows and
 * died before indexing them, through the node's own claim code.
 */
public final class OutboxNodeDeath {

    private OutboxNodeDeath() {
    }

    /** Holds the node's indexing worker until closed (what it was doing finishes first); nothing is claimed meanwhile. */
    public static AutoCloseable pauseIndexing(ApplicationContext node) throws InterruptedException {
        SearchOutbox outbox = node.getBean(SearchOutbox.class);
        if (outbox.worker == null) {
            throw new IllegalStateException("the node does not index from the outbox");
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        outbox.worker.execute(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!holding.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the indexing worker did not become free within 60 s");
        }
        return release::countDown;
    }

    /** The node claims the outbox's claimable rows for its lease, as its indexer does first, and indexes none of them. */
    public static int claimWithoutIndexing(ApplicationContext node) {
        return node.getBean(SearchOutbox.class).claim().rows().size();
    }

    /** The node's id, as it appears in {@code search_outbox.claimed_by}. */
    public static String nodeId(ApplicationContext node) {
        return node.getBean(SearchNodes.class).id();
    }
}
