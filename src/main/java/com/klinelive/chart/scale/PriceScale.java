package com.klinelive.chart.scale;

/**
 * The vertical mapping between a value (price or volume) and pixel y: {@code max} at y = 0, {@code min} at
 * y = {@code height}, linear in the value or, on a logarithmic scale, in its logarithm (equal ratios take equal
 * heights: a doubling is as tall at 100 as at 40,000).
 *
 * @param min    value at the bottom edge
 * @param max    value at the top edge, &gt; {@code min}
 * @param height pixels from top to bottom edge
 * @param log    whether the scale is logarithmic; then {@code min} &gt; 0
 */
public record PriceScale(double min, double max, double height, boolean log) {

    /** How finely {@link #fitSteady} rounds a fitted range: about 1/64 of it. */
    private static final double STEPS_PER_RANGE = 64;

    public PriceScale {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max) || !(height >= 0) || (log && !(min > 0))) {
            throw new IllegalArgumentException(
                    "bad " + (log ? "log " : "") + "price scale " + min + ".." + max + " over " + height);
        }
    }

    /** A linear scale. */
    public PriceScale(double min, double max, double height) {
        this(min, max, height, false);
    }

    /**
     * A logarithmic scale that shows {@code low ... high} (both &gt; 0) with {@code padding} of the height free
     * above and below; a linear {@link #fit} when the range is not positive (a logarithm needs it).
     */
    public static PriceScale fitLog(double low, double high, double height, double padding) {
        if (!(low > 0 && Double.isFinite(high)) || high < low) {
            return fit(low, high, height, padding);
        }
        double lo = Math.log(low);
        double hi = Math.log(high);
        if (hi == lo) {
            lo -= 0.005;
            hi += 0.005;
        }
        double extra = (hi - lo) * padding / (1 - 2 * padding);
        return new PriceScale(Math.exp(lo - extra), Math.exp(hi + extra), height, true);
    }

    /** This scale over another height, the same values at its edges. */
    public PriceScale withHeight(double newHeight) {
        return new PriceScale(min, max, newHeight, log);
    }

    /**
     * This scale stretched around its middle: {@code factor} &gt; 1 shows more range (compresses the content), &lt; 1
     * less; in log space for a logarithmic scale.
     */
    public PriceScale stretched(double factor) {
        double lo = unit(min);
        double hi = unit(max);
        double middle = (lo + hi) / 2;
        double half = (hi - lo) / 2 * factor;
        return fromUnits(middle - half, middle + half);
    }

    /** This scale moved with the content by {@code dy} pixels (down positive: higher values come into view). */
    public PriceScale shifted(double dy) {
        double perPixel = (unit(max) - unit(min)) / Math.max(1, height);
        return fromUnits(unit(min) + dy * perPixel, unit(max) + dy * perPixel);
    }

    private double unit(double value) {
        return log ? Math.log(value) : value;
    }

    private PriceScale fromUnits(double lo, double hi) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return this;
        }
        return log ? new PriceScale(Math.exp(lo), Math.exp(hi), height, true) : new PriceScale(lo, hi, height, false);
    }

    /**
     * A scale that shows {@code low ... high} with {@code padding} (a fraction of the height, such as 0.1) free
     * above and below, so that the highest wick never touches the edge. A flat or empty range is widened around
     * its value, so a series that has not moved yet still draws in the middle.
     */
    public static PriceScale fit(double low, double high, double height, double padding) {
        if (!(Double.isFinite(low) && Double.isFinite(high)) || high < low) {
            return new PriceScale(0, 1, height);
        }
        if (high == low) {
            double half = low == 0 ? 1 : Math.abs(low) * 0.005;
            low -= half;
            high += half;
        }
        double inner = 1 - 2 * padding;
        double extra = (high - low) * padding / inner;
        return new PriceScale(low - extra, high + extra, height);
    }

    /**
     * {@link #fit} (or {@link #fitLog}) of {@code low ... high} rounded outward to a step of about 1/64 of their
     * range, so that a live value moving within a step of the extremes leaves the scale as it is. The edges lie
     * half a step off the round numbers, where bounded series (an oscillator at 0 or 100) rest: one at 99.9 and
     * at 100 both get 101, so touching and leaving its bound does not flip the scale. A function of the values
     * only, so a chart painted afresh gets the same scale as one that has been live all day. Why: every change of
     * an auto-fitted scale repaints the pane's whole history, which on the software pipeline takes 20 ms or more.
     */
    public static PriceScale fitSteady(double low, double high, double height, double padding, boolean log) {
        if (log && low > 0 && Double.isFinite(high) && high > low) {
            double lo = Math.log(low);
            double hi = Math.log(high);
            double step = step(hi - lo);
            return fitLog(Math.exp(roundedDown(lo, step)), Math.exp(roundedUp(hi, step)), height, padding);
        }
        if (Double.isFinite(low) && Double.isFinite(high) && high > low) {
            double step = step(high - low);
            return fit(roundedDown(low, step), roundedUp(high, step), height, padding);
        }
        return log ? fitLog(low, high, height, padding) : fit(low, high, height, padding);
    }

    /** A 1, 2 or 5 times a power of ten near {@code range} / 64. */
    private static double step(double range) {
        double raw = range / STEPS_PER_RANGE;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / power;
        return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
    }

    private static double roundedUp(double value, double step) {
        return (Math.floor(value / step + 0.5) + 0.5) * step;
    }

    private static double roundedDown(double value, double step) {
        return (Math.ceil(value / step - 0.5) - 0.5) * step;
    }

    /**
     * A scale from 0 to {@code top}, padded above by {@code padding} (a fraction of the height), for volumes.
     */
    public static PriceScale fromZero(double top, double height, double padding) {
        double max = top > 0 && Double.isFinite(top) ? top / (1 - padding) : 1;
        return new PriceScale(0, max, height);
    }

    /**
     * The volume scale for a pane whose tallest bar is {@code top}: {@code previous} while it still shows that
     * bar below half its padding and is less than twice too tall, else {@link #fromZero(double, double, double)}.
     * Keeping it means a growing live bar, often the tallest, re-scales the pane (and so repaints every bar)
     * once every few percent of growth rather than at every trade.
     */
    public static PriceScale fromZero(double top, double height, double padding, PriceScale previous) {
        if (previous != null
                && previous.min == 0
                && !previous.log
                && previous.height == height
                && top > 0
                && Double.isFinite(top)
                && top <= previous.max * (1 - padding / 2)
                && top >= previous.max * (1 - padding) / 2) {
            return previous;
        }
        return fromZero(top, height, padding);
    }

    /** Pixel y of {@code value}; on a log scale a value at or below zero lies far below the bottom edge. */
    public double y(double value) {
        if (log) {
            if (!(value > 0)) {
                return value == value ? height * 16 : Double.NaN;
            }
            return Math.log(max / value) / Math.log(max / min) * height;
        }
        return (max - value) / (max - min) * height;
    }

    /** Value at pixel y. */
    public double value(double y) {
        if (log) {
            return max * Math.exp(-y / height * Math.log(max / min));
        }
        return max - y / height * (max - min);
    }
}
