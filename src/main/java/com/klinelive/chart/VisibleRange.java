package com.klinelive.chart;

/**
 * The candles on screen: indexes into the series of the chart's timeframe, oldest first, and their times. An
 * empty chart has {@code first = 0, last = -1} and times of 0.
 *
 * @param first     index of the oldest candle at least partly visible
 * @param last      index of the newest candle at least partly visible
 * @param firstTime bucket start of the oldest visible candle, epoch milliseconds UTC
 * @param lastTime  bucket start of the newest visible candle, epoch milliseconds UTC
 * @param count     number of candles in the series
 */
public record VisibleRange(int first, int last, long firstTime, long lastTime, int count) {

    /** Nothing visible in an empty series. */
    public static final VisibleRange EMPTY = new VisibleRange(0, -1, 0, 0, 0);

    /** Number of candles visible. */
    public int size() {
        return last - first + 1;
    }

    /** Whether the newest candle of the series is visible. */
    public boolean showsNewest() {
        return count > 0 && last == count - 1;
    }
}
