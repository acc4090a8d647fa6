package org.xieshang.shared.error;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand: an HTTP status and a message key resolved in the
 * user's language. Thrown by use cases, turned into problem+json or a page message.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    public DomainException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
