package org.xieshang.shared.error;

import org.springframework.http.HttpStatus;

/** Too many failed attempts: try again later. */
public class TooManyRequests extends DomainException {

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "error.tooManyAttempts", Math.max(1, (retryAfterSeconds + 59) / 60));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
