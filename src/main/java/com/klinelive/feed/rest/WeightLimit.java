package com.klinelive.feed.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * A host's request-weight budget reported in a response header (Binance: {@code X-MBX-USED-WEIGHT-1M} against
 * 6,000 a minute). The client spaces its requests out above {@link #SLOW_SHARE} of the budget and waits for the
 * next window above {@link #STOP_SHARE}, so the limit itself is never hit.
 *
 * @param header the response header with the weight used in the current window
 * @param limit  the weight allowed per window
 * @param window the window, aligned to the epoch (Binance's minute)
 */
public record WeightLimit(String header, int limit, Duration window) {

    /** Above this share of the budget, requests are spaced a twentieth of the window apart. */
    public static final double SLOW_SHARE = 0.7;
    /** Above this share, no request goes out before the next window. */
    public static final double STOP_SHARE = 0.9;

    public WeightLimit {
        Objects.requireNonNull(header, "header");
        if (limit <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a weight limit needs a positive limit and window");
        }
    }
}
