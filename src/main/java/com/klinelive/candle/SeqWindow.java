package com.klinelive.candle;

/**
 * Remembers which sequence numbers of one symbol were counted, in bounded memory: every number at or below a
 * floor (history already counted them), and a bitmap of the {@link #WIDTH} numbers below the highest seen.
 * Older numbers cannot be told apart from duplicates and are reported as too late.
 *
 * <p>Not thread-safe: guarded by the owning {@link CandleBook}.
 */
final class SeqWindow {

    /** How far below the highest sequence a late tick is still recognised. */
    static final int WIDTH = 1 << 16;

    enum Status {
        NEW,
        DUPLICATE,
        TOO_OLD
    }

    private final long[] bits = new long[WIDTH / Long.SIZE];
    private long highest = -1;
    private long floor = -1;

    Status check(long seq) {
        if (seq <= floor) {
            return Status.DUPLICATE;
        }
        if (seq > highest) {
            return Status.NEW;
        }
        if (seq <= highest - WIDTH) {
            return Status.TOO_OLD;
        }
        return isSet(seq) ? Status.DUPLICATE : Status.NEW;
    }

    /** Marks {@code seq} as counted; the caller has seen {@link Status#NEW} for it. */
    void mark(long seq) {
        if (seq > highest) {
            if (highest < 0 || seq - highest >= WIDTH) {
                java.util.Arrays.fill(bits, 0L);
            } else {
                // Numbers that slide into the window are not seen yet.
                for (long s = highest + 1; s < seq; s++) {
                    clear(s);
                }
            }
            highest = seq;
        }
        set(seq);
    }

    /** Everything up to and including {@code seq} counts as seen; the bitmap starts over above it. */
    void resetTo(long seq) {
        java.util.Arrays.fill(bits, 0L);
        floor = seq;
        highest = seq;
    }

    /** Forgets everything (the feed's sequence numbers restarted). */
    void clear() {
        java.util.Arrays.fill(bits, 0L);
        floor = -1;
        highest = -1;
    }

    /** The highest sequence counted, or -1. */
    long highest() {
        return highest;
    }

    private boolean isSet(long seq) {
        int i = (int) (seq & (WIDTH - 1));
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private void set(long seq) {
        int i = (int) (seq & (WIDTH - 1));
        bits[i >>> 6] |= 1L << i;
    }

    private void clear(long seq) {
        int i = (int) (seq & (WIDTH - 1));
        bits[i >>> 6] &= ~(1L << i);
    }
}
