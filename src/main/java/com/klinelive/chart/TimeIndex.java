package com.klinelive.chart;

import com.klinelive.model.CandleColumns;

/**
 * Between moments and positions in candle index space (candle {@code i} spans {@code [i, i+1)}): a moment inside a
 * candle stands as far into its slot as into its period; before the first candle and after the newest, positions
 * go on one period a slot. A drawing anchored at a moment so lands on the same candle in any timeframe. Call inside
 * the book's read lock.
 */
final class TimeIndex {

    private TimeIndex() {}

    /** The position of {@code time} among {@code candles} of {@code period} milliseconds. */
    static double indexOf(CandleColumns candles, long time, long period) {
        int n = candles.size();
        if (n == 0) {
            return 0;
        }
        long first = candles.time(0);
        if (time < first) {
            return (double) (time - first) / period;
        }
        int i = candles.ceilingIndex(time + 1) - 1;
        double into = (double) (time - candles.time(i)) / period;
        return i == n - 1 ? i + into : i + Math.min(into, 1);
    }

    /** The moment at position {@code index}: the inverse of {@link #indexOf} within and around the candles. */
    static long timeAt(CandleColumns candles, double index, long period) {
        int n = candles.size();
        if (n == 0) {
            return 0;
        }
        if (index < 0) {
            return candles.time(0) + Math.round(index * period);
        }
        int i = (int) Math.min(n - 1, Math.floor(index));
        return candles.time(i) + Math.round((index - i) * period);
    }
}
