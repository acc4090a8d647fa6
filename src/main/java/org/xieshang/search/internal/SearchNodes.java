package org.xieshang.search.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * No silent divergence of search results between nodes: every application node writes a
 * heartbeat row (its id and search backend) in {@code app_node}. The local Lucene index is one
 * machine's, so a node refuses to start when another node on the same database was alive within
 * the last three heartbeats and either of them uses the Lucene backend. Nodes on a shared
 * OpenSearch/Elasticsearch cluster run side by side. The node id is kept in the data directory,
 * so a node restarted at once is not taken for a second one.
 */
@Component
class SearchNodes {

    private static final Logger log = LoggerFactory.getLogger(SearchNodes.class);

    private static final Duration DEREGISTER_WAIT = Duration.ofSeconds(3);

    private final JdbcTemplate jdbc;
    private final String backend;
    private final Path dataDir;
    private final Duration heartbeat;
    private String nodeId;
    private ScheduledExecutorService beat;

    // the EntityManagerFactory is asked for so that the migrations (the app_node table) ran before
    SearchNodes(JdbcTemplate jdbc, EntityManagerFactory migrated,
                @Value("${spring.jpa.properties.hibernate.search.backend.type:lucene}") String backend,
                @Value("${xieshang.data-dir}") String dataDir,
                @Value("${xieshang.search.node-heartbeat:10s}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.backend = backend.trim().toLowerCase(java.util.Locale.ROOT);
        this.dataDir = Path.of(dataDir);
        this.heartbeat = heartbeat;
    }

    @PostConstruct
    void register() {
        nodeId = nodeId();
        OffsetDateTime now = now();
        jdbc.update("delete from app_node where last_seen < ?", now.minusDays(1));
        refuseIfSharedLucene(now);
        jdbc.update("delete from app_node where node_id = ?", nodeId);
        jdbc.update("insert into app_node (node_id, search_backend, host, started_at, last_seen) values (?, ?, ?, ?, ?)",
                nodeId, backend, host(), now, now);
        beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refuseIfSharedLucene(OffsetDateTime now) {
        List<Map<String, Object>> alive = jdbc.queryForList(
                "select node_id, search_backend, host, last_seen from app_node where node_id <> ? and last_seen > ?",
                nodeId, now.minus(heartbeat.multipliedBy(3)));
        boolean meOnLucene = !SearchBackendSettings.isCluster(backend);
        for (Map<String, Object> other : alive) {
            boolean otherOnLucene = !SearchBackendSettings.isCluster(other.get("search_backend"));
            if (meOnLucene || otherOnLucene) {
                throw new IllegalStateException(message(other, meOnLucene));
            }
        }
    }

    private String message(Map<String, Object> other, boolean meOnLucene) {
        return "Another application node uses this database (node " + other.get("node_id") + " on " + other.get("host")
                + ", search backend " + other.get("search_backend") + ", seen at " + other.get("last_seen") + "), and "
                + (meOnLucene ? "this node" : "that node") + " keeps its search index on its own disk (Lucene): "
                + "the nodes' search results would differ. To run several nodes, give every node the same "
                + "OpenSearch/Elasticsearch cluster: set XIESHANG_SEARCH_BACKEND=elasticsearch (property "
                + "spring.jpa.properties.hibernate.search.backend.type) and SPRING_JPA_PROPERTIES_HIBERNATE_SEARCH_BACKEND_URIS "
                + "(docs/search.md, docs/deploy.md). A node that stopped without deregistering is forgotten after "
                + heartbeat.multipliedBy(3).toSeconds() + " s.";
    }

    private void beat() {
        try {
            OffsetDateTime now = now();
            if (jdbc.update("update app_node set last_seen = ? where node_id = ?", now, nodeId) == 0) {
                jdbc.update("insert into app_node (node_id, search_backend, host, started_at, last_seen) values (?, ?, ?, ?, ?)",
                        nodeId, backend, host(), now, now);
            }
        } catch (RuntimeException e) {
            log.warn("Could not write this node's heartbeat: {}", e.getMessage());
        }
    }

    @PreDestroy
    void deregister() {
        if (beat != null) {
            beat.shutdownNow();
        }
        // at most a few seconds: when the database went first, the pool would wait its whole connection timeout
        // (30 s) for a connection and hold up the shutdown; the row expires by itself
        java.util.concurrent.CompletableFuture<Integer> delete = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> jdbc.update("delete from app_node where node_id = ?", nodeId));
        try {
            delete.get(DEREGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("This node's row stays until it expires: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String id() {
        return nodeId;
    }

    private String nodeId() {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this node's id in " + file, e);
        }
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown";
            }
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
