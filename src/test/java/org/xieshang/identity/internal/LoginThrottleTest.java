package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.xieshang.shared.error.TooManyRequests;

/**
 * The database-backed failed-login throttle on its own, over an in-memory H2 table: delays per
 * account and address together, a block per address, a lock per account only after many
 * failures — so that a stranger elsewhere cannot lock the owner out.
 */
class LoginThrottleTest {

    private static final int FREE = 5;
    private static final int PER_ADDRESS = 30;
    private static final int LOCK_AFTER = 50;

    private JdbcTemplate jdbc;
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        // the table as V1__foundation.sql and V21__login_lock.sql create it
        jdbc.execute("""
                create table login_throttle (
                    throttle_key  varchar(200) primary key,
                    failures      integer not null,
                    window_start  timestamp with time zone not null,
                    blocked_until timestamp with time zone,
                    locked_at     timestamp with time zone
                )""");
        throttle = new LoginThrottle(jdbc, FREE, List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15)), PER_ADDRESS, Duration.ofMinutes(15), Duration.ofMinutes(15),
                LOCK_AFTER, Duration.ofHours(24));
    }

    /** One attempt as the application makes it: refused while blocked (not counted), else a failure. */
    private boolean attempt(String user, String address) {
        try {
            throttle.check(user, address);
        } catch (TooManyRequests | AccountLocked refused) {
            return false;
        }
        throttle.failed(user, address);
        return true;
    }

    @Test
    void fiveFreeFailuresThenGrowingDelaysForThatAccountAndAddressOnly() {
        for (int i = 0; i < FREE; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertThatCode(() -> throttle.check("alice", "10.0.0.1")).doesNotThrowAnyException();
        }
        long[] minutes = {1, 2, 4, 8, 15, 15};
        for (long m : minutes) {
            throttle.failed("alice", "10.0.0.1");
            assertThatThrownBy(() -> throttle.check("alice", "10.0.0.1"))
                    .isInstanceOfSatisfying(TooManyRequests.class, e -> {
                        assertThat(e.retryAfterSeconds()).isBetween(m * 60 - 5, m * 60 + 1);
                        assertThat(e.status().value()).isEqualTo(429);
                    });
            // the block ends (time passes) before the next failure
            jdbc.update("update login_throttle set blocked_until = null where throttle_key = ?",
                    LoginThrottle.pairKey("alice", "10.0.0.1"));
        }
        // the owner elsewhere, and others from there, are not slowed
        assertThatCode(() -> throttle.check("alice", "10.0.0.2")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("bob", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anAttackerFromAnotherAddressCannotLockTheOwnerOut() {
        // the attacker keeps trying for a long while from one address: refused, mostly without counting
        int counted = 0;
        for (int i = 0; i < 200; i++) {
            if (attempt("owner", "203.0.113.9")) {
                counted++;
            }
        }
        assertThat(counted).isEqualTo(FREE + 1);
        assertThat(throttle.isLocked("owner")).isFalse();
        assertThatCode(() -> throttle.check("owner", "192.168.1.20")).doesNotThrowAnyException();
        // the owner's own success does not lift the attacker's delay
        throttle.succeeded("owner", "192.168.1.20");
        assertThatThrownBy(() -> throttle.check("owner", "203.0.113.9")).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void anAccountIsLockedOnlyAfterManyFailuresFromAnywhereUntilUnlocked() {
        for (int i = 0; i < LOCK_AFTER - 1; i++) {
            assertThat(attempt("carol", "198.51.100." + i)).isTrue();
        }
        assertThat(throttle.isLocked("carol")).isFalse();
        assertThat(attempt("Carol ", "198.51.100.250")).isTrue();
        assertThat(throttle.isLocked("carol")).isTrue();
        assertThatThrownBy(() -> throttle.check("carol", "172.16.0.1"))
                .isInstanceOfSatisfying(AccountLocked.class, e -> assertThat(e.status().value()).isEqualTo(423));
        assertThatCode(() -> throttle.check("dave", "172.16.0.1")).doesNotThrowAnyException();

        throttle.unlock("carol");
        assertThat(throttle.isLocked("carol")).isFalse();
        assertThatCode(() -> throttle.check("carol", "198.51.100.1")).doesNotThrowAnyException();
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
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 15 * 60L + 1);
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
    void aSuccessClearsThePairButNotTheAddressNorTheAccountsDayCount() {
        throttle.failed("alice", "10.0.0.4");
        throttle.failed("alice", "10.0.0.4");
        throttle.succeeded("alice", "10.0.0.4");
        assertThat(failures(LoginThrottle.pairKey("alice", "10.0.0.4"))).isNull();
        assertThat(failures("a:10.0.0.4")).isEqualTo(2);
        assertThat(failures("u:alice")).isEqualTo(2);
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
    void withoutAnAddressTheAccountAndItsPairCount() {
        throttle.failed("erin", null);
        assertThat(failures("u:erin")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from login_throttle", Integer.class)).isEqualTo(2);
        assertThatCode(() -> throttle.check("erin", null)).doesNotThrowAnyException();
    }

    private Integer failures(String key) {
        return jdbc.query("select failures from login_throttle where throttle_key = ?",
                rs -> rs.next() ? rs.getInt(1) : null, key);
    }
}
