package com.klinelive.recording;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;

/**
 * Plays trades straight into candle books, with no server in between: what a chart that opens a recording uses.
 * A seek backwards clears the books.
 */
public final class AggregatorSink implements TradeSink {

    private final CandleAggregator aggregator;

    public AggregatorSink(CandleAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public void trade(String symbol, long seq, long time, double price, double size) {
        CandleBook book = aggregator.bookFor(symbol);
        if (book != null) {
            book.apply(seq, time, price, size);
        }
    }

    @Override
    public void reset() {
        for (String symbol : aggregator.symbols()) {
            aggregator.book(symbol).clear();
        }
    }
}
