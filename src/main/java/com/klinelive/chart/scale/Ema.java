package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;

/**
 * Exponential moving average of closes, smoothing {@code 2 / (length + 1)}, seeded with the simple average of its
 * first {@code length} closes.
 *
 * <p>Strictly every EMA value depends on the whole history. The weight of a close {@code k} candles back is
 * {@code (1 - a)^k}, so starting {@link #warmUp(int)} candles before the range instead of at the oldest candle
 * moves no value by more than a billionth of the price range: invisible, and the cost per frame stays the range
 * plus the warm-up instead of the whole history.
 */
public final class Ema {

    /** Relative weight below which older closes are ignored. */
    private static final double NEGLIGIBLE = 1e-9;

    private Ema() {}

    /** Candles computed before the first requested one: enough for older closes to weigh under 1e-9. */
    public static int warmUp(int length) {
        double keep = 1 - 2.0 / (length + 1);
        return length + (keep <= 0 ? 0 : (int) Math.ceil(Math.log(NEGLIGIBLE) / Math.log(keep)));
    }

    /**
     * Writes the EMA at {@code i} to {@code out[i - from]} for every {@code i} in {@code [from, to)}, or NaN
     * before the first {@code length} candles of the series.
     */
    public static void compute(CandleColumns candles, int from, int to, int length, double[] out) {
        Sma.checkArgs(from, to, length, out);
        if (to == from) {
            return;
        }
        int start = Math.max(0, from - warmUp(length));
        double alpha = 2.0 / (length + 1);
        double ema = 0;
        int seeded = start + length - 1;
        for (int i = start; i < to; i++) {
            double close = candles.close(i);
            if (i < seeded) {
                ema += close;
            } else if (i == seeded) {
                ema = (ema + close) / length;
            } else {
                ema += alpha * (close - ema);
            }
            if (i >= from) {
                out[i - from] = i >= seeded ? ema : Double.NaN;
            }
        }
    }
}
