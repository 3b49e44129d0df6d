package com.klinelive.sim;

import java.util.Arrays;

/**
 * A run of consecutive ticks of one symbol held in primitive columns, oldest first. Reused from batch to batch so
 * that generating and replaying ticks allocates nothing per tick.
 *
 * <p>Not thread-safe.
 */
final class TickColumns {

    long[] seqs;
    long[] times;
    double[] prices;
    double[] sizes;
    private int size;

    TickColumns(int capacity) {
        seqs = new long[capacity];
        times = new long[capacity];
        prices = new double[capacity];
        sizes = new double[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /** Appends one tick, growing the columns if needed. */
    void add(long seq, long time, double price, double quantity) {
        if (size == seqs.length) {
            int grown = Math.max(16, size * 2);
            seqs = Arrays.copyOf(seqs, grown);
            times = Arrays.copyOf(times, grown);
            prices = Arrays.copyOf(prices, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        seqs[size] = seq;
        times[size] = time;
        prices[size] = price;
        sizes[size] = quantity;
        size++;
    }

    long firstSeq() {
        return seqs[0];
    }

    long lastSeq() {
        return seqs[size - 1];
    }
}
