package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;
import java.util.Random;

/** Candles in plain arrays for the maths tests. */
final class ArrayCandles implements CandleColumns {

    final long[] time;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    ArrayCandles(int n) {
        time = new long[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
    }

    /** A seeded random walk of {@code n} candles of {@code period} ms from {@code start}, without gaps. */
    static ArrayCandles randomWalk(int n, long start, long period, long seed) {
        ArrayCandles c = new ArrayCandles(n);
        Random random = new Random(seed);
        double price = 100;
        for (int i = 0; i < n; i++) {
            double o = price;
            double cl = o * (1 + random.nextGaussian() * 0.01);
            c.time[i] = start + i * period;
            c.open[i] = o;
            c.close[i] = cl;
            c.high[i] = Math.max(o, cl) * (1 + random.nextDouble() * 0.005);
            c.low[i] = Math.min(o, cl) * (1 - random.nextDouble() * 0.005);
            c.volume[i] = 1 + random.nextDouble() * 10;
            price = cl;
        }
        return c;
    }

    /** Candles at the given times, all at price 100. */
    static ArrayCandles atTimes(long... times) {
        ArrayCandles c = new ArrayCandles(times.length);
        for (int i = 0; i < times.length; i++) {
            c.time[i] = times[i];
            c.open[i] = 100;
            c.high[i] = 100;
            c.low[i] = 100;
            c.close[i] = 100;
            c.volume[i] = 1;
        }
        return c;
    }

    @Override
    public int size() {
        return time.length;
    }

    @Override
    public long time(int index) {
        return time[index];
    }

    @Override
    public double open(int index) {
        return open[index];
    }

    @Override
    public double high(int index) {
        return high[index];
    }

    @Override
    public double low(int index) {
        return low[index];
    }

    @Override
    public double close(int index) {
        return close[index];
    }

    @Override
    public double volume(int index) {
        return volume[index];
    }

    @Override
    public long trades(int index) {
        return 1;
    }
}
