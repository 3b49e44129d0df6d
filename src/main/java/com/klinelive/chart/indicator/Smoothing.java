package com.klinelive.chart.indicator;

/**
 * Exponential smoothing as ta4j's {@code AbstractEMAIndicator} computes it: the first value is the first input,
 * each next one {@code (x - previous) * alpha + previous}, in that order of operations. EMA uses
 * {@code alpha = 2 / (length + 1)}, Wilder's moving average (RSI, ATR) {@code 1 / length}.
 */
final class Smoothing {

    private final double alpha;
    private double value;
    private boolean started;

    private Smoothing(double alpha) {
        this.alpha = alpha;
    }

    static Smoothing ema(int length) {
        return new Smoothing(2.0 / (length + 1));
    }

    static Smoothing wilder(int length) {
        return new Smoothing(1.0 / length);
    }

    /** The smoothed value after {@code x}, without committing it. */
    double next(double x) {
        return started ? (x - value) * alpha + value : x;
    }

    /** Commits {@code smoothed}, the value {@link #next(double)} gave. */
    void commit(double smoothed) {
        value = smoothed;
        started = true;
    }
}
