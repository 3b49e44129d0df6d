package com.klinelive.chart;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Set by any thread when there is something new to draw, taken by the FX thread once per pulse. Remembers the
 * oldest receipt time among the marks since the last take, so the frame can report its worst tick-to-pixel
 * latency. Marking a flag that is already set costs one volatile read, so a feed may mark on every tick.
 */
final class DirtyFlag {

    /** Returned by {@link #take()} when nothing was marked. */
    static final long CLEAN = Long.MIN_VALUE;

    private final AtomicLong oldest = new AtomicLong(CLEAN);

    /** Marks dirty with the receipt time (System.nanoTime) of the data that made it so. */
    void mark(long receivedNanos) {
        long value = receivedNanos == CLEAN ? CLEAN + 1 : receivedNanos;
        while (true) {
            long current = oldest.get();
            // nanoTime values are compared by difference: they may wrap around.
            if (current != CLEAN && current - value <= 0) {
                return;
            }
            if (oldest.compareAndSet(current, value)) {
                return;
            }
        }
    }

    /** Clears the flag and returns the oldest receipt time marked since the last take, or {@link #CLEAN}. */
    long take() {
        return oldest.getAndSet(CLEAN);
    }

    boolean isSet() {
        return oldest.get() != CLEAN;
    }
}
