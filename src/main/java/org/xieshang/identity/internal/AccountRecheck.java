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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-checks a signed-in account on every request: still enabled, credentials unchanged since
 * sign-in. The account's state is cached briefly (so a page with many requests costs one query),
 * evicted on this node when the account changes; other nodes see a change within the cache's
 * lifetime, and at once anyway because the user's sessions are deleted from the shared store.
 */
@Component
class AccountRecheck {

    record State(boolean enabled, long credentialsVersion, boolean passwordChangeRequired) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final Cache<Long, Optional<State>> cache;

    AccountRecheck(JdbcTemplate jdbc, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
                   @Value("${xieshang.session.recheck-cache:5s}") Duration lifetime) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.cache = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
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
        Runnable end = () -> {
            cache.invalidate(userId);
            endSessions(username, keptSessionId);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
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
