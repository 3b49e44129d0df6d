package com.klinelive.sim;

/** A request the server refuses with 400 and this message. Thrown by {@link QueryParams}; no stack trace. */
final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
