package com.klinelive.feed.rest;

import java.time.Duration;

/**
 * A rate limit the REST client met, for the status bar: it slows down or waits, and says so.
 *
 * @param host   the host that limits us
 * @param retryIn how long requests to it wait from now
 * @param reason what happened, in words ("HTTP 429, retry after 30 s", "used weight 5,500 of 6,000")
 */
public record RateLimitNotice(String host, Duration retryIn, String reason) {

    /** One line such as "api.binance.com rate limit: HTTP 429, retry after 30 s". */
    public String describe() {
        return host + " rate limit: " + reason;
    }
}
