package com.klinelive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleCacheTest {

    static final String FEED = "http://127.0.0.1:8080";
    static final long T0 = 1_764_000_000_000L; // a whole minute, 2025-11-24T16:00Z

    @TempDir
    Path dir;

    @Test
    void theClosedCandlesOfATrackedBookAreWrittenAndTheOpenOneIsNot() throws Exception {
        CandleAggregator aggregator = aggregator();
        try (CandleCache cache = open(dir.resolve("c.db"))) {
            cache.track(FEED, aggregator);
            trade(aggregator, "BTCUSDT", 1, 600, 0);
            CandleBook book = aggregator.book("BTCUSDT");
            List<Candle> all = book.candles(Timeframe.M1, 1000);
            List<Candle> closed = all.subList(0, all.size() - 1);
            SeriesKey key = new SeriesKey(FEED, "BTCUSDT", Timeframe.M1);
            await("the closed minutes cached", () -> cached(cache, key).equals(closed));
            // More trades close the open minute: it is written on a later pass, the new open one is not.
            trade(aggregator, "BTCUSDT", 601, 200, 600 * 1000);
            List<Candle> later = book.candles(Timeframe.M1, 1000);
            await(
                    "the newly closed minutes cached",
                    () -> cached(cache, key).equals(later.subList(0, later.size() - 1)));
            assertEquals(
                    10 * 60 + 200 - 1,
                    cached(cache, new SeriesKey(FEED, "BTCUSDT", Timeframe.S1)).size() + 0,
                    "every 1s candle but the open one");
        }
    }

    @Test
    void candlesPutFromOutsideABookAreReadBackAndReplaceThoseWithTheSameTimes() throws Exception {
        SeriesKey key = new SeriesKey(FEED, "ETHUSDT", Timeframe.M5);
        List<Candle> page = List.of(
                new Candle(T0, 1, 2, 0.5, 1.5, 10, 3),
                new Candle(T0 + 300_000, 1.5, 1.5, 1, 1, 2, 1),
                new Candle(T0 + 900_000, 1, 3, 1, 3, 4, 2));
        try (CandleCache cache = open(dir.resolve("c.db"))) {
            cache.putAsync(key, new CandleList(page)).get();
            assertEquals(page, cache.before(key, Long.MAX_VALUE, 10).toList());

            Candle corrected = new Candle(T0 + 300_000, 1.5, 2, 1, 2, 5, 2);
            cache.putAsync(key, new CandleList(List.of(corrected))).get();
            assertEquals(
                    List.of(page.get(0), corrected),
                    cache.before(key, T0 + 900_000, 10).toList());
        }
        try (CandleCache reopened = open(dir.resolve("c.db"))) {
            assertEquals(3, reopened.before(key, Long.MAX_VALUE, 10).size(), "committed: there after a restart");
        }
    }

    @Test
    void beforeTheFeedsHistoryIsInTheOldestLiveCandleIsNotWrittenForItMayMissTrades() throws Exception {
        CandleAggregator aggregator = aggregator();
        try (CandleCache cache = open(dir.resolve("c.db"))) {
            cache.track(FEED, aggregator);
            CandleBook book = aggregator.bookFor("BTCUSDT");
            for (int i = 0; i < 300; i++) {
                book.apply(1000 + i, T0 + 30_000 + i * 1000L, 100 + i % 7, 1); // from the middle of a minute
            }
            List<Candle> all = book.candles(Timeframe.M1, 100);
            SeriesKey key = new SeriesKey(FEED, "BTCUSDT", Timeframe.M1);
            await("the whole minutes", () -> cached(cache, key).equals(all.subList(1, all.size() - 1)));
            // The history arrives: the first minute is whole now, and written.
            List<Candle> history = new java.util.ArrayList<>(all);
            history.set(0, new Candle(T0, 90, 120, 80, all.get(0).close(), 99, 60));
            book.loadHistory(List.of(new History(Timeframe.M1, history, 1299)));
            await(
                    "the history's first minute",
                    () -> cached(cache, key).equals(history.subList(0, history.size() - 1)));
        }
    }

    @Test
    void aPageEndsBeforeAnExclusiveTimeAndHoldsTheNewestCandlesBeforeIt() throws Exception {
        CandleAggregator aggregator = aggregator();
        try (CandleCache cache = open(dir.resolve("c.db"))) {
            trade(aggregator, "ETHUSDT", 1, 3_000, 0); // 50 minutes
            cache.track(FEED, aggregator);
            SeriesKey key = new SeriesKey(FEED, "ETHUSDT", Timeframe.M1);
            await("49 closed minutes", () -> cached(cache, key).size() == 49);
            List<Candle> all = aggregator.book("ETHUSDT").candles(Timeframe.M1, 100);

            long end = all.get(30).time();
            CachedCandles page = cache.before(key, end, 10);
            assertEquals(all.subList(20, 30), page.toList(), "the ten minutes before the 31st, oldest first");
            assertEquals(all.subList(0, 30), cache.before(key, end, 5_000).toList(), "fewer than asked: all there are");
            assertEquals(all.subList(0, 30), cache.before(key, end - 1, 5_000).toList(), "end is exclusive");
            assertTrue(cache.before(key, all.get(0).time(), 100).isEmpty(), "nothing older than the oldest");
            assertTrue(
                    cache.newest(new SeriesKey(FEED, "NOPE", Timeframe.M1), 10).isEmpty(), "unknown series");
            assertTrue(
                    cache.newest(new SeriesKey("other", "ETHUSDT", Timeframe.M1), 10)
                            .isEmpty(),
                    "other feed");
            assertThrows(IllegalArgumentException.class, () -> cache.newest(key, 0));
        }
    }

    @Test
    void cachedCandlesComeBackAfterReopeningAndPreloadABook() throws Exception {
        CandleAggregator aggregator = aggregator();
        Path file = dir.resolve("c.db");
        List<Candle> closed;
        try (CandleCache cache = open(file)) {
            cache.track(FEED, aggregator);
            trade(aggregator, "BTCUSDT", 1, 7_200, 0);
            List<Candle> all = aggregator.book("BTCUSDT").candles(Timeframe.M1, 1000);
            closed = all.subList(0, all.size() - 1);
        } // close writes what closed, without waiting for a pass
        try (CandleCache cache = open(file)) {
            assertEquals(
                    closed,
                    cache.newest(new SeriesKey(FEED, "BTCUSDT", Timeframe.M1), 1000)
                            .toList());
            CandleBook fresh = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1, Timeframe.H1), 10_000);
            int loaded = cache.preload(FEED, fresh, 1000);
            assertEquals(closed, fresh.candles(Timeframe.M1, 1000));
            assertEquals(closed.size() + 1, loaded, "119 minutes and the one closed hour");
        }
    }

    @Test
    void whenTheFeedReplacesABooksCandlesTheCacheFollowsTheBook() throws Exception {
        CandleAggregator aggregator = aggregator();
        try (CandleCache cache = open(dir.resolve("c.db"))) {
            cache.track(FEED, aggregator);
            trade(aggregator, "BTCUSDT", 1, 1_800, 0);
            SeriesKey key = new SeriesKey(FEED, "BTCUSDT", Timeframe.M1);
            await("29 minutes", () -> cached(cache, key).size() == 29);
            // A new epoch of the feed: other candles, every other minute, over the same half hour.
            List<Candle> replaced = new java.util.ArrayList<>();
            for (int m = 0; m < 30; m += 2) {
                replaced.add(new Candle(T0 + m * 60_000L, 10, 12, 9, 11, 3, 4));
            }
            aggregator.book("BTCUSDT").loadHistory(List.of(new History(Timeframe.M1, replaced, 99)));
            await("the replaced candles", () -> cached(cache, key).equals(replaced.subList(0, replaced.size() - 1)));
        }
    }

    @Test
    void theLeastRecentlyUsedSymbolsAreEvictedPastTheBound() throws Exception {
        CandleAggregator aggregator = aggregator();
        long bound = 2L << 20;
        try (CandleCache cache = CandleCache.open(CandleCache.Options.defaults(dir.resolve("c.db"))
                .withMaxBytes(bound)
                .withFlushInterval(Duration.ofMillis(20)))) {
            cache.track(FEED, aggregator);
            // Each symbol: 3 hours of 1s candles and all the coarser ones, about 1 MB in the database.
            for (String symbol : List.of("AAA", "BBB", "CCC", "DDD")) {
                trade(aggregator, symbol, 1, 10_800, 0);
                SeriesKey key = new SeriesKey(FEED, symbol, Timeframe.S1);
                await(symbol + " written", () -> cached(cache, key).size() == 10_799);
            }
            await("eviction", () -> cache.stats().symbolsEvicted() >= 2);
            assertTrue(
                    cache.stats().usedBytes() <= bound, "used " + cache.stats().usedBytes());
            assertTrue(cached(cache, new SeriesKey(FEED, "AAA", Timeframe.S1)).isEmpty(), "the oldest went first");
            assertEquals(
                    10_799,
                    cached(cache, new SeriesKey(FEED, "DDD", Timeframe.S1)).size(),
                    "the newest stayed");
        }
    }

    @Test
    void clearDeletesEveryCandleAndTheOpenChartsAreCachedAgain() throws Exception {
        CandleAggregator aggregator = aggregator();
        try (CandleCache cache = open(dir.resolve("c.db"))) {
            trade(aggregator, "BTCUSDT", 1, 600, 0);
            CandleAggregator gone = aggregator();
            trade(gone, "ETHUSDT", 1, 600, 0);
            FeedTracker closedFeed = cache.track("old feed", gone);
            SeriesKey eth = new SeriesKey("old feed", "ETHUSDT", Timeframe.M1);
            await("the old feed cached", () -> cached(cache, eth).size() == 9);
            closedFeed.close();
            cache.track(FEED, aggregator);
            SeriesKey btc = new SeriesKey(FEED, "BTCUSDT", Timeframe.M1);
            await("cached", () -> cached(cache, btc).size() == 9);

            cache.clear();
            assertTrue(cached(cache, eth).isEmpty(), "a feed no longer tracked stays cleared");
            await("the tracked book written again", () -> cached(cache, btc).size() == 9);
        }
    }

    static CandleCache open(Path file) throws IOException {
        return CandleCache.open(CandleCache.Options.defaults(file).withFlushInterval(Duration.ofMillis(20)));
    }

    static CandleAggregator aggregator() {
        return new CandleAggregator(EnumSet.allOf(Timeframe.class), 1_000_000, 16);
    }

    /**
     * {@code count} trades a second apart from {@code T0 + offsetMillis}, seqs from {@code firstSeq}, into a book
     * that loaded the feed's (empty) history first, as a feed client's does: its candles hold every trade.
     */
    static void trade(CandleAggregator aggregator, String symbol, long firstSeq, int count, long offsetMillis) {
        CandleBook book = aggregator.book(symbol);
        if (book == null) {
            book = aggregator.bookFor(symbol);
            List<History> none = new java.util.ArrayList<>();
            for (Timeframe tf : book.timeframes()) {
                none.add(new History(tf, List.of(), 0));
            }
            book.loadHistory(none);
        }
        SplittableRandom random = new SplittableRandom(firstSeq);
        for (int i = 0; i < count; i++) {
            double price = 100 + random.nextInt(1000) / 100.0;
            book.apply(firstSeq + i, T0 + offsetMillis + i * 1000L, price, 0.5 + random.nextInt(10));
        }
    }

    static List<Candle> cached(CandleCache cache, SeriesKey key) {
        try {
            return cache.newest(key, CandleCache.MAX_READ).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
