package org.xieshang.shared.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

/**
 * Base of every business row: an id, the committee it belongs to (filled and filtered by
 * Hibernate from the committee context, so no query can forget it) and an optimistic-lock version.
 */
@MappedSuperclass
public abstract class CommitteeScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "committee_id", nullable = false, updatable = false)
    private Long committeeId;

    @Version
    @Column(nullable = false)
    private long version;

    /**
     * The identity of a row read by plain SQL into an object no persistence context manages (the
     * case detail's rows, issue 16): such an object is read, never changed or saved.
     */
    protected final void readAs(Long id, Long committeeId, long version) {
        this.id = id;
        this.committeeId = committeeId;
        this.version = version;
    }

    public Long getId() {
        return id;
    }

    public Long getCommitteeId() {
        return committeeId;
    }

    public long getVersion() {
        return version;
    }
}
