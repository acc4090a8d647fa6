package org.xieshang.shared.error;

import org.springframework.http.HttpStatus;

/** Unknown, or not visible to this user: both answer 404 so that existence does not leak. */
public class NotFound extends DomainException {

    public NotFound() {
        super(HttpStatus.NOT_FOUND, "error.notFound");
    }

    public NotFound(String messageKey, Object... args) {
        super(HttpStatus.NOT_FOUND, messageKey, args);
    }
}
