package org.xieshang.shared.error;

import org.springframework.http.HttpStatus;

/** Not allowed for this user or outside their data scope. */
public class Forbidden extends DomainException {

    public Forbidden() {
        super(HttpStatus.FORBIDDEN, "error.forbidden");
    }
}
