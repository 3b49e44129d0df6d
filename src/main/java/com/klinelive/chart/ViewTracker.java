package com.klinelive.chart;

import com.klinelive.model.CandleColumns;

/**
 * Keeps the user's view on the same candles while the series changes under it. The view is anchored to the
 * newest candle, so each candle appended (or, in a full series, each oldest candle dropped) would scroll it;
 * while not following live, the right offset is lowered by the number of new candles to hold still. When the
 * series is replaced (another book or timeframe), the newest candle that was on screen is looked up by time.
 * FX thread only; called inside the book's read lock.
 */
final class ViewTracker {

    private Object seriesKey;
    private long newestTime = Long.MIN_VALUE;
    private long anchorTime = Long.MIN_VALUE;

    /**
     * The right offset to use for this frame.
     *
     * @param candles     the series, read under its lock
     * @param key         identifies the series (book and timeframe); a different key means a new series
     * @param rightOffset the chart's right offset as the user left it
     * @param followLive  whether new candles should scroll in
     */
    double resolve(CandleColumns candles, Object key, double rightOffset, boolean followLive) {
        int n = candles.size();
        double offset = rightOffset;
        if (!key.equals(seriesKey)) {
            if (!followLive && anchorTime != Long.MIN_VALUE && n > 0) {
                // The candle holding the anchor time goes to the right edge.
                int holder = Math.max(0, candles.ceilingIndex(anchorTime + 1) - 1);
                offset = holder + 1 - n;
            }
        } else if (!followLive && n > 0 && newestTime != Long.MIN_VALUE && candles.time(n - 1) != newestTime) {
            int previous = candles.ceilingIndex(newestTime);
            if (previous < n && candles.time(previous) == newestTime) {
                offset -= n - 1 - previous;
            }
        }
        seriesKey = key;
        newestTime = n > 0 ? candles.time(n - 1) : Long.MIN_VALUE;
        return offset;
    }

    /** Remembers the last moment the screen covers (end of its newest candle), the anchor for a new series. */
    void anchorAt(long time) {
        anchorTime = time;
    }
}
