package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;

/**
 * Bollinger bands: the simple moving average of closes and that average plus and minus {@code width} population
 * standard deviations of the same window. Running sums over the range only, like {@link Sma}.
 */
public final class Bollinger {

    private Bollinger() {}

    /**
     * Writes the middle, upper and lower band at {@code i} to index {@code i - from} of the three arrays for every
     * {@code i} in {@code [from, to)}, or NaN where fewer than {@code length} candles exist.
     */
    public static void compute(
            CandleColumns candles,
            int from,
            int to,
            int length,
            double width,
            double[] middle,
            double[] upper,
            double[] lower) {
        Sma.checkArgs(from, to, length, middle);
        Sma.checkArgs(from, to, length, upper);
        Sma.checkArgs(from, to, length, lower);
        int start = Math.max(0, from - length + 1);
        // Deviations from a nearby reference keep the sum of squares well conditioned.
        double ref = to > from ? candles.close(start) : 0;
        double sum = 0;
        double squares = 0;
        for (int i = start; i < to; i++) {
            double d = candles.close(i) - ref;
            sum += d;
            squares += d * d;
            if (i - length >= start) {
                double old = candles.close(i - length) - ref;
                sum -= old;
                squares -= old * old;
            }
            if (i < from) {
                continue;
            }
            int k = i - from;
            if (i < length - 1) {
                middle[k] = Double.NaN;
                upper[k] = Double.NaN;
                lower[k] = Double.NaN;
                continue;
            }
            double mean = sum / length;
            double deviation = Math.sqrt(Math.max(0, squares / length - mean * mean));
            middle[k] = ref + mean;
            upper[k] = ref + mean + width * deviation;
            lower[k] = ref + mean - width * deviation;
        }
    }
}
