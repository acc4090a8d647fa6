package org.xieshang.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V17 copies the proposals a bulletin was compiled from (space-separated ids in
 * bulletin.proposal_ids) into bulletin_subject, in order and with the case's title, on H2 and on
 * PostgreSQL alike.
 */
class BulletinSubjectMigrationTest {

    @Test
    void copiesTodaysReferencesOnH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:v17-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            migrate(ds, "h2", "16");
            try (Statement s = c.createStatement()) {
                s.execute("set referential_integrity false");
            }
            seed(c);
            migrate(ds, "h2", "17");
            assertCopied(c);
        }
    }

    @Test
    void copiesTodaysReferencesOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            migrate(ds, "postgresql", "16");
            try (Statement s = c.createStatement()) {
                // foreign keys are not what this test is about: no committee, users or sessions needed
                s.execute("set session_replication_role = replica");
            }
            seed(c);
            migrate(ds, "postgresql", "17");
            assertCopied(c);
        }
    }

    /** Up to {@code upTo} itself, or (below 17) to the last migration before V17, whichever numbers exist. */
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
            for (Object[] p : new Object[][]{{5, "养老服务"}, {7, "加装电梯"}, {12, "污水治理"}}) {
                s.execute("insert into proposal (id, committee_id, session_id, title, background, suggestions, category,"
                        + " proposer_kind, during_plenary, status, reply_round, rehandled, is_key, published, confidential,"
                        + " created_at, updated_at) values (" + p[0] + ", 1, 1, '" + p[1] + "', 'b', 's', 'c', 'MEMBER',"
                        + " false, 'FILED', 0, false, false, false, false, current_timestamp, current_timestamp)");
            }
            String[][] bulletins = {{"1", "7 5"}, {"2", ""}, {"3", "12"}, {"4", "99 12 5"}};
            for (String[] b : bulletins) {
                s.execute("insert into bulletin (id, committee_id, kind, bulletin_year, seq, title, content, proposal_ids,"
                        + " created_by, created_at) values (" + b[0] + ", 1, 'BRIEF', 2026, " + b[0] + ", 't', 'c', '"
                        + b[1] + "', 'staff', current_timestamp)");
            }
        }
    }

    private static void assertCopied(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select bulletin_id, position, subject_type, subject_id, title from bulletin_subject"
                        + " order by bulletin_id, position")) {
            while (r.next()) {
                rows.add(r.getLong(1) + "/" + r.getInt(2) + " " + r.getString(3) + " " + r.getLong(4) + " " + r.getString(5));
            }
        }
        // a case no longer there keeps its reference, with an empty title
        assertThat(rows).containsExactly("1/1 PROPOSAL 7 加装电梯", "1/2 PROPOSAL 5 养老服务", "3/1 PROPOSAL 12 污水治理",
                "4/1 PROPOSAL 99 ", "4/2 PROPOSAL 12 污水治理", "4/3 PROPOSAL 5 养老服务");
    }
}
