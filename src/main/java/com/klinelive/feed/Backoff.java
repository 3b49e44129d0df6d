package com.klinelive.feed;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: attempt n waits a uniformly random time in
 * [0, min(cap, base * 2^n)], so many clients cut off together do not come back together.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(long baseMillis, long capMillis) {
        this(baseMillis, capMillis, null);
    }

    /** With {@code random} for the jitter (tests pick it), or null for a thread-local one. */
    public Backoff(long baseMillis, long capMillis, RandomGenerator random) {
        if (baseMillis <= 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more attempt. */
    public synchronized long nextDelayMillis() {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 30));
        attempt++;
        return (random != null ? random : ThreadLocalRandom.current()).nextLong(ceiling + 1);
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
