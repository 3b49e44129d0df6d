package com.klinelive.bench.aggregate;

import java.util.SplittableRandom;

/**
 * Trades in primitive columns, in order: a random walk in price, exponential gaps in time averaging 50 ms (so
 * 10 million ticks span about six days: thousands of one-minute candles), sequences from 1.
 */
public final class TickTape {

    public static final long START_MILLIS = 1_764_028_800_000L;

    final long[] seqs;
    final long[] times;
    final double[] prices;
    final double[] sizes;

    public TickTape(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        seqs = new long[count];
        times = new long[count];
        prices = new double[count];
        sizes = new double[count];
        double time = START_MILLIS;
        double price = 43_250.5;
        for (int i = 0; i < count; i++) {
            time += -Math.log(1 - random.nextDouble()) * 50;
            price = Math.max(1, price * (1 + (random.nextDouble() - 0.5) * 1e-4));
            seqs[i] = seq(i);
            times[i] = (long) time;
            prices[i] = Math.round(price * 100) / 100.0;
            sizes[i] = Math.round(random.nextDouble() * 20_000) / 10_000.0;
        }
    }

    public int size() {
        return times.length;
    }

    /** The sequence of tick {@code i}. */
    static long seq(int i) {
        return i + 1L;
    }
}
