package org.xieshang.shared.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.xieshang.shared.jpa.AfterTransaction;

/**
 * One value per committee, read often and changed rarely (settings, calendar, units with accounts):
 * kept for at most a minute, so other nodes see a change within that bound, and evicted on this node
 * at once and again when the changing transaction ends (a reader may cache the old value meanwhile).
 * Outside a committee's context (the system's) nothing is cached.
 */
public final class CommitteeCache<V> {

    private final Cache<Long, V> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000).build();

    /** The current committee's value, loaded by {@code load} when absent. */
    public V get(Supplier<V> load) {
        Long committee = CommitteeContext.current();
        if (committee == null || committee <= 0) {
            return load.get();
        }
        return cache.get(committee, k -> load.get());
    }

    /** The current committee's value changes (every committee's outside a committee's context). */
    public void changed() {
        Long committee = CommitteeContext.current();
        AfterTransaction.nowAndAtEnd(committee == null || committee <= 0 ? cache::invalidateAll
                : () -> cache.invalidate(committee));
    }
}
