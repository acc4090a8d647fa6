package org.xieshang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class with the OpenSearch backend on the real node of {@link SharedOpenSearch},
 * with indexing coordinated through the database's outbox, as a cluster deployment runs: put it
 * on a subclass of a Lucene-backed test to run the same assertions on both backends. Indexing
 * through the outbox is asynchronous, so {@link OpenSearchTestConfig} makes every changing
 * request answer only once the outbox is empty and the indexes refreshed (what a user sees a
 * moment later anyway).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles("opensearch")
@ContextConfiguration(initializers = OpenSearchTestConfig.Backend.class)
public @interface OpenSearchTest {
}
