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
 * Failed-login throttling, kept in the database so that every node sees the same counts. Three
 * counters, so that a stranger cannot lock the owner out:
 * <ul>
 * <li>an account <em>and</em> address together: a few free failures, then growing delays
 * (1, 2, 4, 8, 15 minutes by default) for that pair only — the owner elsewhere is not slowed;</li>
 * <li>an address: blocked for a while after many failures across accounts (password spraying);</li>
 * <li>an account: locked outright (423) only after very many failures in a day, from anywhere,
 * until an administrator unlocks it.</li>
 * </ul>
 * While a pair or an address is blocked the attempt is refused (429, Retry-After) before the
 * password is checked, and does not count.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final int freeFailures;
    private final List<Duration> delays;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration block;
    private final int lockAfter;
    private final Duration lockWindow;

    LoginThrottle(JdbcTemplate jdbc,
                  @Value("${xieshang.login.free-failures:5}") int freeFailures,
                  @Value("${xieshang.login.delays:1m,2m,4m,8m,15m}") List<Duration> delays,
                  @Value("${xieshang.login.max-failures-per-address}") int maxPerAddress,
                  @Value("${xieshang.login.window}") Duration window,
                  @Value("${xieshang.login.block}") Duration block,
                  @Value("${xieshang.login.lock-after:50}") int lockAfter,
                  @Value("${xieshang.login.lock-window:24h}") Duration lockWindow) {
        this.jdbc = jdbc;
        this.freeFailures = freeFailures;
        this.delays = List.copyOf(delays);
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.block = block;
        this.lockAfter = lockAfter;
        this.lockWindow = lockWindow;
    }

    /** Refuses an attempt: 423 when the account is locked, 429 while its pair or its address is blocked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public void check(String username, String address) {
        Instant now = Instant.now();
        List<Map<String, Object>> account = jdbc.queryForList(
                "select locked_at from login_throttle where throttle_key = ?", accountKey(username));
        if (!account.isEmpty() && account.get(0).get("locked_at") != null) {
            throw new AccountLocked();
        }
        for (String key : address == null ? List.of(pairKey(username, null))
                : List.of(pairKey(username, address), addressKey(address))) {
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
        // the pair's failures are counted over the lock window: the delays grow until a success
        int pair = count(pairKey(username, address), lockWindow, now);
        if (pair > freeFailures) {
            Duration delay = delays.get(Math.min(pair - freeFailures, delays.size()) - 1);
            block(pairKey(username, address), now.plus(delay));
        }
        if (address != null && count(addressKey(address), window, now) >= maxPerAddress) {
            block(addressKey(address), now.plus(block));
        }
        if (count(accountKey(username), lockWindow, now) >= lockAfter) {
            jdbc.update("update login_throttle set locked_at = ? where throttle_key = ? and locked_at is null",
                    Timestamp.from(now), accountKey(username));
        }
    }

    /** The right password: the pair starts afresh (the address and the account's day count do not). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        jdbc.update("delete from login_throttle where throttle_key = ?", pairKey(username, address));
    }

    /** An administrator unlocks an account: its lock, day count and every pair's delay end. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void unlock(String username) {
        jdbc.update("delete from login_throttle where throttle_key = ? or throttle_key like ?",
                accountKey(username), "p:" + escapeLike(normalize(username)) + "|%");
    }

    boolean isLocked(String username) {
        return Boolean.TRUE.equals(jdbc.query("select locked_at from login_throttle where throttle_key = ?",
                rs -> rs.next() && rs.getTimestamp(1) != null, accountKey(username)));
    }

    /** Counts one failure in a window that restarts when it has passed; returns the count. */
    private int count(String key, Duration window, Instant now) {
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
        return jdbc.queryForObject("select failures from login_throttle where throttle_key = ?", Integer.class, key);
    }

    private void block(String key, Instant until) {
        jdbc.update("update login_throttle set blocked_until = ? where throttle_key = ?", Timestamp.from(until), key);
    }

    static String accountKey(String username) {
        return "u:" + normalize(username);
    }

    static String addressKey(String address) {
        return "a:" + address;
    }

    static String pairKey(String username, String address) {
        return "p:" + normalize(username) + "|" + (address == null ? "" : address);
    }

    private static String normalize(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        // keys are at most 200 characters: a longer name is no account's anyway
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
