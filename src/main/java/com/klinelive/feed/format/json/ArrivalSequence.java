package com.klinelive.feed.format.json;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sequence numbers for trades of a feed that carries none, in the order they arrive. The candle engine drops a
 * trade whose sequence it already counted, so these must never repeat, not even across reconnects: each
 * decoder takes a block of 2^32 numbers from one process-wide counter, a block taken later lying above every
 * earlier one, and counts through it with no atomic operation per trade.
 */
final class ArrivalSequence {

    private static final long BLOCK = 1L << 32;
    private static final AtomicLong NEXT_BLOCK = new AtomicLong();

    private long next;
    private long end;

    long next() {
        if (next == end) {
            next = NEXT_BLOCK.getAndAdd(BLOCK);
            end = next + BLOCK;
        }
        return next++;
    }
}
