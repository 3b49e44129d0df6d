package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pages of older candles from the real simulator's {@code /history?end=}, put in front of the client's books. */
class FeedClientOlderCandlesTest {

    private static final Set<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.M1, Timeframe.M5);
    private static final String SYMBOL = "BTCUSDT";
    private static final long WAIT = 30_000;

    @Test
    void pagesBackToTheStartOfTheFeedsHistoryEqualItsCandles() throws Exception {
        try (SimServer sim = sim(Duration.ZERO);
                FeedClient client = client(sim)) {
            AtomicInteger changes = new AtomicInteger();
            client.addListener(new FeedListener() {
                @Override
                public void onCandles(String symbol, long receivedNanos) {
                    changes.incrementAndGet();
                }
            });
            CandleBook book = started(client);
            List<OlderPage.Status> statuses = new ArrayList<>();
            for (int page = 0; page < 10; page++) {
                long oldest = book.oldestTime(Timeframe.M1);
                int before = changes.get();
                OlderPage answer =
                        client.olderCandles(SYMBOL, Timeframe.M1, oldest, 1_000).get(WAIT, TimeUnit.MILLISECONDS);
                statuses.add(answer.status());
                assertEquals(oldest, answer.endExclusive());
                if (answer.status() == OlderPage.Status.END_OF_HISTORY) {
                    assertEquals(List.of(), answer.candles());
                    assertEquals(oldest, book.oldestTime(Timeframe.M1), "nothing older came");
                    break;
                }
                assertEquals(OlderPage.Status.ADDED, answer.status());
                assertEquals(answer.candles().size(), answer.added());
                assertEquals(answer.candles().get(0).time(), book.oldestTime(Timeframe.M1));
                assertTrue(changes.get() > before, "listeners hear that the candles changed");
            }
            // Two days of minutes, 500 of them on connect: two whole pages, a part, then the end.
            assertEquals(
                    List.of(
                            OlderPage.Status.ADDED,
                            OlderPage.Status.ADDED,
                            OlderPage.Status.ADDED,
                            OlderPage.Status.END_OF_HISTORY),
                    statuses);
            List<Candle> all = sim.history(SYMBOL, Timeframe.M1, 1_000_000).candles();
            assertEquals(all.get(0).time(), book.oldestTime(Timeframe.M1), "back to the server's first minute");
            // Every candle the client holds, old pages and live ones, equals the server's: no hole, no duplicate.
            ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
        }
    }

    @Test
    void aPageForACandleNoLongerTheOldestIsNotPutIn() throws Exception {
        try (SimServer sim = sim(Duration.ZERO);
                FeedClient client = client(sim)) {
            CandleBook book = started(client);
            long oldest = book.oldestTime(Timeframe.M5);
            List<Candle> before = book.candles(Timeframe.M5, 100_000);

            OlderPage answer = client.olderCandles(SYMBOL, Timeframe.M5, oldest + 300_000, 100)
                    .get(WAIT, TimeUnit.MILLISECONDS);

            assertEquals(OlderPage.Status.MOVED, answer.status());
            assertEquals(0, answer.added());
            assertEquals(before.size(), book.candles(Timeframe.M5, 100_000).size());
            assertEquals(oldest, book.oldestTime(Timeframe.M5));
        }
    }

    @Test
    void oneRequestPerSymbolAndTimeframeAtATime() throws Exception {
        // Every answer of this server takes 400 ms: the second ask comes while the first is out.
        try (SimServer sim = sim(Duration.ofMillis(400));
                FeedClient client = client(sim)) {
            CandleBook book = started(client);
            long oldest = book.oldestTime(Timeframe.M1);

            var first = client.olderCandles(SYMBOL, Timeframe.M1, oldest, 200);
            var second = client.olderCandles(SYMBOL, Timeframe.M1, oldest, 200);
            var otherTimeframe = client.olderCandles(SYMBOL, Timeframe.M5, book.oldestTime(Timeframe.M5), 50);

            assertSame(first, second);
            assertTrue(first != otherTimeframe);
            assertEquals(200, first.get(WAIT, TimeUnit.MILLISECONDS).added());
            assertEquals(50, otherTimeframe.get(WAIT, TimeUnit.MILLISECONDS).added());
            var next = client.olderCandles(SYMBOL, Timeframe.M1, book.oldestTime(Timeframe.M1), 200);
            assertTrue(next != first, "once answered, the next page is a new request");
            assertEquals(200, next.get(WAIT, TimeUnit.MILLISECONDS).added());
        }
    }

    @Test
    void requestsOutsideTheBoundsFailClearly() throws Exception {
        try (SimServer sim = sim(Duration.ZERO);
                FeedClient client = client(sim)) {
            CandleBook book = started(client);
            long oldest = book.oldestTime(Timeframe.M1);
            for (var failed : List.of(
                    client.olderCandles(SYMBOL, Timeframe.M1, oldest, 0),
                    client.olderCandles(SYMBOL, Timeframe.M1, oldest, 5_001),
                    client.olderCandles("NOPE", Timeframe.M1, oldest, 10),
                    client.olderCandles(SYMBOL, Timeframe.H1, oldest, 10))) {
                ExecutionException e = assertThrows(ExecutionException.class, failed::get);
                assertInstanceOf(IllegalArgumentException.class, e.getCause());
            }
            client.close();
            ExecutionException closed = assertThrows(
                    ExecutionException.class,
                    () -> client.olderCandles(SYMBOL, Timeframe.M1, oldest, 10).get());
            assertInstanceOf(IllegalStateException.class, closed.getCause());
        }
    }

    private static SimServer sim(Duration latency) throws Exception {
        return SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(31)
                .withRate(50)
                .withHistory(Duration.ofDays(2))
                .withChaosLatency(latency)
                .withSymbols(List.of(SYMBOL)));
    }

    private static FeedClient client(SimServer sim) {
        CandleAggregator aggregator = new CandleAggregator(TIMEFRAMES, 100_000, 4);
        return new FeedClient(
                FeedOptions.defaults(sim.uri().toString())
                        .withSymbols(List.of(SYMBOL))
                        .withHistory(TIMEFRAMES, 500),
                aggregator,
                new WebSocketTransports(),
                new LongPollTransports());
    }

    /** Starts the client and waits until its history is in. */
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
