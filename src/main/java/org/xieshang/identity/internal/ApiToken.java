package org.xieshang.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A bearer token, stored only as its SHA-256 hash; expires, and can be revoked. */
@Entity
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long committeeId;
    @Column(nullable = false)
    private Long userId;
    @Column(nullable = false, length = 64)
    private String tokenHash;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant expiresAt;
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(Long committeeId, Long userId, String tokenHash, Instant expiresAt) {
        this.committeeId = committeeId;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    boolean isValid(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    String getTokenHash() {
        return tokenHash;
    }

    Long getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
