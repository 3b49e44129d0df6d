package com.klinelive.chart.scale;

import java.util.Arrays;

/**
 * Where the panes stack on the shared time axis: the price pane on top, then one pane per indicator, each given a
 * share of the height; the price pane takes what the others leave, at least {@link #MIN_PRICE_SHARE}. Edges fall
 * on whole pixels, so neighbouring panes neither overlap nor leave a gap.
 */
public final class PaneLayout {

    /** The price pane keeps at least this share; the indicator panes shrink together to leave it. */
    public static final double MIN_PRICE_SHARE = 0.2;

    /** No pane is dragged smaller than this, in pixels. */
    public static final double MIN_PANE_HEIGHT = 24;

    private final double[] tops;
    private final double[] heights;

    private PaneLayout(double[] tops, double[] heights) {
        this.tops = tops;
        this.heights = heights;
    }

    /**
     * Lays out the price pane and one pane per share over {@code height} pixels.
     *
     * @param shares each indicator pane's share of the height, top to bottom
     */
    public static PaneLayout of(double height, double[] shares) {
        double[] fitted = fitted(shares);
        int n = fitted.length + 1;
        double[] tops = new double[n];
        double[] heights = new double[n];
        double bottom = Math.max(0, height);
        // From the bottom up, each indicator pane at its rounded share; the price pane gets the rest.
        for (int k = n - 1; k >= 1; k--) {
            double h = Math.min(bottom, Math.round(height * fitted[k - 1]));
            tops[k] = bottom - h;
            heights[k] = h;
            bottom = tops[k];
        }
        heights[0] = bottom;
        return new PaneLayout(tops, heights);
    }

    /** The shares as laid out: scaled down together when they leave the price pane less than its minimum. */
    static double[] fitted(double[] shares) {
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        double room = 1 - MIN_PRICE_SHARE;
        if (sum <= room) {
            return shares.clone();
        }
        double[] scaled = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            scaled[i] = shares[i] * room / sum;
        }
        return scaled;
    }

    /** Number of panes, the price pane included. */
    public int count() {
        return tops.length;
    }

    /** Top of pane {@code k} (0 is the price pane), in pixels from the top of the price pane. */
    public double top(int k) {
        return tops[k];
    }

    public double height(int k) {
        return heights[k];
    }

    /** The pane at pixel {@code y}, or -1 outside every pane. */
    public int paneAt(double y) {
        for (int k = count() - 1; k >= 0; k--) {
            if (y >= tops[k] && y <= tops[k] + heights[k] && heights[k] > 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The divider within {@code tolerance} pixels of {@code y}: divider {@code k} (&ge; 1) is the top edge of
     * pane {@code k}; -1 when none is near.
     */
    public int dividerAt(double y, double tolerance) {
        for (int k = 1; k < count(); k++) {
            if (Math.abs(y - tops[k]) <= tolerance) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The indicator panes' shares after dragging divider {@code k} by {@code dy} pixels (down is positive): the
     * panes above and below it trade height, neither below {@link #MIN_PANE_HEIGHT}; the price pane above the
     * first divider takes or gives what the first indicator pane does.
     *
     * @param total the height the layout covers, in pixels
     */
    public double[] dragged(int k, double dy, double total, double minShare, double maxShare) {
        double[] shares = new double[count() - 1];
        for (int i = 1; i < count(); i++) {
            shares[i - 1] = heights[i] / Math.max(1, total);
        }
        if (k < 1 || k >= count() || total <= 0) {
            return shares;
        }
        double above = heights[k - 1];
        double below = heights[k];
        double move = Math.max(MIN_PANE_HEIGHT - above, Math.min(below - MIN_PANE_HEIGHT, dy));
        shares[k - 1] = clamp((below - move) / total, minShare, maxShare);
        if (k >= 2) {
            shares[k - 2] = clamp((above + move) / total, minShare, maxShare);
        }
        return shares;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaneLayout other
                && Arrays.equals(tops, other.tops)
                && Arrays.equals(heights, other.heights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tops) + Arrays.hashCode(heights);
    }

    @Override
    public String toString() {
        return "PaneLayout" + Arrays.toString(tops) + Arrays.toString(heights);
    }
}
