package com.klinelive.chart.scale;

/**
 * The vertical mapping between a value (price or volume) and pixel y: {@code max} at y = 0, {@code min} at
 * y = {@code height}.
 *
 * @param min    value at the bottom edge
 * @param max    value at the top edge, &gt; {@code min}
 * @param height pixels from top to bottom edge
 */
public record PriceScale(double min, double max, double height) {

    public PriceScale {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max) || !(height >= 0)) {
            throw new IllegalArgumentException("bad price scale " + min + ".." + max + " over " + height);
        }
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
                && previous.height == height
                && top > 0
                && Double.isFinite(top)
                && top <= previous.max * (1 - padding / 2)
                && top >= previous.max * (1 - padding) / 2) {
            return previous;
        }
        return fromZero(top, height, padding);
    }

    /** Pixel y of {@code value}. */
    public double y(double value) {
        return (max - value) / (max - min) * height;
    }

    /** Value at pixel y. */
    public double value(double y) {
        return max - y / height * (max - min);
    }
}
