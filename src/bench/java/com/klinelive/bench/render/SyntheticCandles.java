package com.klinelive.bench.render;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/** One-minute candles of a random walk, the same for both charts. */
final class SyntheticCandles {

    static final long START_MILLIS = 1_600_000_020_000L / 60_000 * 60_000;

    private SyntheticCandles() {}

    static List<Candle> make(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candle> candles = new ArrayList<>(count);
        double close = 40_000;
        for (int i = 0; i < count; i++) {
            double open = close;
            close = Math.max(100, open * (1 + (random.nextDouble() - 0.5) * 0.004));
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
            candles.add(new Candle(
                    START_MILLIS + i * 60_000L,
                    open,
                    high,
                    low,
                    close,
                    random.nextDouble() * 50,
                    1 + random.nextInt(500)));
        }
        return candles;
    }

    /** A book of one-minute candles holding {@code candles}, which counts live ticks with sequences from 1. */
    static CandleBook book(List<Candle> candles) {
        CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), Math.max(1, candles.size()));
        book.loadHistory(List.of(new History(Timeframe.M1, candles, 0)));
        return book;
    }

    static List<NodeCandleChart.Ohlc> ohlc(List<Candle> candles) {
        List<NodeCandleChart.Ohlc> out = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            out.add(new NodeCandleChart.Ohlc(c.open(), c.high(), c.low(), c.close()));
        }
        return out;
    }
}
