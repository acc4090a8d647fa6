package org.xieshang.shared.error;

import org.springframework.http.HttpStatus;

/** Not allowed in the record's current state, or would repeat what may happen only once. */
public class Conflict extends DomainException {

    public Conflict(String messageKey, Object... args) {
        super(HttpStatus.CONFLICT, messageKey, args);
    }
}
