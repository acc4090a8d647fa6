package org.xieshang.committee;

import java.util.Optional;

/** Committees are the tenants: creating one and finding them. System-level, not scoped. */
public interface Committees {

    record CommitteeView(Long id, String name, CommitteeLevel level, String region) {
    }

    CommitteeView create(String name, CommitteeLevel level, String region);

    long count();

    Optional<CommitteeView> find(Long id);

    /** Every committee, for background work that runs per committee. */
    java.util.List<CommitteeView> all();
}
