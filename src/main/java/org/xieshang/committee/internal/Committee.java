package org.xieshang.committee.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.xieshang.committee.CommitteeLevel;

/** A committee: the tenant that every other row belongs to. */
@Entity
class Committee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 200)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CommitteeLevel level;
    @Column(length = 200)
    private String region;
    @Column(nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Committee() {
    }

    Committee(String name, CommitteeLevel level, String region) {
        this.name = name;
        this.level = level;
        this.region = region;
        this.createdAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    CommitteeLevel getLevel() {
        return level;
    }

    String getRegion() {
        return region;
    }
}
