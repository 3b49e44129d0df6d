package com.klinelive.scrollback;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.cache.CandleCache;
import com.klinelive.cache.FeedTracker;
import com.klinelive.cache.SeriesKey;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.ServerTruth;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scroll-back with the real parts: the simulator's {@code /history?end=}, the feed client and the SQLite cache.
 * The feed's pages are counted on their way through {@link FeedPages}, so a page the cache answered is seen not to
 * touch the feed; the simulator is even stopped before the cache's pages are asked for.
 */
class ScrollBackLoaderTest {

    private static final Set<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.M1, Timeframe.M5);
    private static final String SYMBOL = "BTCUSDT";
    private static final long WAIT = 30_000;
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger feedPages = new AtomicInteger();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void pagesTheFeedGaveAreCachedAndTheNextRunGetsThemFromTheCacheWithoutTheFeed() throws Exception {
        SimServer sim = sim();
        String feed = sim.uri().toString();
        CandleCache cache = keep(CandleCache.open(
                CandleCache.Options.defaults(dir.resolve("c.db")).withFlushInterval(Duration.ofMillis(20))));
        List<Candle> firstRun;
        long oldestOfFirstRun;
        try (FeedClient client = client(sim)) {
            CandleAggregator aggregator = aggregatorOf(client);
            FeedTracker tracker = cache.track(feed, aggregator);
            CandleBook book = started(client);
            ScrollBackLoader loader = new ScrollBackLoader(cache, feed, counted(client), 400);
            for (int page = 0; page < 3; page++) {
                ScrollBackPage answer = older(loader, book, Timeframe.M1);
                assertEquals(new ScrollBackPage(ScrollBackPage.Source.FEED, 400, ScrollBackPage.State.MORE), answer);
            }
            assertEquals(3, feedPages.get());
            ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
            firstRun = book.candles(Timeframe.M1, 100_000);
            oldestOfFirstRun = firstRun.get(0).time();
            tracker.close();
        }
        SeriesKey key = new SeriesKey(feed, SYMBOL, Timeframe.M1);
        List<Candle> closedOfFirstRun = firstRun.subList(0, firstRun.size() - 1);
        waitFor(
                WAIT,
                () -> cachedBefore(cache, key, Long.MAX_VALUE).containsAll(closedOfFirstRun),
                () -> "the first run's candles cached");

        // The next run: history from the feed, then the feed goes away; the pages the cache holds still come.
        feedPages.set(0);
        try (FeedClient client = client(sim)) {
            CandleBook book = started(client);
            ScrollBackLoader loader = new ScrollBackLoader(cache, feed, counted(client), 400);
            sim.close();
            int fromCache = 0;
            while (book.oldestTime(Timeframe.M1) > oldestOfFirstRun) {
                ScrollBackPage answer = older(loader, book, Timeframe.M1);
                assertEquals(ScrollBackPage.Source.CACHE, answer.source());
                assertEquals(ScrollBackPage.State.MORE, answer.state());
                assertTrue(answer.added() > 0 && answer.added() <= 400, "added " + answer.added());
                fromCache++;
            }
            assertEquals(0, feedPages.get(), "no page touched the feed");
            assertTrue(fromCache >= 3, "pages from the cache: " + fromCache);
            List<Candle> shown = book.candles(Timeframe.M1, 100_000);
            assertEquals(closedOfFirstRun, shown.subList(0, closedOfFirstRun.size()), "the first run's candles");
            assertNoHolesOrDuplicates(shown);

            // Older than anything cached: the feed is asked, and the feed is gone.
            ExecutionException failed = assertThrows(
                    ExecutionException.class,
                    () -> loader.loadBefore(book, Timeframe.M1, book.oldestTime(Timeframe.M1))
                            .get(WAIT, TimeUnit.MILLISECONDS));
            assertEquals(1, feedPages.get());
            assertEquals(
                    "older 1m candles of BTCUSDT not loaded: connection refused",
                    failed.getCause().getMessage());
        }
    }

    @Test
    void theFeedsEndOfHistoryEndsTheLoadsAndIsNotAskedAgain() throws Exception {
        SimServer sim = sim();
        FeedClient client = keep(client(sim));
        CandleBook book = started(client);
        ScrollBackLoader loader = new ScrollBackLoader(null, "unused", counted(client), 5_000);

        ScrollBackPage first = older(loader, book, Timeframe.M5);
        ScrollBackPage last = older(loader, book, Timeframe.M5);

        // Two days of 5m candles are 576: 100 on connect, the rest in one page, then the end.
        assertEquals(new ScrollBackPage(ScrollBackPage.Source.FEED, 477, ScrollBackPage.State.MORE), first);
        assertEquals(ScrollBackPage.State.END, last.state());
        assertTrue(loader.feedEnded(SYMBOL, Timeframe.M5));
        assertEquals(2, feedPages.get());
        assertEquals(ScrollBackPage.State.END, older(loader, book, Timeframe.M5).state());
        assertEquals(2, feedPages.get(), "the end is remembered");
        ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
    }

    @Test
    void pastTheFeedsEndTheCachesOlderCandlesComeHolesAndAll() throws Exception {
        SimServer sim = sim();
        String feed = sim.uri().toString();
        CandleCache cache = keep(CandleCache.open(dir.resolve("c.db")));
        FeedClient client = keep(client(sim));
        CandleBook book = started(client);
        long start =
                sim.history(SYMBOL, Timeframe.M1, 1_000_000).candles().get(0).time();
        // Kept from a run long ago: the feed no longer reaches back that far. Minutes -4 and -1 are missing.
        List<Candle> ancient = List.of(
                new Candle(start - 6 * MINUTE, 9, 9, 9, 9, 1, 1),
                new Candle(start - 5 * MINUTE, 8, 8, 8, 8, 1, 1),
                new Candle(start - 3 * MINUTE, 7, 7, 7, 7, 1, 1),
                new Candle(start - 2 * MINUTE, 6, 6, 6, 6, 1, 1));
        cache.putAsync(new SeriesKey(feed, SYMBOL, Timeframe.M1), new CandleList(ancient))
                .get();
        ScrollBackLoader loader = new ScrollBackLoader(cache, feed, counted(client), 5_000);

        List<ScrollBackPage> answers = new ArrayList<>();
        for (int i = 0;
                i < 6 && (answers.isEmpty() || !answers.get(answers.size() - 1).isLast());
                i++) {
            answers.add(older(loader, book, Timeframe.M1));
        }

        assertEquals(ScrollBackPage.Source.FEED, answers.get(0).source());
        assertEquals(
                new ScrollBackPage(ScrollBackPage.Source.CACHE, 4, ScrollBackPage.State.MORE),
                answers.get(answers.size() - 2),
                "after the feed's end: " + answers);
        assertEquals(ScrollBackPage.State.END, answers.get(answers.size() - 1).state());
        List<Candle> shown = book.candles(Timeframe.M1, 100_000);
        assertEquals(ancient, shown.subList(0, 4));
        assertEquals(start, shown.get(4).time());
    }

    @Test
    void aCachedPageThatDoesNotJoinTheOldestCandleIsLeftToTheFeedWhichReplacesIt() throws Exception {
        SimServer sim = sim();
        String feed = sim.uri().toString();
        CandleCache cache = keep(CandleCache.open(dir.resolve("c.db")));
        FeedClient client = keep(client(sim));
        CandleBook book = started(client);
        long oldest = book.oldestTime(Timeframe.M1);
        SeriesKey key = new SeriesKey(feed, SYMBOL, Timeframe.M1);
        // Cached from before a gap: the minute right before the oldest shown is missing, and these are wrong.
        List<Candle> stale = List.of(
                new Candle(oldest - 3 * MINUTE, 1, 1, 1, 1, 1, 1), new Candle(oldest - 2 * MINUTE, 1, 1, 1, 1, 1, 1));
        cache.putAsync(key, new CandleList(stale)).get();
        ScrollBackLoader loader = new ScrollBackLoader(cache, feed, counted(client), 50);

        ScrollBackPage answer = older(loader, book, Timeframe.M1);

        assertEquals(new ScrollBackPage(ScrollBackPage.Source.FEED, 50, ScrollBackPage.State.MORE), answer);
        List<Candle> truth = sim.history(SYMBOL, Timeframe.M1, 50, oldest).candles();
        assertEquals(truth, book.candles(Timeframe.M1, 100_000).subList(0, 50));
        waitFor(WAIT, () -> cachedBefore(cache, key, oldest).equals(truth), () -> "the feed's page cached");
    }

    @Test
    void aCacheFirstStartKeepsTheCachedCandlesTheFeedsHistoryContinues() throws Exception {
        SimServer sim = sim();
        String feed = sim.uri().toString();
        CandleCache cache = keep(CandleCache.open(dir.resolve("c.db")));
        List<Candle> truth = sim.history(SYMBOL, Timeframe.M1, 2_000).candles();
        // What an earlier run cached: every closed minute up to a little before now.
        List<Candle> cached = truth.subList(0, truth.size() - 5);
        cache.putAsync(new SeriesKey(feed, SYMBOL, Timeframe.M1), new CandleList(cached))
                .get();
        FeedClient client = keep(client(sim));
        CandleBook book = aggregatorOf(client).bookFor(SYMBOL);

        assertEquals(cached.size(), cache.preload(feed, book, 5_000), "shown before the feed answers");
        assertEquals(cached, book.candles(Timeframe.M1, 100_000));
        started(client);

        // The feed's history (100 minutes) starts at a cached candle equal to it: the 1,895 before it stay.
        List<Candle> shown = book.candles(Timeframe.M1, 100_000);
        assertTrue(shown.size() >= cached.size() + 4, "held " + shown.size());
        assertEquals(cached.get(0), shown.get(0));
        assertNoHolesOrDuplicates(shown);
        ServerTruth.assertClientMatchesServer(client, sim, EnumSet.of(Timeframe.M1));
    }

    @Test
    void candlesJoinOnlyUpToTheFirstMissingOne() {
        long end = 100 * MINUTE;
        List<Candle> page = new ArrayList<>();
        for (long m : new long[] {90, 91, 95, 96, 97, 98, 99}) {
            page.add(new Candle(m * MINUTE, 1, 1, 1, 1, 1, 1));
        }
        assertEquals(2, ScrollBackLoader.joinedFrom(new CandleList(page), Timeframe.M1, end));
        assertEquals(7, ScrollBackLoader.joinedFrom(new CandleList(page), Timeframe.M1, end + MINUTE));
        assertEquals(0, ScrollBackLoader.joinedFrom(new CandleList(List.of()), Timeframe.M1, end));
    }

    @Test
    void aSecondAskWhileALoadIsUnderWayGetsTheSameAnswer() throws Exception {
        CompletableFuture<com.klinelive.feed.OlderPage> never = new CompletableFuture<>();
        ScrollBackLoader loader = new ScrollBackLoader(null, "unused", (s, tf, end, limit) -> never, 10);
        CandleBook book = new CandleBook(SYMBOL, TIMEFRAMES, 100);
        book.apply(1, 10 * MINUTE, 1, 1);

        CompletableFuture<ScrollBackPage> first = loader.loadBefore(book, Timeframe.M1, 10 * MINUTE);
        assertEquals(first, loader.loadBefore(book, Timeframe.M1, 10 * MINUTE));
        assertTrue(first != loader.loadBefore(book, Timeframe.M5, 10 * MINUTE), "another timeframe loads apart");
        never.completeExceptionally(new IllegalStateException("connection refused"));
        ExecutionException e = assertThrows(ExecutionException.class, first::get);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(first != loader.loadBefore(book, Timeframe.M1, 10 * MINUTE), "after an answer, a new load");
        assertThrows(IllegalArgumentException.class, () -> new ScrollBackLoader(null, "x", (s, t, e2, l) -> never, 0));
    }

    private static void assertNoHolesOrDuplicates(List<Candle> candles) {
        for (int i = 1; i < candles.size(); i++) {
            assertEquals(candles.get(i - 1).time() + MINUTE, candles.get(i).time(), "candle " + i);
        }
    }

    private static List<Candle> cachedBefore(CandleCache cache, SeriesKey key, long end) {
        try {
            return cache.before(key, end, 100_000).toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ScrollBackPage older(ScrollBackLoader loader, CandleBook book, Timeframe timeframe)
            throws Exception {
        return loader.loadBefore(book, timeframe, book.oldestTime(timeframe)).get(WAIT, TimeUnit.MILLISECONDS);
    }

    private FeedPages counted(FeedClient client) {
        return (symbol, timeframe, end, limit) -> {
            feedPages.incrementAndGet();
            return client.olderCandles(symbol, timeframe, end, limit);
        };
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private SimServer sim() throws Exception {
        return keep(SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(37)
                .withRate(50)
                .withHistory(Duration.ofDays(2))
                .withSymbols(List.of(SYMBOL))));
    }

    private final java.util.Map<FeedClient, CandleAggregator> aggregators = new java.util.HashMap<>();

    private FeedClient client(SimServer sim) {
        CandleAggregator aggregator = new CandleAggregator(TIMEFRAMES, 100_000, 4);
        FeedClient client = new FeedClient(
                FeedOptions.defaults(sim.uri().toString())
                        .withSymbols(List.of(SYMBOL))
                        .withHistory(TIMEFRAMES, 100),
                aggregator,
                new WebSocketTransports(),
                new LongPollTransports());
        aggregators.put(client, aggregator);
        return client;
    }

    private CandleAggregator aggregatorOf(FeedClient client) {
        return aggregators.get(client);
    }

    private static CandleBook started(FeedClient client) {
        client.start();
        waitFor(
                WAIT,
                () -> client.book(SYMBOL) != null
                        && client.book(SYMBOL).historySeq(Timeframe.M1) >= 0
                        && client.book(SYMBOL).historySeq(Timeframe.M5) >= 0,
                () -> client.status() + " " + client.metrics());
        return client.book(SYMBOL);
    }
}
