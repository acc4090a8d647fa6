package org.xieshang.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;

/**
 * The first start of an empty database created the committee and its {@code admin}; a later
 * start creates nothing. Other tests add committees to the shared database, so these checks
 * look at the first committee by its configured name.
 */
class FirstStartTest extends ApiTestBase {

    private static final String NAME = "测试区政协";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstStartCreatedOneCommitteeAndItsAdmin() {
        assertThat(count("select count(*) from committee where name = ?", NAME)).isEqualTo(1);
        long committee = jdbc.queryForObject("select id from committee where name = ?", Long.class, NAME);
        // it is the first committee there ever was
        assertThat(jdbc.queryForObject("select min(id) from committee", Long.class)).isEqualTo(committee);
        assertThat(count("select count(*) from user_account where username = 'admin'")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select committee_id from user_account where username = 'admin'", Long.class))
                .isEqualTo(committee);
        assertThat(jdbc.queryForObject("select roles from user_account where username = 'admin'", String.class))
                .isEqualTo("ADMIN");
        // with the configured password, and the seeded calendar
        assertThat(admin.get("/api/v1/me").get("username")).isEqualTo("admin");
        assertThat(count("select count(*) from calendar_day where committee_id = ?", committee)).isPositive();
        // no demo data unless asked for
        assertThat(count("select count(*) from user_account where username in"
                + " ('staff', 'leader', 'member', 'handler', 'unithead', 'govleader')")).isZero();
    }

    @Test
    void aSecondStartCreatesNothing() throws Exception {
        long committees = count("select count(*) from committee");
        long users = count("select count(*) from user_account");
        long days = count("select count(*) from calendar_day");
        ApplicationRunner firstStart = context.getBean("firstStart", ApplicationRunner.class);

        firstStart.run(new DefaultApplicationArguments());
        firstStart.run(new DefaultApplicationArguments());

        assertThat(count("select count(*) from committee")).isEqualTo(committees);
        assertThat(count("select count(*) from user_account")).isEqualTo(users);
        assertThat(count("select count(*) from calendar_day")).isEqualTo(days);
        assertThat(count("select count(*) from committee where name = ?", NAME)).isEqualTo(1);
        // and the admin's password is still the one of the first start
        assertThat(api.login("admin", TestSupport.ADMIN_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
