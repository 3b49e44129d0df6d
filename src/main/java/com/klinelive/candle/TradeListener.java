package com.klinelive.candle;

/**
 * Hears every trade a {@link CandleBook} counted, in the order it counted them: what a tick recorder writes.
 * Called on the thread that counted the trade, after the book's lock is released; it must return quickly and
 * never call back into the book.
 */
@FunctionalInterface
public interface TradeListener {

    /**
     * @param symbol the book's symbol
     * @param seq    the trade's sequence number
     * @param time   its event time, epoch milliseconds UTC
     * @param price  finite and &gt; 0
     * @param size   finite and &ge; 0
     */
    void counted(String symbol, long seq, long time, double price, double size);
}
