package com.klinelive.chart.scale;

import java.util.Arrays;

/**
 * The bars of one frame in primitive columns: one bar per visible candle, or per pixel column when zoomed out
 * (see {@link ColumnDecimator}). Reused from frame to frame, so drawing allocates nothing once it has grown.
 */
public final class BarBuffer {

    private double[] x = new double[256];
    private double[] open = new double[256];
    private double[] high = new double[256];
    private double[] low = new double[256];
    private double[] close = new double[256];
    private double[] volume = new double[256];
    private int[] lastIndex = new int[256];
    private int size;
    private double width = 1;

    /** Empties the buffer; {@code barWidth} is the pixel width of each bar slot of the coming frame. */
    public void clear(double barWidth) {
        size = 0;
        width = barWidth;
    }

    /**
     * Appends a bar.
     *
     * @param centre   pixel x of the bar's centre
     * @param newest   index of the newest candle in the bar (for overlays and hit tests)
     */
    public void add(double centre, double o, double h, double l, double c, double v, int newest) {
        if (size == x.length) {
            grow();
        }
        x[size] = centre;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        lastIndex[size] = newest;
        size++;
    }

    /** Number of bars. */
    public int size() {
        return size;
    }

    /** Pixel width of one bar slot: the bar spacing, or 1 when decimated. */
    public double slotWidth() {
        return width;
    }

    /** Pixel x of the bar's centre. */
    public double x(int bar) {
        return x[bar];
    }

    /** Open of the bar's first candle. */
    public double open(int bar) {
        return open[bar];
    }

    /** Highest high of the bar's candles. */
    public double high(int bar) {
        return high[bar];
    }

    /** Lowest low of the bar's candles. */
    public double low(int bar) {
        return low[bar];
    }

    /** Close of the bar's last candle. */
    public double close(int bar) {
        return close[bar];
    }

    /** Summed volume of the bar's candles. */
    public double volume(int bar) {
        return volume[bar];
    }

    /** Index of the newest candle merged into this bar. */
    public int lastIndex(int bar) {
        return lastIndex[bar];
    }

    /** Whether the bar rose (close &ge; open), which picks its colour. */
    public boolean isUp(int bar) {
        return close[bar] >= open[bar];
    }

    /** Makes this buffer a copy of {@code other}. */
    public void copyFrom(BarBuffer other) {
        copyFrom(other, other.size);
    }

    /** Makes this buffer a copy of the first {@code count} bars of {@code other}. */
    public void copyFrom(BarBuffer other, int count) {
        clear(other.width);
        while (x.length < count) {
            grow();
        }
        size = Math.max(0, Math.min(count, other.size));
        System.arraycopy(other.x, 0, x, 0, size);
        System.arraycopy(other.open, 0, open, 0, size);
        System.arraycopy(other.high, 0, high, 0, size);
        System.arraycopy(other.low, 0, low, 0, size);
        System.arraycopy(other.close, 0, close, 0, size);
        System.arraycopy(other.volume, 0, volume, 0, size);
        System.arraycopy(other.lastIndex, 0, lastIndex, 0, size);
    }

    /**
     * Whether both buffers hold the same number of bars in the same slot width, and the first {@code count} bars
     * are identical (position, prices, volume and candle index).
     */
    public boolean sameAs(BarBuffer other, int count) {
        if (other.size != size || other.width != width || count > size) {
            return false;
        }
        return Arrays.equals(x, 0, count, other.x, 0, count)
                && Arrays.equals(open, 0, count, other.open, 0, count)
                && Arrays.equals(high, 0, count, other.high, 0, count)
                && Arrays.equals(low, 0, count, other.low, 0, count)
                && Arrays.equals(close, 0, count, other.close, 0, count)
                && Arrays.equals(volume, 0, count, other.volume, 0, count)
                && Arrays.equals(lastIndex, 0, count, other.lastIndex, 0, count);
    }

    private void grow() {
        int n = x.length * 2;
        x = Arrays.copyOf(x, n);
        open = Arrays.copyOf(open, n);
        high = Arrays.copyOf(high, n);
        low = Arrays.copyOf(low, n);
        close = Arrays.copyOf(close, n);
        volume = Arrays.copyOf(volume, n);
        lastIndex = Arrays.copyOf(lastIndex, n);
    }
}
