package com.klinelive.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleBookTest {

    private static final long T0 = Instant.parse("2026-11-25T12:34:00Z").toEpochMilli();

    private final CandleBook book = new CandleBook("BTCUSDT", EnumSet.allOf(Timeframe.class), 1_000);

    @Test
    void ticksOfOneMinuteMakeOneCandleWithOhlcvAndTradeCount() {
        book.apply(new Tick("BTCUSDT", 1, T0 + 1_000, 100, 1));
        book.apply(new Tick("BTCUSDT", 2, T0 + 2_000, 105, 2));
        book.apply(new Tick("BTCUSDT", 3, T0 + 3_000, 95, 0.5));
        book.apply(new Tick("BTCUSDT", 4, T0 + 59_999, 101, 0.25));

        assertEquals(List.of(new Candle(T0, 100, 105, 95, 101, 3.75, 4)), book.candles(Timeframe.M1, 10));
    }

    @Test
    void bucketsAreAlignedToTheUtcEpoch() {
        long t = Instant.parse("2026-11-25T13:47:12.345Z").toEpochMilli();
        book.apply(new Tick("BTCUSDT", 1, t, 100, 1));

        assertEquals(
                Instant.parse("2026-11-25T13:47:12Z").toEpochMilli(),
                only(Timeframe.S1).time());
        assertEquals(
                Instant.parse("2026-11-25T13:47:10Z").toEpochMilli(),
                only(Timeframe.S5).time());
        assertEquals(
                Instant.parse("2026-11-25T13:45:00Z").toEpochMilli(),
                only(Timeframe.M15).time());
        assertEquals(
                Instant.parse("2026-11-25T12:00:00Z").toEpochMilli(),
                only(Timeframe.H4).time());
        assertEquals(
                Instant.parse("2026-11-25T00:00:00Z").toEpochMilli(),
                only(Timeframe.D1).time());
    }

    @Test
    void bucketBeforeTheEpochIsFlooredNotTruncated() {
        assertEquals(-60_000L, Timeframe.M1.bucketStart(-1));
    }

    @Test
    void lateTickUpdatesTheCandleItBelongsTo() {
        book.apply(new Tick("BTCUSDT", 1, T0 + 1_000, 100, 1));
        book.apply(new Tick("BTCUSDT", 3, T0 + 61_000, 110, 1));
        // Published between the two, arriving after the second: it belongs to the first minute and is its close.
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 2, T0 + 30_000, 90, 2)));

        assertEquals(
                List.of(new Candle(T0, 100, 100, 90, 90, 3, 2), new Candle(T0 + 60_000, 110, 110, 110, 110, 1, 1)),
                book.candles(Timeframe.M1, 10));
    }

    @Test
    void lateTickEarlierThanTheOpenBecomesTheOpen() {
        book.apply(new Tick("BTCUSDT", 2, T0 + 20_000, 100, 1));
        book.apply(new Tick("BTCUSDT", 1, T0 + 10_000, 99, 1));

        assertEquals(new Candle(T0, 99, 100, 99, 100, 2, 2), only(Timeframe.M1));
    }

    @Test
    void lateTickInAQuietMinuteInsertsItsOwnCandle() {
        book.apply(new Tick("BTCUSDT", 1, T0, 100, 1));
        book.apply(new Tick("BTCUSDT", 3, T0 + 180_000, 103, 1));
        book.apply(new Tick("BTCUSDT", 2, T0 + 90_000, 101, 1));

        assertEquals(
                List.of(T0, T0 + 60_000, T0 + 180_000),
                book.candles(Timeframe.M1, 10).stream().map(Candle::time).toList());
        assertEquals(
                new Candle(T0 + 60_000, 101, 101, 101, 101, 1, 1),
                book.candles(Timeframe.M1, 10).get(1));
    }

    @Test
    void tickAlreadySeenCountsOnce() {
        Tick tick = new Tick("BTCUSDT", 7, T0, 100, 1);
        assertEquals(TickOutcome.ACCEPTED, book.apply(tick));
        assertEquals(TickOutcome.DUPLICATE, book.apply(tick));
        // Same sequence, different content: still the same trade as far as the feed's ids go.
        assertEquals(TickOutcome.DUPLICATE, book.apply(new Tick("BTCUSDT", 7, T0 + 5, 200, 3)));

        assertEquals(new Candle(T0, 100, 100, 100, 100, 1, 1), only(Timeframe.M1));
    }

    @Test
    void periodWithNoTicksHasNoCandle() {
        book.apply(new Tick("BTCUSDT", 1, T0, 100, 1));
        book.apply(new Tick("BTCUSDT", 2, T0 + 5 * 60_000, 100, 1));

        assertEquals(2, book.candles(Timeframe.M1, 100).size());
        assertEquals(2, book.candles(Timeframe.S1, 100).size());
        assertEquals(1, book.candles(Timeframe.H1, 100).size());
    }

    @Test
    void tickOlderThanTheHeldCandlesIsRefusedAndNotRemembered() {
        for (int i = 0; i <= CandleSeries.HELD; i++) {
            book.apply(new Tick("BTCUSDT", 10 + i, T0 + i * 1_000L, 100, 1));
        }
        long version = book.version();

        assertEquals(TickOutcome.TOO_LATE, book.apply(new Tick("BTCUSDT", 5, T0 - 1_000, 50, 1)));
        assertEquals(version, book.version());
        assertEquals(100.0, book.read(Timeframe.S1, c -> c.low(0)));
        assertEquals(
                TickOutcome.TOO_LATE,
                book.apply(new Tick("BTCUSDT", 5, T0 - 1_000, 50, 1)),
                "a refused tick is not remembered as seen, so it is refused again rather than called a duplicate");
    }

    @Test
    void historyThatMovesTheCandlesForwardRefusesTicksOlderThanItHolds() {
        book.apply(new Tick("BTCUSDT", 1, T0, 100, 1));
        List<Candle> later = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            later.add(new Candle(T0 + 10_000 + i * 1_000L, 100, 100, 100, 100, 1, 1));
        }
        book.loadHistory(List.of(new History(Timeframe.S1, later, 50)));

        // The one-second series is full from T0 + 10 s on: a tick before that has no candle left to go to.
        assertEquals(TickOutcome.TOO_LATE, book.apply(new Tick("BTCUSDT", 51, T0 + 5_000, 50, 1)));
        long oldest = book.read(Timeframe.S1, c -> c.time(0));
        assertEquals(T0 + 10_000, oldest);
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 52, T0 + 1_010_000, 50, 1)));
    }

    @Test
    void sequenceFarBelowTheWindowIsTooLateNotNew() {
        book.apply(new Tick("BTCUSDT", 100_000, T0, 100, 1));

        assertEquals(TickOutcome.TOO_LATE, book.apply(new Tick("BTCUSDT", 100_000 - SeqWindow.WIDTH, T0, 90, 1)));
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 100_000 - SeqWindow.WIDTH + 1, T0, 90, 1)));
    }

    @Test
    void historyCountsTicksUpToItsSequenceAndLaterTicksStackOnTop() {
        book.loadHistory(List.of(new History(
                Timeframe.M1,
                List.of(new Candle(T0 - 60_000, 90, 95, 89, 94, 10, 5), new Candle(T0, 94, 96, 93, 95, 4, 2)),
                41)));

        assertEquals(TickOutcome.DUPLICATE, book.apply(new Tick("BTCUSDT", 41, T0 + 30_000, 200, 1)));
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 42, T0 + 31_000, 97, 1)));
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 43, T0 + 61_000, 98, 2)));

        assertEquals(
                List.of(
                        new Candle(T0 - 60_000, 90, 95, 89, 94, 10, 5),
                        new Candle(T0, 94, 97, 93, 97, 5, 3),
                        new Candle(T0 + 60_000, 98, 98, 98, 98, 2, 1)),
                book.candles(Timeframe.M1, 10));
        assertEquals(43, book.lastSeq());
    }

    @Test
    void historyMustBeAlignedAndOrdered() {
        assertThrows(
                IllegalArgumentException.class,
                () -> book.loadHistory(
                        List.of(new History(Timeframe.M1, List.of(new Candle(T0 + 1, 1, 1, 1, 1, 1, 1)), 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> book.loadHistory(List.of(new History(
                        Timeframe.M1,
                        List.of(new Candle(T0, 1, 1, 1, 1, 1, 1), new Candle(T0, 1, 1, 1, 1, 1, 1)),
                        1))));
    }

    @Test
    void eachTimeframeCountsOnlyTicksAfterItsOwnHistory() {
        // Two history answers fetched a moment apart: the hour already holds tick 12, the minute does not.
        book.loadHistory(List.of(
                new History(Timeframe.M1, List.of(new Candle(T0, 100, 100, 100, 100, 1, 1)), 11),
                new History(Timeframe.H1, List.of(new Candle(T0 - 34 * 60_000, 100, 101, 100, 101, 2, 2)), 12)));

        assertEquals(TickOutcome.DUPLICATE, book.apply(new Tick("BTCUSDT", 11, T0 + 1_000, 101, 1)));
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 12, T0 + 1_000, 101, 1)));
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 13, T0 + 2_000, 102, 1)));
        assertEquals(TickOutcome.DUPLICATE, book.apply(new Tick("BTCUSDT", 12, T0 + 1_000, 101, 1)));

        assertEquals(List.of(new Candle(T0, 100, 102, 100, 102, 3, 3)), book.candles(Timeframe.M1, 10));
        assertEquals(List.of(new Candle(T0 - 34 * 60_000, 100, 102, 100, 102, 3, 3)), book.candles(Timeframe.H1, 10));
    }

    @Test
    void clearForgetsCandlesAndSequences() {
        book.apply(new Tick("BTCUSDT", 1, T0, 100, 1));
        book.clear();

        assertEquals(0, book.candles(Timeframe.M1, 10).size());
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("BTCUSDT", 1, T0, 100, 1)));
    }

    @Test
    void versionChangesOnlyWhenSomethingWasCounted() {
        long v0 = book.version();
        book.apply(new Tick("BTCUSDT", 1, T0, 100, 1));
        long v1 = book.version();
        book.apply(new Tick("BTCUSDT", 1, T0, 100, 1));

        assertTrue(v1 != v0);
        assertEquals(v1, book.version());
    }

    @Test
    void aBatchCountsAsItsTicksOneByOneWouldUnderOneVersionChange() {
        CandleBook oneByOne = new CandleBook("BTCUSDT", EnumSet.allOf(Timeframe.class), 1_000);
        oneByOne.apply(new Tick("BTCUSDT", 3, T0 + 5_000, 100, 1));
        book.apply(new Tick("BTCUSDT", 3, T0 + 5_000, 100, 1));
        // New, duplicate (counted before), late into an older second, new minute, duplicate within the batch.
        long[] seqs = {4, 3, 2, 5, 5};
        long[] times = {T0 + 5_500, T0 + 5_000, T0 + 1_000, T0 + 61_000, T0 + 61_000};
        double[] prices = {101, 100, 99, 102, 102};
        double[] sizes = {1, 1, 2, 0.5, 0.5};
        TickOutcome[] outcomes = new TickOutcome[6];
        long before = book.version();

        int accepted = book.apply(seqs, times, prices, sizes, 0, seqs.length, outcomes);

        for (int i = 0; i < seqs.length; i++) {
            assertEquals(oneByOne.apply(seqs[i], times[i], prices[i], sizes[i]), outcomes[i], "tick " + i);
        }
        assertEquals(3, accepted);
        assertEquals(before + 1, book.version());
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(oneByOne.candles(tf, 10), book.candles(tf, 10), tf.label());
        }
        assertEquals(0, book.apply(seqs, times, prices, sizes, 0, 2, null));
        assertEquals(before + 1, book.version(), "a batch of nothing new changes nothing");
    }

    @Test
    void askingForATimeframeTheBookDoesNotKeepIsAnError() {
        CandleBook minutesOnly = new CandleBook("X", EnumSet.of(Timeframe.M1), 10);
        assertThrows(IllegalArgumentException.class, () -> minutesOnly.candles(Timeframe.H1, 1));
    }

    @Test
    void aggregatorRefusesSymbolsBeyondItsLimit() {
        CandleAggregator aggregator = new CandleAggregator(EnumSet.of(Timeframe.M1), 10, 2);
        assertEquals(TickOutcome.ACCEPTED, aggregator.accept(new Tick("A", 1, T0, 1, 1)));
        assertEquals(TickOutcome.ACCEPTED, aggregator.accept(new Tick("B", 1, T0, 1, 1)));
        assertEquals(TickOutcome.TOO_MANY_SYMBOLS, aggregator.accept(new Tick("C", 1, T0, 1, 1)));
        assertEquals(TickOutcome.ACCEPTED, aggregator.accept(new Tick("A", 2, T0, 1, 1)));
        assertEquals(List.of("A", "B"), aggregator.symbols());
    }

    @Test
    void exchangeCandleReplacesTheOpenOneAndJoinsInTimeOrder() {
        assertTrue(book.putCandle(Timeframe.M1, new Candle(T0, 1, 2, 1, 2, 5, 3)));
        assertTrue(book.putCandle(Timeframe.M1, new Candle(T0, 1, 3, 1, 3, 6, 4)));
        assertTrue(book.putCandle(Timeframe.M1, new Candle(T0 + 120_000, 3, 3, 3, 3, 1, 1)));
        assertTrue(book.putCandle(Timeframe.M1, new Candle(T0 + 60_000, 2, 2, 2, 2, 1, 1)));

        assertEquals(
                List.of(
                        new Candle(T0, 1, 3, 1, 3, 6, 4),
                        new Candle(T0 + 60_000, 2, 2, 2, 2, 1, 1),
                        new Candle(T0 + 120_000, 3, 3, 3, 3, 1, 1)),
                book.candles(Timeframe.M1, 10));
        assertEquals(false, book.putCandle(Timeframe.M1, new Candle(T0 + 1, 1, 1, 1, 1, 1, 1)), "not aligned");
    }

    private Candle only(Timeframe tf) {
        List<Candle> candles = book.candles(tf, 10);
        assertEquals(1, candles.size(), tf.label());
        return candles.get(0);
    }

    @Test
    void rewritesCountOnlyChangesToOlderCandles() {
        book.apply(new Tick("BTCUSDT", 1, T0 + 1_000, 100, 1));
        long start = rewrites();
        book.apply(new Tick("BTCUSDT", 2, T0 + 2_000, 101, 1));
        book.apply(new Tick("BTCUSDT", 3, T0 + 61_000, 102, 1));
        book.putCandle(Timeframe.M1, new Candle(T0 + 60_000, 102, 103, 101, 103, 2, 2));
        book.putCandle(Timeframe.M1, new Candle(T0 + 120_000, 103, 103, 103, 103, 1, 1));
        assertEquals(start, rewrites(), "the newest changed and newer candles came: no rewrite");

        book.apply(new Tick("BTCUSDT", 4, T0 + 3_000, 99, 1));
        assertEquals(start + 1, rewrites(), "a late trade in an older candle");
        book.putCandle(Timeframe.M1, new Candle(T0, 100, 104, 99, 100, 5, 5));
        assertEquals(start + 2, rewrites(), "an older candle replaced");
        book.loadHistory(List.of(new History(Timeframe.M1, List.of(new Candle(T0, 1, 1, 1, 1, 1, 1)), 9)));
        assertTrue(rewrites() > start + 2, "history replaced the candles");
    }

    private long rewrites() {
        return book.read(Timeframe.M1, c -> c.rewrites());
    }
}
