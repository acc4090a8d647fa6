package org.xieshang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.XieshangApplication;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;

/**
 * With the local Lucene backend (the embedded default), a second node on the same database is
 * refused at start with a message naming the setting for a cluster: the nodes' indexes would
 * otherwise differ silently. The running node of this test class is the shared test context.
 */
class SecondLuceneNodeTest extends ApiTestBase {

    // the URL as the pool uses it (the property holds ${random.uuid}, new at each resolution)
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondNodeOnTheSameDatabaseIsRefusedWithTheSettingToUse(@TempDir Path otherDataDir) throws Exception {
        String databaseUrl = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        assertThat(jdbc.queryForObject("select count(*) from app_node where search_backend = 'lucene'", Integer.class))
                .as("the running node's heartbeat").isEqualTo(1);

        Throwable refused = catchThrowable(() -> new SpringApplicationBuilder(XieshangApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + databaseUrl, "--xieshang.data-dir=" + otherDataDir,
                "--xieshang.admin-password=" + TestSupport.ADMIN_PASSWORD, "--xieshang.demo=false").close());

        assertThat(refused).as("the second node must not start").isNotNull();
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException && cause.getMessage().contains("Lucene"))) {
            cause = cause.getCause();
        }
        assertThat(cause.getMessage())
                .contains("Another application node uses this database")
                .contains("XIESHANG_SEARCH_BACKEND=elasticsearch")
                .contains("spring.jpa.properties.hibernate.search.backend.type");
        assertThat(jdbc.queryForObject("select count(*) from app_node", Integer.class))
                .as("the refused node left no heartbeat").isEqualTo(1);
    }
}
