package com.klinelive.model;

/**
 * A read-only view of candles stored column by column, oldest first, index 0 to {@code size() - 1}. The renderer
 * and the chart maths read the visible index range through it without copying; the candle store says for how
 * long a view stays valid ({@code CandleBook.read}: only inside the call).
 */
public interface CandleColumns {

    int size();

    /** Bucket start, epoch milliseconds UTC. Strictly increasing with the index. */
    long time(int index);

    double open(int index);

    double high(int index);

    double low(int index);

    double close(int index);

    double volume(int index);

    long trades(int index);

    /**
     * Counts the changes that rewrote candles instead of only updating the newest one, appending newer ones or
     * dropping the oldest to make room: a late trade in an older candle, a candle inserted into a gap, history
     * replacing the candles, a clear. A reader that keeps values derived from older candles (indicators) compares
     * it between reads: unchanged, only the newest candle and newer ones can differ from what it saw. Columns that
     * never change keep the default, 0.
     */
    default long rewrites() {
        return 0;
    }

    /** The candle at {@code index} as a value (allocates; not for per-frame loops). */
    default Candle candle(int index) {
        return new Candle(
                time(index), open(index), high(index), low(index), close(index), volume(index), trades(index));
    }

    /**
     * Binary search by bucket start: the index of the candle that starts at {@code time}, or
     * {@code -(insertionPoint) - 1} when there is none, as {@link java.util.Arrays#binarySearch(long[], long)}.
     */
    default int search(long time) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long t = time(mid);
            if (t < time) {
                lo = mid + 1;
            } else if (t > time) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /**
     * The index of the first candle that starts at or after {@code time}, from 0 to {@code size()} (binary
     * search, so callers may look up calendar boundaries without scanning).
     */
    default int ceilingIndex(long time) {
        int found = search(time);
        return found >= 0 ? found : -found - 1;
    }
}
