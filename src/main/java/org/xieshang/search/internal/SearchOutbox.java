package org.xieshang.search.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Indexing coordinated through the database, with the OpenSearch/Elasticsearch backend (a
 * shared index): every insert, update or delete of an indexed record writes a row in
 * {@code search_outbox} in the transaction that makes it (Hibernate Search's own listeners are
 * off there). Every node polls the outbox, claims rows for a lease, indexes the records as the
 * database has them now (or removes them from the index), and deletes the rows in the same
 * transaction. So a committed change is indexed even when the node that committed it dies
 * before indexing: its claim runs out and another node takes the rows; indexing is by id, so a
 * change indexed again after a crash leaves the same document. The committing node is nudged
 * after its commit, so a change is searchable about a second later (the cluster's refresh).
 *
 * <p>Hibernate Search's own outbox-polling coordination cannot serve here: it maps its tables
 * with a String tenant id, and Hibernate ORM requires every tenant id of a mapping to have the
 * type of the committee id (Long); it also needs the list of tenants fixed at start, while
 * committees are created at run time.
 */
@Component
class SearchOutbox implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final Logger log = LoggerFactory.getLogger(SearchOutbox.class);
    private static final int BATCH = 100;

    private final EntityManagerFactory emf;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SearchNodes nodes;
    private final boolean cluster;
    private final boolean process;
    private final Duration interval;
    private final Duration lease;
    private final OutboxClaims claims;
    private Set<Class<?>> indexed = Set.of();
    ScheduledExecutorService worker; // package-private: a test pauses it to play a node that claimed rows and died

    @PersistenceContext
    private EntityManager em;

    SearchOutbox(EntityManagerFactory emf, JdbcTemplate jdbc, TransactionTemplate tx, SearchNodes nodes,
                 @Value("${spring.jpa.properties.hibernate.search.backend.type:lucene}") String backend,
                 @Value("${xieshang.search.outbox.process:true}") boolean process,
                 @Value("${xieshang.search.outbox.interval:500ms}") Duration interval,
                 @Value("${xieshang.search.outbox.lease:30s}") Duration lease) {
        this.emf = emf;
        this.jdbc = jdbc;
        this.tx = tx;
        this.nodes = nodes;
        this.cluster = SearchBackendSettings.isCluster(backend);
        this.process = process;
        this.interval = interval;
        this.lease = lease;
        this.claims = new OutboxClaims(jdbc);
    }

    @PostConstruct
    void start() {
        if (!cluster) {
            return; // the local Lucene index is written by Hibernate Search itself, after each commit
        }
        indexed = Search.mapping(emf).allIndexedEntities().stream().map(t -> (Class<?>) t.javaClass())
                .collect(Collectors.toUnmodifiableSet());
        EventListenerRegistry listeners = emf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
        listeners.appendListeners(EventType.POST_DELETE, this);
        if (process) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "search-outbox");
                t.setDaemon(true);
                return t;
            });
            worker.scheduleWithFixedDelay(this::drain, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
            try {
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- recording, in the transaction of the change ---

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getEntity(), event.getId(), event.getSession());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(event.getEntity(), event.getId(), event.getSession());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getEntity(), event.getId(), event.getSession());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(Object entity, Object id, SharedSessionContractImplementor session) {
        if (!indexed.contains(entity.getClass()) || !(entity instanceof CommitteeScopedEntity scoped)) {
            return;
        }
        Long committeeId = scoped.getCommitteeId();
        String name = entity.getClass().getName();
        String key = String.valueOf(id);
        // written just before the commit, after the flush, on the transaction's connection
        session.getTransactionCompletionCallbacks().registerCallback(
                (org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback) s -> s.doWork(c -> {
                    try (PreparedStatement insert = c.prepareStatement(
                            "insert into search_outbox (committee_id, entity_name, entity_id, created_at) values (?, ?, ?, ?)")) {
                        insert.setLong(1, committeeId);
                        insert.setString(2, name);
                        insert.setString(3, key);
                        insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                }));
        if (worker != null) {
            session.getTransactionCompletionCallbacks().registerCallback(
                    (org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback) (success, s) -> {
                        if (success) {
                            worker.execute(this::drain);
                        }
                    });
        }
    }

    // --- indexing, by whichever node claims the rows ---

    /** Claims and indexes the outbox in batches until nothing claimable is left. */
    void drain() {
        try {
            while (!Thread.currentThread().isInterrupted() && processBatch() > 0) {
                // next batch
            }
        } catch (RuntimeException e) {
            log.warn("Indexing from the outbox failed (retried when the claim runs out): {}", e.toString());
        }
    }

    private int processBatch() {
        OutboxClaims.Claim claim = claim();
        index(claim.rows());
        return claim.seen();
    }

    /** Claims the next batch of claimable rows for this node, for the lease. */
    OutboxClaims.Claim claim() {
        return claims.claim(nodes.id(), OffsetDateTime.now(ZoneOffset.UTC), lease, BATCH);
    }

    /** Indexes the records of claimed rows as the database has them now, and deletes the rows, committee by committee. */
    private void index(List<OutboxClaims.Row> mine) {
        Map<Long, List<OutboxClaims.Row>> byCommittee = mine.stream().collect(Collectors.groupingBy(
                OutboxClaims.Row::committeeId, LinkedHashMap::new, Collectors.toList()));
        byCommittee.forEach((committeeId, rows) -> CommitteeContext.runAs(committeeId, () -> tx.executeWithoutResult(s -> {
            SearchIndexingPlan plan = Search.session(em).indexingPlan();
            for (OutboxClaims.Row r : rows) {
                Class<?> type = type(r.entityName());
                Object id = id(type, r.entityId());
                Object entity = em.find(type, id);
                if (entity != null) {
                    plan.addOrUpdate(entity);
                } else {
                    plan.purge(type, id, null);
                }
            }
            plan.execute();
            claims.done(rows, nodes.id());
        })));
    }

    private Class<?> type(String name) {
        for (Class<?> c : indexed) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("Not an indexed type: " + name);
    }

    private Object id(Class<?> type, String value) {
        Class<?> idType = emf.getMetamodel().entity(type).getIdType().getJavaType();
        if (idType == Long.class || idType == long.class) {
            return Long.valueOf(value);
        }
        if (idType == Integer.class || idType == int.class) {
            return Integer.valueOf(value);
        }
        return value;
    }
}
