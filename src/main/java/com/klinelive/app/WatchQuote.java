package com.klinelive.app;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Timeframe;

/**
 * What a watchlist row shows of a symbol: its last price, the change since the UTC day's open, and the day's
 * price path for a sparkline (15-minute closes, at most 96 points).
 *
 * @param last          the last trade's price, or NaN before any
 * @param changePercent the change from the UTC day's open, in percent, or NaN when the day's open is unknown
 * @param spark         the day's 15-minute closes, oldest first (empty when unknown)
 */
record WatchQuote(double last, double changePercent, double[] spark) {

    static final WatchQuote NONE = new WatchQuote(Double.NaN, Double.NaN, new double[0]);

    /** The quote of {@code book} at {@code nowMillis}, read under the book's lock (a few dozen candles). */
    static WatchQuote of(CandleBook book, long nowMillis) {
        if (book == null) {
            return NONE;
        }
        long dayStart = Timeframe.D1.bucketStart(nowMillis);
        Timeframe finest = finest(book);
        double last = book.read(finest, c -> c.size() == 0 ? Double.NaN : c.close(c.size() - 1));
        Timeframe path = book.timeframes().contains(Timeframe.M15) ? Timeframe.M15 : finest;
        double[] spark = book.read(path, c -> closesSince(c, dayStart, 96));
        double dayOpen = book.timeframes().contains(Timeframe.D1)
                ? book.read(Timeframe.D1, c -> openAt(c, dayStart))
                : Double.NaN;
        if (Double.isNaN(dayOpen)) {
            // No daily candle (the history did not reach it): the first candle of the day opened it.
            dayOpen = book.read(path, c -> {
                int i = c.ceilingIndex(dayStart);
                return i < c.size() ? c.open(i) : Double.NaN;
            });
        }
        double change = Double.isNaN(dayOpen) || Double.isNaN(last) ? Double.NaN : (last / dayOpen - 1) * 100;
        return new WatchQuote(last, change, spark);
    }

    private static Timeframe finest(CandleBook book) {
        for (Timeframe t : Timeframe.values()) {
            if (book.timeframes().contains(t)) {
                return t;
            }
        }
        throw new IllegalStateException("a book keeps at least one timeframe");
    }

    private static double openAt(CandleColumns c, long time) {
        int i = c.search(time);
        return i >= 0 ? c.open(i) : Double.NaN;
    }

    private static double[] closesSince(CandleColumns c, long since, int max) {
        int from = Math.max(c.ceilingIndex(since), c.size() - max);
        double[] closes = new double[Math.max(0, c.size() - from)];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = c.close(from + i);
        }
        return closes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchQuote q
                && Double.compare(last, q.last) == 0
                && Double.compare(changePercent, q.changePercent) == 0
                && java.util.Arrays.equals(spark, q.spark);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(last) * 31 + java.util.Arrays.hashCode(spark);
    }

    @Override
    public String toString() {
        return "WatchQuote[last=" + last + ", change=" + changePercent + "%, spark=" + spark.length + "]";
    }
}
