package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;

/**
 * Simple moving average of closes. Computed for an index range only, with a running sum: the cost is the range
 * plus one window, whatever the length of the history before it.
 */
public final class Sma {

    private Sma() {}

    /**
     * Writes the average of the {@code length} closes ending at {@code i} to {@code out[i - from]} for every
     * {@code i} in {@code [from, to)}, or NaN where fewer than {@code length} candles exist.
     */
    public static void compute(CandleColumns candles, int from, int to, int length, double[] out) {
        checkArgs(from, to, length, out);
        int start = Math.max(0, from - length + 1);
        // Sums are taken relative to a reference close: prices of 1e5 and windows of hundreds keep full precision.
        double ref = to > from ? candles.close(start) : 0;
        double sum = 0;
        for (int i = start; i < to; i++) {
            sum += candles.close(i) - ref;
            if (i - length >= start) {
                sum -= candles.close(i - length) - ref;
            }
            if (i >= from) {
                out[i - from] = i >= length - 1 ? ref + sum / length : Double.NaN;
            }
        }
    }

    static void checkArgs(int from, int to, int length, double[] out) {
        if (length < 1 || from < 0 || to < from || out.length < to - from) {
            throw new IllegalArgumentException("bad range " + from + ".." + to + " length " + length);
        }
    }
}
