package org.xieshang.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** The committee's key signing members' calendar feed links; in the database so that every node agrees. */
@Entity
@jakarta.persistence.Table(name = "activity_feed_key")
class FeedKey extends CommitteeScopedEntity {

    @Column(nullable = false, length = 100)
    private String secret;

    protected FeedKey() {
    }

    FeedKey(String secret) {
        this.secret = secret;
    }

    String getSecret() {
        return secret;
    }
}
