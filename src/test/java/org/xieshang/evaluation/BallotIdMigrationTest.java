package org.xieshang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** V130 gives the ballots already cast random UUID ids, keeping every ballot, on H2 and on PostgreSQL alike. */
class BallotIdMigrationTest {

    @Test
    void existingBallotsGetRandomIdsOnH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:v130-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            migrate(ds, "h2", "129");
            try (Statement s = c.createStatement()) {
                s.execute("set referential_integrity false");
            }
            seed(c);
            migrate(ds, "h2", "130");
            assertConverted(c);
        }
    }

    @Test
    void existingBallotsGetRandomIdsOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            migrate(ds, "postgresql", "129");
            try (Statement s = c.createStatement()) {
                // foreign keys are not what this test is about: no committee or evaluation needed
                s.execute("set session_replication_role = replica");
            }
            seed(c);
            migrate(ds, "postgresql", "130");
            assertConverted(c);
        }
    }

    /** Up to {@code upTo} itself, or the last migration below it, whichever numbers exist. */
    private static void migrate(DataSource ds, String vendor, String upTo) {
        String[] locations = {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
        MigrationVersion limit = MigrationVersion.fromVersion(upTo);
        MigrationVersion target = Arrays.stream(Flyway.configure().dataSource(ds).locations(locations).load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.compareTo(limit) <= 0)
                .max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(ds).locations(locations).target(target).load().migrate();
    }

    private static void seed(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            for (int i = 1; i <= 3; i++) {
                s.execute("insert into evaluation_ballot (id, committee_id, evaluation_id, unit_id, scores) values ("
                        + i + ", 1, 9, 4, 'A=" + (60 + i) + "')");
            }
        }
    }

    private static void assertConverted(Connection c) throws Exception {
        List<String> scores = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, committee_id, evaluation_id, unit_id, scores from evaluation_ballot")) {
            while (rs.next()) {
                assertThat(rs.getObject(1)).isInstanceOf(UUID.class);
                assertThat(rs.getLong(2)).isEqualTo(1);
                assertThat(rs.getLong(3)).isEqualTo(9);
                assertThat(rs.getLong(4)).isEqualTo(4);
                scores.add(rs.getString(5));
            }
        }
        assertThat(scores).containsExactlyInAnyOrder("A=61", "A=62", "A=63");
    }
}
