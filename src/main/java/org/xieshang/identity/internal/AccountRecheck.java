package org.xieshang.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.xieshang.shared.jpa.AfterTransaction;

/**
 * Re-checks a signed-in account on every request: still enabled, credentials unchanged since
 * sign-in. The account's state and the resolved bearer tokens are cached briefly (so a page with
 * many requests costs one query, and an API request none), evicted on this node when the account
 * changes or a token is revoked; other nodes see a change within the cache's lifetime
 * ({@code xieshang.session.recheck-cache}, 5 s), and web sessions at once anyway because the
 * user's sessions are deleted from the shared store (docs/reqcost.md).
 */
@Component
class AccountRecheck {

    record State(boolean enabled, long credentialsVersion, boolean passwordChangeRequired) {
    }

    /** A resolved bearer token: whose it is, until when, and the account's credentials version when resolved. */
    record Token(org.xieshang.shared.CurrentUser user, java.time.Instant expiresAt, long credentialsVersion) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final Cache<Long, Optional<State>> cache;
    /** Valid tokens by their hash (invalid ones are not kept: each such request asks the database). */
    private final Cache<String, Token> tokens;

    AccountRecheck(JdbcTemplate jdbc, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
                   @Value("${xieshang.session.recheck-cache:5s}") Duration lifetime) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.cache = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
        this.tokens = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
    }

    /**
     * The user of a bearer token, from the cache or the loader (null: no valid token). A cached
     * token counts only while the account, re-checked here from the account cache, is enabled and
     * has the credentials version the token was resolved with: a disabled account, a changed role
     * or password refuses its tokens at once on this node, even before their cache entry goes.
     */
    Optional<org.xieshang.shared.CurrentUser> token(String hash, java.util.function.Function<String, Token> loader) {
        Token t = tokens.get(hash, loader);
        if (t == null) {
            return Optional.empty();
        }
        boolean valid = java.time.Instant.now().isBefore(t.expiresAt()) && state(t.user().id())
                .map(s -> s.enabled() && s.credentialsVersion() == t.credentialsVersion()).orElse(false);
        if (!valid) {
            tokens.invalidate(hash);
            return Optional.empty();
        }
        return Optional.of(t.user());
    }

    /** A token was revoked: forget it now and again after the commit (a request may have read it meanwhile). */
    void tokenRevoked(String hash) {
        tokens.invalidate(hash);
        afterCommit(() -> tokens.invalidate(hash));
    }

    /** Something shown of the account changed (its name): its cached state and tokens go after the commit. */
    void accountChanged(Long userId) {
        afterCommit(() -> forget(userId));
    }

    private void forget(Long userId) {
        cache.invalidate(userId);
        tokens.asMap().values().removeIf(t -> t.user().id().equals(userId));
    }

    private static void afterCommit(Runnable run) {
        AfterTransaction.afterCommit(run);
    }

    /** True when the account exists, is enabled and still has the credentials version of the stamp. */
    boolean stillValid(Long userId, long stampedVersion) {
        return state(userId).map(s -> s.enabled() && s.credentialsVersion() == stampedVersion).orElse(false);
    }

    Optional<State> state(Long userId) {
        // plain JDBC: no tenant is known yet for this lookup, and it must not open a JPA session
        return cache.get(userId, id -> jdbc.query(
                "select enabled, credentials_version, password_change_required from user_account where id = ?",
                rs -> rs.next() ? Optional.of(new State(rs.getBoolean(1), rs.getLong(2), rs.getBoolean(3)))
                        : Optional.<State>empty(), id));
    }

    /**
     * The account's credentials changed: once the transaction commits, forget the cached state
     * and end the user's web sessions (API tokens are revoked in the transaction itself).
     */
    void credentialsChanged(Long userId, String username) {
        credentialsChanged(userId, username, null);
    }

    /** As above, but the session with this id (the one the user changed their password in) stays. */
    void credentialsChanged(Long userId, String username, String keptSessionId) {
        afterCommit(() -> {
            forget(userId);
            endSessions(username, keptSessionId);
        });
    }

    void endSessions(String username, String keptSessionId) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null && username != null) {
            repository.findByPrincipalName(username).keySet().stream()
                    .filter(id -> !id.equals(keptSessionId))
                    .forEach(repository::deleteById);
        }
    }
}
