package com.klinelive.recording;

import java.util.Arrays;

/**
 * The trades of one frame of a recording, in primitive columns, in the order recorded. Reused from frame to frame
 * by {@link TickFileReader#next}, so reading allocates nothing per trade. Not thread-safe.
 */
public final class TickBatch {

    private String[] symbols = new String[256];
    private long[] seqs = new long[256];
    private long[] times = new long[256];
    private double[] prices = new double[256];
    private double[] quantities = new double[256];
    private int size;

    /** Trades in the batch. */
    public int size() {
        return size;
    }

    public String symbol(int i) {
        return symbols[check(i)];
    }

    public long seq(int i) {
        return seqs[check(i)];
    }

    /** Event time, epoch milliseconds UTC. */
    public long time(int i) {
        return times[check(i)];
    }

    public double price(int i) {
        return prices[check(i)];
    }

    /** The traded quantity (the {@code size} field of a tick). */
    public double quantity(int i) {
        return quantities[check(i)];
    }

    void clear() {
        size = 0;
    }

    void add(String symbol, long seq, long time, double price, double quantity) {
        if (size == seqs.length) {
            int n = size * 2;
            symbols = Arrays.copyOf(symbols, n);
            seqs = Arrays.copyOf(seqs, n);
            times = Arrays.copyOf(times, n);
            prices = Arrays.copyOf(prices, n);
            quantities = Arrays.copyOf(quantities, n);
        }
        symbols[size] = symbol;
        seqs[size] = seq;
        times[size] = time;
        prices[size] = price;
        quantities[size] = quantity;
        size++;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("trade " + i + " of " + size);
        }
        return i;
    }
}
