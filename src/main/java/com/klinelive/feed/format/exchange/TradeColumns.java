package com.klinelive.feed.format.exchange;

import com.klinelive.feed.protocol.FeedSink;
import java.util.Arrays;

/**
 * The trades of one decoded message, column by column, reused from message to message: exchanges send several
 * trades per message (Bybit up to 1024), which go to the sink as one batch per run of one symbol, so a sink that
 * counts candles takes each run under one lock. Not thread-safe: one per decoder.
 */
public final class TradeColumns {

    /** Rows one message may hold; a 64 KiB message holds fewer than 1,000 trades. */
    public static final int MAX_ROWS = 4096;

    private String[] symbols = new String[16];
    private long[] seqs = new long[16];
    private long[] times = new long[16];
    private double[] prices = new double[16];
    private double[] sizes = new double[16];
    private int size;

    /** Empties the columns for the next message. */
    public void clear() {
        Arrays.fill(symbols, 0, size, null);
        size = 0;
    }

    public int size() {
        return size;
    }

    /**
     * Adds one trade, already validated.
     *
     * @return {@code false} when the columns are full ({@link #MAX_ROWS}) and the trade was not added
     */
    public boolean add(String symbol, long seq, long time, double price, double size) {
        if (this.size == MAX_ROWS) {
            return false;
        }
        if (this.size == seqs.length) {
            int grown = Math.min(MAX_ROWS, seqs.length * 2);
            symbols = Arrays.copyOf(symbols, grown);
            seqs = Arrays.copyOf(seqs, grown);
            times = Arrays.copyOf(times, grown);
            prices = Arrays.copyOf(prices, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        int i = this.size++;
        symbols[i] = symbol;
        seqs[i] = seq;
        times[i] = time;
        prices[i] = price;
        sizes[i] = size;
        return true;
    }

    /** Hands the trades to {@code sink} in order: a lone trade as {@code onTick}, runs of one symbol as batches. */
    public void deliver(FeedSink sink) {
        int start = 0;
        while (start < size) {
            String symbol = symbols[start];
            int end = start + 1;
            while (end < size && symbols[end].equals(symbol)) {
                end++;
            }
            if (start == 0 && end == size) {
                if (size == 1) {
                    sink.onTick(symbol, seqs[0], times[0], prices[0], sizes[0]);
                } else {
                    sink.onTicks(symbol, seqs, times, prices, sizes, size);
                }
                return;
            }
            int n = end - start;
            sink.onTicks(
                    symbol,
                    Arrays.copyOfRange(seqs, start, end),
                    Arrays.copyOfRange(times, start, end),
                    Arrays.copyOfRange(prices, start, end),
                    Arrays.copyOfRange(sizes, start, end),
                    n);
            start = end;
        }
    }
}
