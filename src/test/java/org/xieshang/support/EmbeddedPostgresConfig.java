package org.xieshang.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL 17 for tests, from Maven Central (no server to start by hand), active with
 * the profile "postgres" (see {@link PostgresTest}). Closed with the Spring context.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
public class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        // stopped with its context, after the beans that use it: a JVM shutdown hook of its own would stop it
        // while the cached test contexts still close (their beans then waited for connections, and surefire
        // killed the test JVM 30 s after its exit)
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(12);
        return ds;
    }
}
