package org.xieshang.search.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.Committees;
import org.xieshang.search.IndexAdmin;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Keeps the search index in step with the database: on start, every committee whose indexed
 * records are missing from the index (index deleted, new machine) is re-indexed in the
 * background; the office can rebuild its committee's index and watch the progress.
 */
@Service
class IndexMaintenance implements IndexAdmin {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final EntityManagerFactory emf;
    private final Committees committees;
    private final TransactionTemplate tx;
    private final TaskExecutor executor;
    private final Map<Long, Progress> running = new ConcurrentHashMap<>();

    IndexMaintenance(EntityManagerFactory emf, Committees committees, TransactionTemplate tx, TaskExecutor executor) {
        this.emf = emf;
        this.committees = committees;
        this.tx = tx;
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhereMissing() {
        executor.execute(() -> {
            try {
                committees.all().forEach(c -> {
                    long missing = CommitteeContext.callAs(c.id(), this::missingDocuments);
                    if (missing > 0) {
                        log.info("Search index of committee {} lacks {} records: rebuilding", c.id(), missing);
                        rebuild(c.id());
                    }
                });
            } catch (RuntimeException e) {
                // e.g. the search cluster is not reachable yet: searching will say so; the office can rebuild later
                log.warn("Could not check the search index against the database: {}", e.getMessage());
            }
        });
    }

    /** Records in the database minus documents in the index, over every indexed type. */
    long missingDocuments() {
        return tx.execute(s -> {
            EntityManager em = emf.createEntityManager();
            try {
                SearchMapping mapping = Search.mapping(emf);
                long missing = 0;
                for (var type : mapping.allIndexedEntities()) {
                    long inDb = em.createQuery("select count(e) from " + type.jpaName() + " e", Long.class).getSingleResult();
                    long inIndex = Search.session(em).search(type.javaClass()).where(f -> f.matchAll()).fetchTotalHitCount();
                    missing += Math.max(0, inDb - inIndex);
                }
                return missing;
            } finally {
                em.close();
            }
        });
    }

    @Override
    public Progress startRebuild() {
        Long committeeId = CurrentUsers.requireAny(Role.ADMIN).committeeId();
        Progress current = running.get(committeeId);
        if (current != null && !current.done()) {
            throw new Conflict("search.rebuildRunning");
        }
        running.put(committeeId, new Progress(0, 0, false, null));
        executor.execute(() -> rebuild(committeeId));
        return running.get(committeeId);
    }

    @Override
    public Progress progress() {
        Long committeeId = CurrentUsers.requireAny(Role.ADMIN).committeeId();
        return running.getOrDefault(committeeId, new Progress(0, 0, true, null));
    }

    private void rebuild(Long committeeId) {
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        running.put(committeeId, new Progress(0, 0, false, null));
        try {
            Search.mapping(emf).scope(Object.class).massIndexer(committeeId)
                    .threadsToLoadObjects(1)
                    .monitor(new MassIndexingMonitor() {
                        @Override
                        public void documentsAdded(long increment) {
                            done.addAndGet(increment);
                            running.put(committeeId, new Progress(done.get(), total.get(), false, null));
                        }

                        @Override
                        public void documentsBuilt(long increment) {
                        }

                        @Override
                        public void entitiesLoaded(long increment) {
                        }

                        @Override
                        public void addToTotalCount(long increment) {
                            total.addAndGet(increment);
                        }

                        @Override
                        public void indexingCompleted() {
                        }
                    })
                    .startAndWait();
            running.put(committeeId, new Progress(done.get(), total.get(), true, null));
            log.info("Search index of committee {} rebuilt: {} documents", committeeId, done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.put(committeeId, new Progress(done.get(), total.get(), true, "interrupted"));
        } catch (RuntimeException e) {
            log.error("Rebuilding the search index of committee {} failed", committeeId, e);
            running.put(committeeId, new Progress(done.get(), total.get(), true, e.getMessage()));
        }
    }
}
