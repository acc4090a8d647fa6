package org.xieshang.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.shared.error.TooManyRequests;

/**
 * Failed-login throttling per account and per address, kept in the database so that every
 * application node sees the same counts. After too many failures in the window, further
 * attempts are refused (429) until the block ends, even with the right password.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration block;

    LoginThrottle(JdbcTemplate jdbc,
                  @Value("${xieshang.login.max-failures-per-account}") int maxPerAccount,
                  @Value("${xieshang.login.max-failures-per-address}") int maxPerAddress,
                  @Value("${xieshang.login.window}") Duration window,
                  @Value("${xieshang.login.block}") Duration block) {
        this.jdbc = jdbc;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.block = block;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public void check(String username, String address) {
        Instant now = Instant.now();
        for (String key : keys(username, address)) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select blocked_until from login_throttle where throttle_key = ?", key);
            if (!rows.isEmpty() && rows.get(0).get("blocked_until") != null) {
                Instant until = toInstant(rows.get(0).get("blocked_until"));
                if (until.isAfter(now)) {
                    throw new TooManyRequests(Duration.between(now, until).toSeconds() + 1);
                }
            }
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String address) {
        Instant now = Instant.now();
        fail("u:" + normalize(username), maxPerAccount, now);
        if (address != null) {
            fail("a:" + address, maxPerAddress, now);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.update("delete from login_throttle where throttle_key = ?", "u:" + normalize(username));
    }

    private void fail(String key, int max, Instant now) {
        Timestamp windowStart = Timestamp.from(now.minus(window));
        int updated = jdbc.update("""
                update login_throttle set
                  failures = case when window_start < ? then 1 else failures + 1 end,
                  window_start = case when window_start < ? then ? else window_start end
                where throttle_key = ?""", windowStart, windowStart, Timestamp.from(now), key);
        if (updated == 0) {
            try {
                jdbc.update("insert into login_throttle (throttle_key, failures, window_start) values (?, 1, ?)",
                        key, Timestamp.from(now));
            } catch (DuplicateKeyException raced) {
                jdbc.update("update login_throttle set failures = failures + 1 where throttle_key = ?", key);
            }
        }
        jdbc.update("update login_throttle set blocked_until = ? where throttle_key = ? and failures >= ?",
                Timestamp.from(now.plus(block)), key, max);
    }

    private static List<String> keys(String username, String address) {
        return address == null ? List.of("u:" + normalize(username)) : List.of("u:" + normalize(username), "a:" + address);
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
