package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;
import java.util.Objects;

/**
 * The overlay values (SMA, EMA, Bollinger bands) of the visible candles, with the inputs they were computed
 * from: a frame whose series, version, range and settings are unchanged reuses them instead of computing again.
 * Memory is bounded by the visible range, not by the history.
 */
public final class Overlays {

    /**
     * Which overlays to compute, and their parameters.
     *
     * @param sma              whether to compute the simple moving average
     * @param smaLength        its window, &ge; 1
     * @param ema              whether to compute the exponential moving average
     * @param emaLength        its length, &ge; 1
     * @param bollinger        whether to compute Bollinger bands
     * @param bollingerLength  their window, &ge; 1
     * @param bollingerWidth   their width in standard deviations
     */
    public record Settings(
            boolean sma,
            int smaLength,
            boolean ema,
            int emaLength,
            boolean bollinger,
            int bollingerLength,
            double bollingerWidth) {

        public Settings {
            if (smaLength < 1 || emaLength < 1 || bollingerLength < 1 || !(bollingerWidth >= 0)) {
                throw new IllegalArgumentException("overlay lengths must be >= 1 and the width >= 0");
            }
        }
    }

    private double[] sma = new double[0];
    private double[] ema = new double[0];
    private double[] middle = new double[0];
    private double[] upper = new double[0];
    private double[] lower = new double[0];
    private Object seriesKey;
    private long version;
    private int from;
    private int to;
    private Settings settings;

    /**
     * Brings the values up to date for candles {@code [from, to)} of the series identified by {@code seriesKey}
     * at {@code version}; computes only when one of these or the settings changed.
     *
     * @return whether anything was computed
     */
    public boolean update(CandleColumns candles, Object seriesKey, long version, int from, int to, Settings settings) {
        if (Objects.equals(this.seriesKey, seriesKey)
                && this.version == version
                && this.from == from
                && this.to == to
                && settings.equals(this.settings)) {
            return false;
        }
        int n = to - from;
        if (sma.length < n) {
            int capacity = Math.max(n, sma.length * 2);
            sma = new double[capacity];
            ema = new double[capacity];
            middle = new double[capacity];
            upper = new double[capacity];
            lower = new double[capacity];
        }
        if (settings.sma()) {
            Sma.compute(candles, from, to, settings.smaLength(), sma);
        }
        if (settings.ema()) {
            Ema.compute(candles, from, to, settings.emaLength(), ema);
        }
        if (settings.bollinger()) {
            Bollinger.compute(
                    candles, from, to, settings.bollingerLength(), settings.bollingerWidth(), middle, upper, lower);
        }
        this.seriesKey = seriesKey;
        this.version = version;
        this.from = from;
        this.to = to;
        this.settings = settings;
        return true;
    }

    /** The settings of the last update, or null before the first. */
    public Settings settings() {
        return settings;
    }

    /** SMA at candle {@code index}, which must lie in the last updated range. */
    public double sma(int index) {
        return sma[index - from];
    }

    /** EMA at candle {@code index}, which must lie in the last updated range. */
    public double ema(int index) {
        return ema[index - from];
    }

    /** Middle Bollinger band (the SMA of its window) at candle {@code index}. */
    public double bollingerMiddle(int index) {
        return middle[index - from];
    }

    /** Upper Bollinger band at candle {@code index}. */
    public double bollingerUpper(int index) {
        return upper[index - from];
    }

    /** Lower Bollinger band at candle {@code index}. */
    public double bollingerLower(int index) {
        return lower[index - from];
    }

    /** Lowest value of the enabled overlays over the last updated range, or NaN when there is none. */
    public double low() {
        double low = Double.NaN;
        int n = to - from;
        for (int k = 0; settings != null && k < n; k++) {
            low = minIgnoringNaN(low, settings.sma() ? sma[k] : Double.NaN);
            low = minIgnoringNaN(low, settings.ema() ? ema[k] : Double.NaN);
            low = minIgnoringNaN(low, settings.bollinger() ? lower[k] : Double.NaN);
        }
        return low;
    }

    /** Highest value of the enabled overlays over the last updated range, or NaN when there is none. */
    public double high() {
        double high = Double.NaN;
        int n = to - from;
        for (int k = 0; settings != null && k < n; k++) {
            high = maxIgnoringNaN(high, settings.sma() ? sma[k] : Double.NaN);
            high = maxIgnoringNaN(high, settings.ema() ? ema[k] : Double.NaN);
            high = maxIgnoringNaN(high, settings.bollinger() ? upper[k] : Double.NaN);
        }
        return high;
    }

    private static double minIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double maxIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
