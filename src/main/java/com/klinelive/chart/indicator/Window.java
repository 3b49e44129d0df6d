package com.klinelive.chart.indicator;

/**
 * The newest {@code length - 1} committed values of a series, for the mean and population variance over a window
 * of {@code length} values that ends at one more, not yet committed value: what a moving average needs both to
 * commit a candle and to preview the newest. O(1) per value.
 *
 * <p>Sums are kept relative to a reference value near the window's and taken again from the held values once per
 * window length (amortised O(1)), so neither prices of 1e5 nor a million updates let rounding drift accumulate.
 * A NaN in the window makes the mean and variance NaN until it leaves the window.
 */
final class Window {

    private final double[] ring;
    private int held;
    private int next;
    private double reference;
    private double sum;
    private double squares;
    private int nans;
    private int sinceResum;

    /** A window of {@code length} (&ge; 1) values. */
    Window(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be >= 1: " + length);
        }
        ring = new double[length - 1];
    }

    /** Whether a window ending at one more value would hold {@code length} values. */
    boolean fullWith() {
        return held == ring.length;
    }

    /** The mean of the held values and {@code pending}. */
    double mean(double pending) {
        if (nans > 0 || Double.isNaN(pending)) {
            return Double.NaN;
        }
        return reference + (sum + (pending - reference)) / (held + 1);
    }

    /** The population variance of the held values and {@code pending}. */
    double variance(double pending) {
        if (nans > 0 || Double.isNaN(pending)) {
            return Double.NaN;
        }
        int n = held + 1;
        double d = pending - reference;
        double mean = (sum + d) / n;
        return Math.max(0, (squares + d * d) / n - mean * mean);
    }

    /** Commits {@code value}: it joins the window, and the oldest leaves once the window is full. */
    void push(double value) {
        if (ring.length == 0) {
            return;
        }
        if (held == ring.length) {
            remove(ring[next]);
        } else {
            held++;
        }
        ring[next] = value;
        next = next + 1 == ring.length ? 0 : next + 1;
        add(value);
        if (++sinceResum >= ring.length) {
            resum();
        }
    }

    private void add(double value) {
        if (Double.isNaN(value)) {
            nans++;
        } else {
            double d = value - reference;
            sum += d;
            squares += d * d;
        }
    }

    private void remove(double value) {
        if (Double.isNaN(value)) {
            nans--;
        } else {
            double d = value - reference;
            sum -= d;
            squares -= d * d;
        }
    }

    /** Sums the held values again around the newest one. */
    private void resum() {
        sinceResum = 0;
        int newest = next == 0 ? ring.length - 1 : next - 1;
        reference = Double.isNaN(ring[newest]) ? 0 : ring[newest];
        sum = 0;
        squares = 0;
        nans = 0;
        for (int k = 0; k < held; k++) {
            add(ring[k]);
        }
    }
}
