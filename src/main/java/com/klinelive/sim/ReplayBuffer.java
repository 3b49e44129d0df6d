package com.klinelive.sim;

/**
 * The newest ticks of one symbol, kept so that a client that lost its connection can resume without a gap: a ring
 * of primitive columns indexed by sequence number, so finding where to resume is one mask operation. When full,
 * appending forgets the oldest tick.
 *
 * <p>Holds exactly the ticks with {@link #floorSeq()} &lt; seq &le; {@link #lastSeq()}. Not thread-safe: the owning
 * {@link SymbolChannel} guards it.
 */
final class ReplayBuffer {

    private final int capacity;
    private final int mask;
    private final long[] times;
    private final double[] prices;
    private final double[] sizes;
    private long last;
    private long floor;

    /**
     * @param capacity ticks kept, rounded up to a power of two
     * @param lastSeq  the sequence published before the first tick this buffer will hold (the end of the
     *                 pre-filled history), so that a client holding exactly that resumes without a reset
     */
    ReplayBuffer(int capacity, long lastSeq) {
        if (capacity < 1 || capacity > 1 << 28) {
            throw new IllegalArgumentException("replay capacity out of range: " + capacity);
        }
        this.capacity = ceilPowerOfTwo(capacity);
        this.mask = this.capacity - 1;
        this.times = new long[this.capacity];
        this.prices = new double[this.capacity];
        this.sizes = new double[this.capacity];
        this.last = lastSeq;
        this.floor = lastSeq;
    }

    int capacity() {
        return capacity;
    }

    /** The newest sequence appended (or the starting one while empty). */
    long lastSeq() {
        return last;
    }

    /** Every tick after this sequence, up to {@link #lastSeq()}, is held. */
    long floorSeq() {
        return floor;
    }

    /** Whether every tick after {@code since} up to the newest is still held. */
    boolean canResumeAfter(long since) {
        return since >= floor && since <= last;
    }

    /** Appends the tick with the next sequence number. */
    void append(long seq, long time, double price, double size) {
        if (seq != last + 1) {
            throw new IllegalArgumentException("expected seq " + (last + 1) + ", got " + seq);
        }
        int i = (int) (seq & mask);
        times[i] = time;
        prices[i] = price;
        sizes[i] = size;
        last = seq;
        if (last - floor > capacity) {
            floor = last - capacity;
        }
    }

    /**
     * Replaces the content of {@code out} with the ticks after {@code since}, oldest first, at most {@code max}.
     *
     * @throws IllegalArgumentException unless {@link #canResumeAfter} holds for {@code since}
     */
    void copyAfter(long since, int max, TickColumns out) {
        if (!canResumeAfter(since)) {
            throw new IllegalArgumentException("seq " + since + " outside (" + floor + ", " + last + "]");
        }
        out.clear();
        long end = Math.min(last, since + max);
        for (long seq = since + 1; seq <= end; seq++) {
            int i = (int) (seq & mask);
            out.add(seq, times[i], prices[i], sizes[i]);
        }
    }

    private static int ceilPowerOfTwo(int n) {
        int p = Integer.highestOneBit(n);
        return p == n ? n : p << 1;
    }
}
