package com.klinelive.sim;

/**
 * The sequence numbers of one symbol already sent on one connection, as a few sorted, disjoint, closed ranges.
 * A resuming client is sent what it lacks: everything after its {@code since} that is not in here.
 *
 * <p>Bounded: beyond {@link #MAX_RANGES} ranges the oldest is forgotten, which can only cause a duplicate (that the
 * client drops), never a gap. Not thread-safe: guarded by the owning {@link SymbolChannel}'s lock.
 */
final class SentRanges {

    static final int MAX_RANGES = 8;

    private final long[] from = new long[MAX_RANGES];
    private final long[] to = new long[MAX_RANGES];
    private int count;

    /** Records that {@code first..last} (inclusive) was sent. */
    void add(long first, long last) {
        if (first > last) {
            return;
        }
        // Live ticks and replay chunks almost always extend the newest range.
        if (count > 0 && first <= to[count - 1] + 1 && first >= from[count - 1]) {
            to[count - 1] = Math.max(to[count - 1], last);
            return;
        }
        long lo = first;
        long hi = last;
        long[] keptFrom = new long[MAX_RANGES + 1];
        long[] keptTo = new long[MAX_RANGES + 1];
        int kept = 0;
        boolean placed = false;
        for (int i = 0; i < count; i++) {
            if (to[i] + 1 < lo) {
                keptFrom[kept] = from[i];
                keptTo[kept++] = to[i];
            } else if (from[i] > hi + 1) {
                if (!placed) {
                    keptFrom[kept] = lo;
                    keptTo[kept++] = hi;
                    placed = true;
                }
                keptFrom[kept] = from[i];
                keptTo[kept++] = to[i];
            } else {
                lo = Math.min(lo, from[i]);
                hi = Math.max(hi, to[i]);
            }
        }
        if (!placed) {
            keptFrom[kept] = lo;
            keptTo[kept++] = hi;
        }
        int skip = Math.max(0, kept - MAX_RANGES);
        count = kept - skip;
        System.arraycopy(keptFrom, skip, from, 0, count);
        System.arraycopy(keptTo, skip, to, 0, count);
    }

    void clear() {
        count = 0;
    }

    /** The smallest sequence greater than {@code after} that was not sent. */
    long firstMissingAfter(long after) {
        long candidate = after + 1;
        for (int i = 0; i < count; i++) {
            if (from[i] <= candidate && candidate <= to[i]) {
                candidate = to[i] + 1;
            }
        }
        return candidate;
    }

    /** The first sent sequence at or after {@code seq}, or {@link Long#MAX_VALUE} if none. */
    long nextSentAtOrAfter(long seq) {
        for (int i = 0; i < count; i++) {
            if (to[i] >= seq) {
                return Math.max(from[i], seq);
            }
        }
        return Long.MAX_VALUE;
    }

    int size() {
        return count;
    }
}
