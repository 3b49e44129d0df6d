package com.klinelive.chart.scale;

/**
 * The horizontal mapping between candle index and pixel x. Candle {@code i} occupies index space {@code [i, i+1)};
 * its centre is {@code i + 0.5}.
 *
 * <p>The view is stated relative to the newest candle, as a trader thinks of it: {@code rightOffset} candles of
 * space between the end of the newest candle and the right edge (negative when scrolled back into history), and
 * {@code barSpacing} pixels per candle (below 1 when zoomed out so far that several candles share a pixel
 * column). Appending a candle therefore scrolls the view by one candle unless the caller compensates.
 *
 * @param count       number of candles in the series
 * @param width       plot width in pixels, &ge; 0
 * @param barSpacing  pixels per candle, &gt; 0
 * @param rightOffset candles between the end of the newest candle and the right edge of the plot
 */
public record Viewport(int count, double width, double barSpacing, double rightOffset) {

    /** Most candles per pixel column: bounds the work per frame when zoomed out over a long history. */
    public static final double MIN_BAR_SPACING = 1.0 / 64;

    /** Widest candle, in pixels. */
    public static final double MAX_BAR_SPACING = 64;

    /** Candles kept on screen at least, however far the user pans. */
    public static final int MIN_VISIBLE = 3;

    public Viewport {
        if (count < 0 || !(width >= 0) || !(barSpacing > 0) || !Double.isFinite(rightOffset)) {
            throw new IllegalArgumentException(
                    "bad viewport " + count + ", " + width + ", " + barSpacing + ", " + rightOffset);
        }
    }

    /** {@code spacing} limited to {@link #MIN_BAR_SPACING} ... {@link #MAX_BAR_SPACING}. */
    public static double clampSpacing(double spacing) {
        return Math.max(MIN_BAR_SPACING, Math.min(MAX_BAR_SPACING, spacing));
    }

    /** Index space at the left edge (x = 0); may be negative or fractional. */
    public double firstIndex() {
        return count + rightOffset - width / barSpacing;
    }

    /** Index space at the right edge (x = width). */
    public double lastIndex() {
        return count + rightOffset;
    }

    /** Candles per pixel column; above 1 the renderer decimates. */
    public double candlesPerPixel() {
        return 1 / barSpacing;
    }

    /** Pixel x of a position in index space ({@code i + 0.5} is the centre of candle i). */
    public double x(double index) {
        return (index - firstIndex()) * barSpacing;
    }

    /** Position in index space at pixel x. */
    public double index(double x) {
        return firstIndex() + x / barSpacing;
    }

    /** The candle whose slot contains pixel x, or -1 when there is no candle there. */
    public int candleAt(double x) {
        double index = Math.floor(index(x));
        return index >= 0 && index < count ? (int) index : -1;
    }

    /** First candle at least partly visible (0 ... count). */
    public int firstVisible() {
        return (int) Math.max(0, Math.min(count, Math.floor(firstIndex())));
    }

    /** One past the last candle at least partly visible (firstVisible() ... count). */
    public int endVisible() {
        return (int) Math.max(firstVisible(), Math.min(count, Math.ceil(lastIndex())));
    }

    /** Whether the newest candle is fully visible, which is when following the live edge makes sense. */
    public boolean showsNewest() {
        return rightOffset >= 0 && firstIndex() <= count - 1;
    }

    /** Zoomed by {@code factor} (&gt; 1 widens candles) keeping the index under pixel {@code anchorX} in place. */
    public Viewport zoom(double factor, double anchorX) {
        double anchorIndex = index(anchorX);
        double spacing = clampSpacing(barSpacing * factor);
        double offset = anchorIndex - count + (width - anchorX) / spacing;
        return new Viewport(count, width, spacing, offset).clamped();
    }

    /** Moved with the content: dragging by {@code dx} &gt; 0 pixels brings older candles in from the left. */
    public Viewport pan(double dx) {
        return new Viewport(count, width, barSpacing, rightOffset - dx / barSpacing).clamped();
    }

    /** This view with {@code offset} as right offset, clamped. */
    public Viewport withRightOffset(double offset) {
        return new Viewport(count, width, barSpacing, offset).clamped();
    }

    /** This view with the oldest candle at the left edge. */
    public Viewport oldestAtLeft() {
        return withRightOffset(width / barSpacing - count);
    }

    /**
     * This view with the right offset limited so that at least {@link #MIN_VISIBLE} candles (or all, if fewer)
     * stay on screen at either end, and with the spacing in range.
     */
    public Viewport clamped() {
        double spacing = clampSpacing(barSpacing);
        int keep = Math.min(count, MIN_VISIBLE);
        double slots = width / spacing;
        // The right edge stays at or after candle `keep`, the left edge at or before candle count - keep.
        double min = keep - count;
        double max = Math.max(min, slots - keep);
        double offset = Math.max(min, Math.min(max, rightOffset));
        if (offset == rightOffset && spacing == barSpacing) {
            return this;
        }
        return new Viewport(count, width, spacing, offset);
    }
}
