package com.klinelive.feed.format.json;

import java.util.Arrays;

/** The trades of one message's array of trades, column by column, reused from message to message. */
final class TradeColumns {

    String[] symbols = new String[16];
    long[] seqs = new long[16];
    long[] times = new long[16];
    double[] prices = new double[16];
    double[] sizes = new double[16];
    int count;

    /** Makes room for trade {@code count}; a message of at most 64 KiB bounds how far the columns grow. */
    void ensureRoom() {
        if (count == seqs.length) {
            int n = count * 2;
            symbols = Arrays.copyOf(symbols, n);
            seqs = Arrays.copyOf(seqs, n);
            times = Arrays.copyOf(times, n);
            prices = Arrays.copyOf(prices, n);
            sizes = Arrays.copyOf(sizes, n);
        }
    }

    /** Whether every trade has the same symbol. */
    boolean oneSymbol() {
        for (int i = 1; i < count; i++) {
            if (!symbols[i].equals(symbols[0])) {
                return false;
            }
        }
        return true;
    }
}
