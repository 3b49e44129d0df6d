package com.klinelive.feed.format;

import java.time.Duration;
import java.util.Objects;

/**
 * A ping in the feed's own messages, for feeds that close a connection that stays quiet (OKX: the text
 * {@code ping} within 30 s; Bybit: {@code {"op":"ping"}} every 20 s). Their answers are decoded like any message.
 *
 * @param period how often to send it while connected
 * @param text   the message
 */
public record ApplicationPing(Duration period, String text) {

    public ApplicationPing {
        Objects.requireNonNull(text, "text");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a ping period must be positive");
        }
    }
}
