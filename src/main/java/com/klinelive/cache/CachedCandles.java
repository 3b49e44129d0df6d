package com.klinelive.cache;

import com.klinelive.candle.History;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Candles read from the cache, oldest first, in primitive columns: a million of them cost 56 MB and no object per
 * candle. Every one is a closed candle; the open one always comes from the feed. Immutable once returned.
 */
public final class CachedCandles implements CandleColumns {

    private long[] times;
    private double[] opens;
    private double[] highs;
    private double[] lows;
    private double[] closes;
    private double[] volumes;
    private long[] trades;
    private int size;

    CachedCandles(int capacity) {
        int n = Math.max(0, capacity);
        times = new long[n];
        opens = new double[n];
        highs = new double[n];
        lows = new double[n];
        closes = new double[n];
        volumes = new double[n];
        trades = new long[n];
    }

    /** A page with no candles. */
    public static CachedCandles empty() {
        return new CachedCandles(0);
    }

    @Override
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public long time(int index) {
        return times[check(index)];
    }

    @Override
    public double open(int index) {
        return opens[check(index)];
    }

    @Override
    public double high(int index) {
        return highs[check(index)];
    }

    @Override
    public double low(int index) {
        return lows[check(index)];
    }

    @Override
    public double close(int index) {
        return closes[check(index)];
    }

    @Override
    public double volume(int index) {
        return volumes[check(index)];
    }

    @Override
    public long trades(int index) {
        return trades[check(index)];
    }

    /** The candles as values, oldest first (allocates one object per candle). */
    public List<Candle> toList() {
        List<Candle> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(candle(i));
        }
        return list;
    }

    /**
     * These candles as history for a {@link com.klinelive.candle.CandleBook}: with no sequence number, so the book
     * counts every later tick of the feed on top of them, and the feed's own history replaces them when it comes.
     */
    public History toHistory(Timeframe timeframe) {
        return new History(timeframe, toList(), -1);
    }

    /** Appends a candle while the page is being filled. */
    void add(long time, double open, double high, double low, double close, double volume, long count) {
        if (size == times.length) {
            grow();
        }
        times[size] = time;
        opens[size] = open;
        highs[size] = high;
        lows[size] = low;
        closes[size] = close;
        volumes[size] = volume;
        trades[size] = count;
        size++;
    }

    /** Empties the page for reuse as a buffer. */
    void clear() {
        size = 0;
    }

    /** Reverses the order of the candles: pages are read newest first and handed out oldest first. */
    void reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            swap(times, i, j);
            swap(opens, i, j);
            swap(highs, i, j);
            swap(lows, i, j);
            swap(closes, i, j);
            swap(volumes, i, j);
            swap(trades, i, j);
        }
    }

    private void grow() {
        int n = Math.max(16, times.length * 2);
        times = Arrays.copyOf(times, n);
        opens = Arrays.copyOf(opens, n);
        highs = Arrays.copyOf(highs, n);
        lows = Arrays.copyOf(lows, n);
        closes = Arrays.copyOf(closes, n);
        volumes = Arrays.copyOf(volumes, n);
        trades = Arrays.copyOf(trades, n);
    }

    private int check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return index;
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
