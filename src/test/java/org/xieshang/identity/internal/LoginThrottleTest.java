package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.xieshang.shared.error.TooManyRequests;

/** The database-backed failed-login throttle on its own, over an in-memory H2 table. */
class LoginThrottleTest {

    private static final int PER_ACCOUNT = 5;
    private static final int PER_ADDRESS = 3;

    private JdbcTemplate jdbc;
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        // the table as V1__foundation.sql creates it
        jdbc.execute("""
                create table login_throttle (
                    throttle_key  varchar(200) primary key,
                    failures      integer not null,
                    window_start  timestamp with time zone not null,
                    blocked_until timestamp with time zone
                )""");
        throttle = new LoginThrottle(jdbc, PER_ACCOUNT, PER_ADDRESS, Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    @Test
    void blocksAnAddressAfterItsLimitAcrossDifferentAccounts() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            String user = "user" + i;
            assertThatCode(() -> throttle.check(user, "10.0.0.1")).doesNotThrowAnyException();
            throttle.failed(user, "10.0.0.1");
        }
        // each account failed once only, yet the address is blocked: for a fresh account too
        assertThatThrownBy(() -> throttle.check("someone-else", "10.0.0.1"))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 10 * 60L + 1);
                    assertThat(e.status().value()).isEqualTo(429);
                });
        // another address is not affected, nor are these accounts from there
        assertThatCode(() -> throttle.check("user0", "10.0.0.2")).doesNotThrowAnyException();
        assertThat(failures("a:10.0.0.1")).isEqualTo(PER_ADDRESS);
    }

    @Test
    void belowTheLimitTheAddressIsNotBlocked() {
        for (int i = 0; i < PER_ADDRESS - 1; i++) {
            throttle.failed("user" + i, "10.0.0.3");
        }
        assertThatCode(() -> throttle.check("user9", "10.0.0.3")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        throttle.failed("alice", "10.0.0.4");
        throttle.failed("alice", "10.0.0.4");
        throttle.succeeded("alice");
        assertThat(failures("u:alice")).isNull();
        assertThat(failures("a:10.0.0.4")).isEqualTo(2);
        throttle.failed("bob", "10.0.0.4");
        assertThatThrownBy(() -> throttle.check("alice", "10.0.0.4")).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void blocksAnAccountFromAnyAddress() {
        for (int i = 0; i < PER_ACCOUNT; i++) {
            throttle.failed(" Carol ", "192.168.1." + i);
        }
        assertThatThrownBy(() -> throttle.check("carol", "172.16.0.1")).isInstanceOf(TooManyRequests.class);
        assertThatCode(() -> throttle.check("dave", "172.16.0.1")).doesNotThrowAnyException();
    }

    @Test
    void theBlockEndsAndOldFailuresLeaveTheWindow() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.5");
        }
        assertThatThrownBy(() -> throttle.check("x", "10.0.0.5")).isInstanceOf(TooManyRequests.class);
        // time passes: the block is over and the failures are older than the window
        jdbc.update("update login_throttle set blocked_until = dateadd(minute, -1, current_timestamp),"
                + " window_start = dateadd(minute, -20, current_timestamp) where throttle_key = 'a:10.0.0.5'");
        assertThatCode(() -> throttle.check("x", "10.0.0.5")).doesNotThrowAnyException();
        // counting starts again from one
        throttle.failed("x", "10.0.0.5");
        assertThat(failures("a:10.0.0.5")).isEqualTo(1);
    }

    @Test
    void withoutAnAddressOnlyTheAccountCounts() {
        throttle.failed("erin", null);
        assertThat(failures("u:erin")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from login_throttle", Integer.class)).isEqualTo(1);
        assertThatCode(() -> throttle.check("erin", null)).doesNotThrowAnyException();
    }

    private Integer failures(String key) {
        return jdbc.query("select failures from login_throttle where throttle_key = ?",
                rs -> rs.next() ? rs.getInt(1) : null, key);
    }
}
