package com.klinelive.feed;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with full jitter: attempt n waits a uniformly random time in
 * [0, min(cap, base * 2^n)], so many clients cut off together do not come back together.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private int attempt;

    public Backoff(long baseMillis, long capMillis) {
        if (baseMillis <= 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
    }

    /** The wait before the next attempt; each call counts one more attempt. */
    public synchronized long nextDelayMillis() {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 30));
        attempt++;
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** The longest wait the next call may return. */
    public synchronized long nextCeilingMillis() {
        return Math.min(capMillis, baseMillis << Math.min(attempt, 30));
    }

    /** Back to the first attempt, after a success. */
    public synchronized void reset() {
        attempt = 0;
    }

    public synchronized int attempts() {
        return attempt;
    }
}
