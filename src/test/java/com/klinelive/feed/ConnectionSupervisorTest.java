package com.klinelive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection supervisor step by step: scripted transports and a manual clock, no sockets, no sleeps. Backoff
 * jitter always takes the longest wait, so every delay is exact.
 */
class ConnectionSupervisorTest {

    private static final long T0 = ManualControlLoop.WALL_START_MILLIS;
    private static final String HELLO = NativeEncoder.hello("test", "e1", List.of("X"), T0);

    private final ManualControlLoop loop = new ManualControlLoop();
    private final ScriptedTransports webSockets = new ScriptedTransports(TransportKind.WEBSOCKET, loop);
    private final ScriptedTransports polls = new ScriptedTransports(TransportKind.LONG_POLLING, loop);
    private final CandleAggregator aggregator = new CandleAggregator(EnumSet.of(Timeframe.M1), 10_000, 16);
    private final List<FeedStatus> statuses = new ArrayList<>();
    private FeedClient client;

    /** Jitter that always picks the ceiling. */
    private static final RandomGenerator LONGEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private FeedClient start(FeedOptions options) {
        client = new FeedClient(options, aggregator, webSockets, polls, loop, LONGEST);
        client.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                statuses.add(status);
            }
        });
        client.start();
        loop.runDue();
        return client;
    }

    private static FeedOptions options(String url, ScriptedFormat format) {
        return FeedOptions.defaults(url).withFormat(format).withHistory(Set.of(), 1);
    }

    private FeedStatus status() {
        return client.status();
    }

    private static String tick(long seq) {
        return NativeEncoder.tick(new Tick("X", seq, T0 + seq * 100, 100 + seq, 1));
    }

    @Test
    void threeWebSocketDeathsFallBackToLongPollingAndAProbeUpgradesBack() {
        ScriptedFormat format = new ScriptedFormat();
        format.greetsFirst = true;
        format.longPolling = true;
        start(options("http://feed.test:8080", format));

        // Each connection greeted, so each reconnect starts the backoff over.
        long[] waits = {500, 500};
        for (int death = 1; death <= 3; death++) {
            ScriptedTransports.Scripted ws = webSockets.last();
            assertTrue(ws.started);
            ws.open().message(HELLO);
            assertEquals(FeedState.WEBSOCKET, status().state());
            assertEquals(List.of("subscribe X@-1"), ws.sent);
            ws.end("closed by the server", true);
            if (death < 3) {
                assertEquals(FeedState.RECONNECTING, status().state());
                assertEquals(waits[death - 1], status().retryInMillis(), "backoff after death " + death);
                loop.advance(waits[death - 1] - 1);
                assertEquals(death, webSockets.made.size(), "not before the backoff ends");
                loop.advance(1);
                assertEquals(death + 1, webSockets.made.size());
            }
        }
        assertEquals(3, webSockets.made.size());
        assertEquals(1, polls.made.size(), "long polling after the third death");
        ScriptedTransports.Scripted poll = polls.last();
        assertEquals(List.of("X"), poll.request.symbols());
        assertEquals(FeedState.CONNECTING, status().state());
        poll.open()
                .message(NativeEncoder.ticks(
                        "X", "e1", List.of(new Tick("X", 1, T0 + 100, 101, 1), new Tick("X", 2, T0 + 200, 102, 1))));
        assertEquals(FeedState.LONG_POLLING, status().state());
        assertEquals(2, client.metrics().ticks());

        // The probe: after the probe backoff (at least 1 s), a WebSocket that greets takes over.
        loop.advance(999);
        assertEquals(3, webSockets.made.size());
        loop.advance(1);
        ScriptedTransports.Scripted probe = webSockets.last();
        assertEquals(4, webSockets.made.size());
        probe.open();
        assertEquals(FeedState.LONG_POLLING, status().state(), "a probe that has not greeted changes nothing");
        probe.message(HELLO);
        assertTrue(poll.closedByClient, "polling stops once the WebSocket is back");
        assertEquals(FeedState.WEBSOCKET, status().state());
        assertEquals(List.of("subscribe X@2"), probe.sent, "it resumes after the last tick polled");
        probe.message(tick(2)).message(tick(3));
        assertEquals(3, client.metrics().ticks(), "the tick seen on both is counted once");
    }

    @Test
    void aProbeThatFailsIsRetriedWithBackoffWhilePollingGoesOn() {
        ScriptedFormat format = new ScriptedFormat();
        format.greetsFirst = true;
        format.longPolling = true;
        // No greeting before the fallback: the symbols to poll come from the feed's list.
        format.history = FormatHistory.NONE.withSymbols(() -> CompletableFuture.completedFuture(List.of("X")));
        start(options("http://feed.test:8080", format));
        webSockets.last().end("refused: 503", false);
        polls.last().open();
        assertEquals(FeedState.LONG_POLLING, status().state());

        loop.advance(1_000);
        webSockets.last().end("refused: 503", false);
        loop.advance(1_999);
        assertEquals(2, webSockets.made.size(), "the second probe waits twice as long");
        loop.advance(1);
        assertEquals(3, webSockets.made.size());
        assertEquals(FeedState.LONG_POLLING, status().state());
        assertFalse(polls.last().closedByClient);
    }

    @Test
    void aSilentConnectionIsStaleThenDroppedAndMadeAgain() {
        ScriptedFormat format = new ScriptedFormat();
        format.greetsFirst = true;
        start(options("ws://feed.test/ws", format));
        ScriptedTransports.Scripted ws = webSockets.last().open().message(HELLO);
        assertEquals(FeedState.WEBSOCKET, status().state());

        loop.advance(4_750);
        assertEquals(FeedState.WEBSOCKET, status().state());
        loop.advance(500);
        assertEquals(FeedState.STALE, status().state());
        assertEquals(SyncState.STALE, status().sync(), "a stale chart never looks live");

        ws.message(NativeEncoder.heartbeat(T0));
        loop.advance(250);
        assertEquals(FeedState.WEBSOCKET, status().state());
        assertEquals(SyncState.LIVE, status().sync());

        loop.advance(12_000);
        assertTrue(ws.closedByClient, "a connection silent for 12 s is dropped");
        assertEquals(FeedState.RECONNECTING, status().state());
        assertTrue(status().detail().startsWith("silent for 12 s"), status().detail());
        loop.advance(status().retryInMillis());
        assertEquals(2, webSockets.made.size());
    }

    @Test
    void reconnectsBackOffExponentiallyUpToTheCapAndStartOverAfterASuccess() {
        start(FeedOptions.defaults("wss://stream.binance.com:9443/ws/btcusdt@trade")
                .withHistory(Set.of(), 1));
        assertEquals("binance", client.format().name(), "recognised from the host");
        long[] expected = {500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
        for (long wait : expected) {
            webSockets.last().end("connection refused", false);
            assertEquals(FeedState.RECONNECTING, status().state());
            assertEquals(wait, status().retryInMillis());
            loop.advance(wait);
        }
        assertEquals(0, polls.made.size(), "an exchange stream has no long polling");
        webSockets.last().open();
        assertEquals(FeedState.WEBSOCKET, status().state());
        assertTrue(status().thirdParty());
        webSockets.last().end("closed", true);
        assertEquals(500, status().retryInMillis(), "a connection that opened resets the backoff");
    }

    @Test
    void coinbaseIsDroppedWhenItDoesNotAcknowledgeTheSubscriptionWithinFiveSeconds() {
        start(FeedOptions.defaults("wss://ws-feed.exchange.coinbase.com")
                .withSymbols(List.of("BTC-USD"))
                .withHistory(Set.of(), 1));
        ScriptedTransports.Scripted first = webSockets.last().open();
        assertEquals(
                List.of("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"matches\"]}"),
                first.sent);
        loop.advance(4_999);
        assertFalse(first.closedByClient);
        loop.advance(1);
        assertTrue(first.closedByClient);
        assertEquals(FeedState.RECONNECTING, status().state());
        assertEquals("no subscription acknowledgement within 5 s", status().detail());

        loop.advance(status().retryInMillis());
        ScriptedTransports.Scripted second = webSockets.last().open();
        second.message(
                "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\",\"product_ids\":[\"BTC-USD\"]}]}");
        second.message("{\"type\":\"heartbeat\",\"product_id\":\"BTC-USD\",\"sequence\":1,\"last_trade_id\":1,"
                + "\"time\":\"2025-11-25T12:20:00.000000Z\"}");
        loop.advance(4_000);
        second.message("{\"type\":\"heartbeat\",\"product_id\":\"BTC-USD\",\"sequence\":2,\"last_trade_id\":1,"
                + "\"time\":\"2025-11-25T12:20:04.000000Z\"}");
        loop.advance(2_000);
        assertFalse(second.closedByClient, "an acknowledged subscription keeps its connection");
        assertEquals(FeedState.WEBSOCKET, status().state());
    }

    @Test
    void coinbaseWithoutASymbolFailsWithAReason() {
        start(FeedOptions.defaults("wss://ws-feed.exchange.coinbase.com").withHistory(Set.of(), 1));
        webSockets.last().open();
        assertEquals(FeedState.FAILED, status().state());
        assertEquals("a Coinbase feed needs a symbol (a product id such as BTC-USD)", status().detail());
        assertTrue(webSockets.last().closedByClient);
    }

    @Test
    void aConnectionNearItsLifetimeIsReplacedWithoutAGap() {
        ScriptedFormat format = new ScriptedFormat();
        format.lifetime = Duration.ofSeconds(60);
        start(options("ws://feed.test/stream", format)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofMinutes(2), Duration.ofMinutes(4)));
        ScriptedTransports.Scripted old = webSockets.last().open();
        old.message(tick(1)).message(tick(2));
        assertEquals(FeedState.WEBSOCKET, status().state());

        loop.advance(53_999);
        assertEquals(1, webSockets.made.size());
        loop.advance(1);
        assertEquals(2, webSockets.made.size(), "the successor opens 6 s before the lifetime ends");
        ScriptedTransports.Scripted next = webSockets.last().open();
        assertEquals(List.of("subscribe"), next.sent, "the successor subscribes as its predecessor did");
        old.message(tick(3)).message(tick(4));
        next.message(tick(3)).message(tick(4)).message(tick(5));
        loop.advance(250);
        assertTrue(old.closedByClient, "the old connection closes once the successor delivers");
        assertFalse(next.closedByClient);
        next.message(tick(6));
        FeedMetrics.Snapshot m = client.metrics();
        assertEquals(6, m.ticks(), "every tick once");
        assertEquals(2, m.duplicates(), "ticks 3 and 4 arrived on both");
        assertEquals(0, m.reconnects(), "a planned handover is not a lost connection");
        assertEquals(FeedState.WEBSOCKET, status().state());
    }

    @Test
    void aConnectionThatEndsBeforeItsSuccessorOpenedHandsOverToItInsteadOfReconnectingBeside() {
        ScriptedFormat format = new ScriptedFormat();
        format.lifetime = Duration.ofSeconds(60);
        start(options("ws://feed.test/stream", format)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofMinutes(2), Duration.ofMinutes(4)));
        ScriptedTransports.Scripted old = webSockets.last().open();
        old.message(tick(1));
        loop.advance(54_000);
        ScriptedTransports.Scripted next = webSockets.last();
        assertEquals(2, webSockets.made.size());

        old.end("closed by the server", true);
        assertEquals(FeedState.CONNECTING, status().state(), "the successor being made is the connection now");
        loop.advance(30_000);
        assertEquals(2, webSockets.made.size(), "no third connection beside the successor");
        next.open();
        assertEquals(List.of("subscribe"), next.sent);
        assertEquals(FeedState.WEBSOCKET, status().state());
        next.message(tick(2));
        loop.advance(250);
        assertFalse(next.closedByClient);
        assertEquals(2, client.metrics().ticks());
        assertEquals(TransportKind.WEBSOCKET, client.metrics().transport());
    }

    @Test
    void withoutSequenceNumbersTheSuccessorTakesOverAtOnceSoNoTickIsCountedTwice() {
        ScriptedFormat format = new ScriptedFormat();
        format.lifetime = Duration.ofSeconds(60);
        format.consecutive = false;
        start(options("ws://feed.test/stream", format)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofMinutes(2), Duration.ofMinutes(4)));
        ScriptedTransports.Scripted old = webSockets.last().open();
        old.message(tick(1));
        loop.advance(54_000);
        ScriptedTransports.Scripted next = webSockets.last().open();
        assertTrue(old.closedByClient, "no overlap for a feed whose ticks cannot be told apart");
        old.message(tick(2));
        next.message(tick(2));
        assertEquals(2, client.metrics().ticks());
        assertEquals(FeedState.WEBSOCKET, status().state());
    }

    @Test
    void aStreamOfTheFormatsOwnThatBeginsOnLongPollingIsSubscribedAndFollowsItsUpgrade() {
        // socket.io: the format's own transport opens on long polling and upgrades to WebSocket later. It is the
        // stream, not our long-polling fallback: it gets the subscription, and the state follows its channel.
        ScriptedTransports own = new ScriptedTransports(TransportKind.LONG_POLLING, loop);
        ScriptedFormat format = new ScriptedFormat();
        format.own = own;
        start(options("http://feed.test:3000", format));
        assertEquals(0, webSockets.made.size());
        ScriptedTransports.Scripted stream = own.last().open();
        assertEquals(List.of("subscribe"), stream.sent, "the format's subscription goes out on its own transport");
        assertEquals(FeedState.LONG_POLLING, status().state());
        assertEquals(TransportKind.LONG_POLLING, status().transport());
        stream.message(tick(1));

        stream.upgrade();
        loop.advance(250);
        assertEquals(FeedState.WEBSOCKET, status().state(), "the state follows the upgrade");
        assertEquals(TransportKind.WEBSOCKET, status().transport());
        assertEquals(TransportKind.WEBSOCKET, client.metrics().transport());
        stream.message(tick(2));
        assertEquals(2, client.metrics().ticks());

        loop.advance(5_250);
        assertEquals(FeedState.STALE, status().state(), "a silent upgraded stream goes stale like any WebSocket");
        stream.message(NativeEncoder.heartbeat(T0));
        loop.advance(250);
        assertEquals(FeedState.WEBSOCKET, status().state());
        assertEquals(0, polls.made.size(), "no fallback of ours was ever made");
    }

    @Test
    void aGapIsFilledWithTheMissingTradesWhereTheFormatCanFetchThem() {
        List<TradeGap> asked = new ArrayList<>();
        CompletableFuture<List<Tick>> answer = new CompletableFuture<>();
        ScriptedFormat format = new ScriptedFormat();
        format.history = FormatHistory.NONE
                .withCandles((symbol, tf, limit, end) ->
                        CompletableFuture.completedFuture(new CandlePage(List.of(), -1, null)))
                .withRecentTrades((symbol, from, max) -> CompletableFuture.completedFuture(List.of()))
                .withTradeRepair(gap -> {
                    asked.add(gap);
                    return answer;
                });
        start(options("ws://feed.test/stream", format).withHistory(Set.of(Timeframe.M1), 10));
        ScriptedTransports.Scripted ws = webSockets.last().open();
        ws.message(tick(1)).message(tick(2)).message(tick(3)).message(tick(7));
        assertEquals(3, client.metrics().ticks(), "tick 7 waits for 4 to 6");
        loop.advance(2_250);
        assertEquals(List.of(new TradeGap("X", 3, T0 + 300, 7, T0 + 700)), asked);
        assertEquals(SyncState.REPAIRING, status().sync());
        assertEquals(1, client.metrics().gaps());

        answer.complete(List.of(
                new Tick("X", 4, T0 + 400, 104, 1),
                new Tick("X", 5, T0 + 500, 105, 1),
                new Tick("X", 6, T0 + 600, 106, 1)));
        loop.runDue();
        assertEquals(7, client.metrics().ticks());
        assertEquals(1, client.metrics().gapsRepaired());
        assertEquals(
                new Candle(T0, 101, 107, 101, 107, 7, 7),
                client.book("X").candles(Timeframe.M1, 1).get(0));
        loop.advance(250);
        assertEquals(SyncState.LIVE, status().sync());
    }

    @Test
    void withoutTradeRepairTheCandlesAGapTouchedAreReplacedOnceTheyClose() {
        List<Long> ends = new ArrayList<>();
        Candle truth = new Candle(T0, 101, 110, 100, 110, 10, 10);
        ScriptedFormat format = new ScriptedFormat();
        format.history = FormatHistory.NONE
                .withCandles((symbol, tf, limit, end) -> {
                    if (end.isPresent()) {
                        ends.add(end.getAsLong());
                        return CompletableFuture.completedFuture(new CandlePage(List.of(truth), -1, null));
                    }
                    return CompletableFuture.completedFuture(new CandlePage(List.of(), -1, null));
                })
                .withRecentTrades((symbol, from, max) -> CompletableFuture.completedFuture(List.of()));
        start(options("ws://feed.test/stream", format)
                .withHistory(Set.of(Timeframe.M1), 10)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofMinutes(2), Duration.ofMinutes(4)));
        ScriptedTransports.Scripted ws = webSockets.last().open();
        ws.message(tick(1)).message(tick(2)).message(tick(3)).message(tick(10));
        loop.advance(2_250);
        assertEquals(4, client.metrics().ticks(), "given up waiting, tick 10 is counted as it came");
        assertEquals(SyncState.REPAIRING, status().sync(), "its candle is not to be trusted yet");
        assertEquals(List.of(), ends, "an open candle is not fetched");

        loop.advance(62_000 - 2_250 - 1);
        assertEquals(List.of(), ends, "nor one that closed less than 2 s ago");
        loop.advance(1);
        assertEquals(List.of(T0 + 60_000), ends);
        assertEquals(truth, client.book("X").candles(Timeframe.M1, 1).get(0));
        assertEquals(1, client.metrics().gapsRepaired());
        loop.advance(250);
        assertEquals(SyncState.LIVE, status().sync());
    }
}
