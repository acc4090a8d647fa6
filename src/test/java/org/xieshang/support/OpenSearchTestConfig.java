package org.xieshang.support;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** The OpenSearch backend for tests ({@link OpenSearchTest}). */
@Configuration(proxyBeanMethods = false)
@Profile("opensearch")
public class OpenSearchTestConfig {

    /** The properties of a cluster deployment, pointing at the shared test node; indexes of this context only. */
    public static class Backend implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opensearch-test", properties(
                    "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "-")));
        }
    }

    /** The settings a deployment sets (docs/search.md), with the given index prefix; quick polling for tests. */
    public static Map<String, Object> properties(String indexPrefix) {
        return Map.of(
                "spring.jpa.properties.hibernate.search.backend.type", "elasticsearch",
                "spring.jpa.properties.hibernate.search.backend.uris", SharedOpenSearch.uri(),
                "xieshang.search.index-prefix", indexPrefix,
                "xieshang.search.outbox.interval", "100ms");
    }

    /** Waits until every change committed so far is indexed and searchable. */
    public static void awaitIndexed(JdbcTemplate jdbc, EntityManagerFactory emf) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("select count(*) from search_outbox", Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The outbox was not processed within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        refresh();
    }

    /** Makes everything indexed so far searchable (the node refreshes every second by itself). */
    public static void refresh() {
        try {
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(SharedOpenSearch.uri() + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("refresh: " + res.statusCode() + " " + res.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every changing request answers once its changes are searchable, so that the Lucene-backed
     * tests' assertions hold unchanged (the body is held back until then).
     */
    @Bean
    FilterRegistrationBean<Filter> awaitIndexedAfterChanges(JdbcTemplate jdbc, EntityManagerFactory emf) {
        Filter filter = (request, response, chain) -> {
            String method = ((HttpServletRequest) request).getMethod();
            if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper((HttpServletResponse) response);
            try {
                chain.doFilter(request, held);
                awaitIndexed(jdbc, emf);
            } finally {
                held.copyBodyToResponse();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
