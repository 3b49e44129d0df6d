package com.klinelive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void ceilingDoublesUpToTheCapAndWaitsStayBelowIt() {
        Backoff backoff = new Backoff(100, 1_000);
        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000};
        for (long ceiling : ceilings) {
            assertEquals(ceiling, backoff.nextCeilingMillis());
            long delay = backoff.nextDelayMillis();
            assertTrue(delay >= 0 && delay <= ceiling, "delay " + delay + " above " + ceiling);
        }
    }

    @Test
    void jitterSpreadsTheWaits() {
        Backoff backoff = new Backoff(10_000, 10_000);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1_000; i++) {
            long d = backoff.nextDelayMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min < 2_000 && max > 8_000, "full jitter should cover the range: " + min + ".." + max);
    }

    @Test
    void resetStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(100, 10_000);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.reset();
        assertEquals(100, backoff.nextCeilingMillis());
        assertEquals(0, backoff.attempts());
    }
}
