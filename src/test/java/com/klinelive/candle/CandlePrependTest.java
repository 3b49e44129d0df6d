package com.klinelive.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Candle;
import com.klinelive.model.CandleList;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Older pages put in front of a book's candles, and history that continues the candles a book holds. */
class CandlePrependTest {

    private static final long T0 = 1_764_000_000_000L / 60_000 * 60_000;
    private static final long MINUTE = 60_000;

    @Test
    void olderPageGoesInFrontAndLiveTicksGoOnInTheNewestCandle() {
        CandleBook book = book(100);
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(10, 20), 20)));
        long version = book.version();
        long rewrites = rewrites(book);

        Prepended result = book.prepend(Timeframe.M1, T0 + 10 * MINUTE, new CandleList(minutes(0, 10)));

        assertEquals(new Prepended(10, Prepended.Status.ADDED), result);
        assertEquals(minutes(0, 20), book.candles(Timeframe.M1, 100));
        assertTrue(book.version() > version, "readers see the change");
        assertTrue(rewrites(book) > rewrites, "indicators start again from the new oldest candle");
        assertEquals(T0, book.oldestTime(Timeframe.M1));

        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("X", 21, T0 + 19 * MINUTE + 30_000, 500, 2)));
        Candle newest = book.candles(Timeframe.M1, 1).get(0);
        assertEquals(new Candle(T0 + 19 * MINUTE, 119, 500, 119, 500, 3, 2), newest);
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("X", 22, T0 + 20 * MINUTE, 7, 1)));
        assertEquals(21, book.candles(Timeframe.M1, 100).size(), "the page, the history and a new candle");
    }

    @Test
    void aFullSeriesTakesOnlyTheNewestOfAPageAndNeverDropsItsNewest() {
        CandleBook book = book(15);
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(10, 20), 20)));

        Prepended result = book.prepend(Timeframe.M1, T0 + 10 * MINUTE, new CandleList(minutes(0, 10)));

        assertEquals(new Prepended(5, Prepended.Status.FULL), result);
        assertEquals(minutes(5, 20), book.candles(Timeframe.M1, 100));
        assertTrue(book.isFull(Timeframe.M1));
        assertEquals(
                new Prepended(0, Prepended.Status.FULL),
                book.prepend(Timeframe.M1, T0 + 5 * MINUTE, new CandleList(minutes(0, 5))));
        assertEquals(minutes(5, 20), book.candles(Timeframe.M1, 100));
    }

    @Test
    void aPageForAnOldestCandleNoLongerHeldChangesNothing() {
        CandleBook book = book(100);
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(10, 20), 20)));
        long version = book.version();

        Prepended result = book.prepend(Timeframe.M1, T0 + 11 * MINUTE, new CandleList(minutes(0, 10)));

        assertEquals(new Prepended(0, Prepended.Status.MOVED), result);
        assertEquals(minutes(10, 20), book.candles(Timeframe.M1, 100));
        assertEquals(version, book.version());
        assertEquals(
                Prepended.Status.MOVED,
                book(10).prepend(Timeframe.M1, T0, new CandleList(List.of())).status());
    }

    @Test
    void candlesOutOfOrderOrOverlappingAreRefusedWhole() {
        CandleBook book = book(100);
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(10, 20), 20)));
        List<Candle> overlapping = minutes(5, 11);
        List<Candle> unordered = new ArrayList<>(minutes(0, 3));
        unordered.add(1, unordered.remove(2));
        List<Candle> unaligned = List.of(new Candle(T0 + 1, 1, 1, 1, 1, 1, 1));

        for (List<Candle> bad : List.of(overlapping, unordered, unaligned)) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> book.prepend(Timeframe.M1, T0 + 10 * MINUTE, new CandleList(bad)));
        }
        assertEquals(minutes(10, 20), book.candles(Timeframe.M1, 100));
    }

    @Test
    void pagesAcrossChunksAndTheRingsStartStayInOrder() {
        CandleSeries series = new CandleSeries(Timeframe.M1, 20_000);
        // Fill past the capacity, so the ring's head sits mid-ring, then load history that replaces everything.
        for (int i = 0; i < 30_000; i++) {
            series.add(i, T0 - (40_000L - i) * MINUTE, 1, 1);
        }
        series.load(minutes(25_000, 30_000));
        for (int end = 25_000; end > 10_000; end -= 5_000) {
            assertEquals(5_000, series.prepend(new CandleList(minutes(end - 5_000, end)), 0, 5_000));
        }

        assertEquals(20_000, series.size());
        for (int i = 0; i < series.size(); i++) {
            assertEquals(T0 + (10_000L + i) * MINUTE, series.time(i), "candle " + i);
            assertEquals(100.0 + 10_000 + i, series.close(i), "candle " + i);
        }
        assertEquals(0, series.prepend(new CandleList(minutes(9_000, 10_000)), 0, 1_000), "full");
    }

    @Test
    void lateTradeInAHeldCandleAfterAPrependStillKeepsTradeOrder() {
        CandleBook book = book(100);
        book.apply(new Tick("X", 10, T0 + 10 * MINUTE + 1_000, 100, 1));
        book.apply(new Tick("X", 12, T0 + 10 * MINUTE + 50_000, 102, 1));
        book.apply(new Tick("X", 13, T0 + 11 * MINUTE + 1_000, 103, 1));
        book.prepend(Timeframe.M1, T0 + 10 * MINUTE, new CandleList(minutes(0, 10)));

        // Published between 10 and 12: neither the open nor the close of its minute.
        assertEquals(TickOutcome.ACCEPTED, book.apply(new Tick("X", 11, T0 + 10 * MINUTE + 20_000, 99, 1)));

        assertEquals(
                new Candle(T0 + 10 * MINUTE, 100, 102, 99, 102, 3, 3),
                book.candles(Timeframe.M1, 2).get(0));
    }

    @Test
    void historyThatStartsAtAnEqualHeldCandleContinuesTheOlderOnes() {
        CandleBook book = book(100);
        // Cached candles shown first (no sequence), then the feed's history from minute 15 on.
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(0, 18), -1)));
        List<Candle> feed = new ArrayList<>(minutes(15, 25));
        feed.set(2, new Candle(T0 + 17 * MINUTE, 1, 2, 1, 2, 3, 4));

        book.loadHistory(List.of(new History(Timeframe.M1, feed, 40)));

        List<Candle> expected = new ArrayList<>(minutes(0, 15));
        expected.addAll(feed);
        assertEquals(expected, book.candles(Timeframe.M1, 100), "the feed is the truth from its first candle on");
        assertEquals(40, book.historySeq(Timeframe.M1));
    }

    @Test
    void historyThatDiffersAtItsFirstCandleReplacesEverything() {
        CandleBook book = book(100);
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(0, 18), -1)));
        List<Candle> feed = new ArrayList<>(minutes(15, 25));
        feed.set(0, new Candle(T0 + 15 * MINUTE, 1, 2, 1, 2, 3, 4));

        book.loadHistory(List.of(new History(Timeframe.M1, feed, 40)));

        assertEquals(feed, book.candles(Timeframe.M1, 100));
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(30, 35), 50)));
        assertEquals(minutes(30, 35), book.candles(Timeframe.M1, 100), "no candle in common: nothing kept");
    }

    @Test
    void aRepairOfTheNewestCandlesKeepsThePagesScrolledBack() {
        CandleBook book = book(1_000);
        book.loadHistory(List.of(new History(Timeframe.M1, minutes(500, 600), 600)));
        book.prepend(Timeframe.M1, T0 + 500 * MINUTE, new CandleList(minutes(0, 500)));

        book.loadHistory(List.of(new History(Timeframe.M1, minutes(520, 601), 601)));

        assertEquals(minutes(0, 601), book.candles(Timeframe.M1, 1_000));
    }

    private static CandleBook book(int capacity) {
        return new CandleBook("X", EnumSet.of(Timeframe.M1), capacity);
    }

    private static long rewrites(CandleBook book) {
        return book.read(Timeframe.M1, c -> c.rewrites());
    }

    /** One-trade candles of minutes {@code from} to {@code to - 1}, priced 100 + minute. */
    static List<Candle> minutes(int from, int to) {
        List<Candle> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            double p = 100 + i;
            list.add(new Candle(T0 + i * MINUTE, p, p, p, p, 1, 1));
        }
        return list;
    }
}
