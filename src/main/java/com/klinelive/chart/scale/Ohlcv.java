package com.klinelive.chart.scale;

/**
 * Read access to candles by index, oldest first, index 0 to {@code size() - 1}: the shape of the candle store as
 * this package sees it, so that the maths here stays free of the storage and of JavaFX. The chart adapts its
 * candle columns to it without copying.
 */
public interface Ohlcv {

    /** Number of candles. */
    int size();

    /** Bucket start, epoch milliseconds UTC, strictly increasing with the index. */
    long time(int index);

    /** Price of the first trade of candle {@code index}. */
    double open(int index);

    /** Highest trade price of candle {@code index}. */
    double high(int index);

    /** Lowest trade price of candle {@code index}. */
    double low(int index);

    /** Price of the last trade of candle {@code index}. */
    double close(int index);

    /** Traded quantity of candle {@code index}. */
    double volume(int index);

    /**
     * The index of the first candle that starts at or after {@code time}, from 0 to {@code size()} (binary
     * search, so callers may look up calendar boundaries without scanning).
     */
    default int ceilingIndex(long time) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
