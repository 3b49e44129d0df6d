package com.klinelive.feed.rest;

import java.time.Duration;

/** A host told us to wait (HTTP 429 or 418), or we are waiting for it: no request goes there until then. */
public final class RateLimitedException extends RestException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the host takes requests again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
