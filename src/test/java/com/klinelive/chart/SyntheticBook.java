package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.Random;

/**
 * Candle books for tests and the preview: a seeded random walk of trades, like a quiet market with bursts. The
 * sequence continues across calls, so a test can append live ticks to a book it built.
 */
final class SyntheticBook {

    private final CandleBook book;
    private final Random random;
    private long seq;
    private double price;

    /** An empty book of {@code symbol} with every timeframe, walking from {@code startPrice}. */
    SyntheticBook(String symbol, double startPrice, long seed) {
        this.book = new CandleBook(symbol, EnumSet.allOf(Timeframe.class), 1_000_000);
        this.random = new Random(seed);
        this.price = startPrice;
    }

    CandleBook book() {
        return book;
    }

    /** Adds one trade every {@code stepMillis} from {@code from} (inclusive) to {@code to} (exclusive). */
    SyntheticBook walk(long from, long to, long stepMillis) {
        for (long t = from; t < to; t += stepMillis) {
            tick(t);
        }
        return this;
    }

    /** Adds one trade at {@code time} a small random step from the last price; returns its price. */
    double tick(long time) {
        return tick(time, 1);
    }

    /**
     * Adds one trade at {@code time}; {@code scale} scales its size and step, so that a faster feed keeps the
     * candles' volume and range (a tenth for ten times the trades).
     */
    double tick(long time, double scale) {
        double volatility = 0.0008 * Math.sqrt(scale) * (1 + 2 * Math.abs(Math.sin(time / 3_600_000.0)));
        price *= Math.exp(random.nextGaussian() * volatility);
        double size = -Math.log(1 - random.nextDouble()) * 0.5 * scale;
        book.apply(seq++, time, price, size);
        return price;
    }

    /** Adds one trade at {@code time} and {@code tradePrice}. */
    void trade(long time, double tradePrice, double size) {
        price = tradePrice;
        book.apply(seq++, time, tradePrice, size);
    }
}
