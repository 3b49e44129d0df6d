package com.klinelive.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeListenerTest {

    private static final long T = 1_764_000_000_000L;

    @Test
    void everyCountedTradeIsHeardOnceInTheOrderCountedAndRefusedOnesAreNot() {
        CandleAggregator aggregator = new CandleAggregator(EnumSet.of(Timeframe.S1, Timeframe.M1), 100, 4);
        List<Tick> heard = new ArrayList<>();
        aggregator.tradeListener(
                (symbol, seq, time, price, size) -> heard.add(new Tick(symbol, seq, time, price, size)));
        CandleBook book = aggregator.bookFor("BTCUSDT");
        book.apply(1, T, 10, 1);
        book.apply(1, T, 10, 1); // duplicate
        book.apply(
                new long[] {2, 3, 2, 4},
                new long[] {T + 1, T + 2, T + 1, T + 3},
                new double[] {11, 12, 11, 13},
                new double[] {1, 2, 1, 3},
                0,
                4,
                null);
        aggregator.bookFor("ETHUSDT").apply(7, T + 5, 2, 0.5);
        for (int i = 0; i < 150; i++) {
            book.apply(10 + i, T + 1000L * (i + 1), 20, 1); // beyond the held 1s candles: the first one comes too late
        }
        book.apply(5, T, 10, 1);

        assertEquals(
                List.of(
                        new Tick("BTCUSDT", 1, T, 10, 1),
                        new Tick("BTCUSDT", 2, T + 1, 11, 1),
                        new Tick("BTCUSDT", 3, T + 2, 12, 2),
                        new Tick("BTCUSDT", 4, T + 3, 13, 3),
                        new Tick("ETHUSDT", 7, T + 5, 2, 0.5)),
                heard.subList(0, 5));
        assertEquals(5 + 150, heard.size(), "the late trade seq 5 was refused, and so not heard");
        aggregator.tradeListener(null);
        book.apply(1000, T + 200_000, 1, 1);
        assertEquals(155, heard.size(), "nobody listens any more");
    }
}
