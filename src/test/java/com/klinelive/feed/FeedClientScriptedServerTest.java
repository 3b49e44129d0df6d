package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feed client against real WebSocket servers that play exchange formats, garbage and oversize messages.
 * These feeds have no HTTP side: no fallback, no history.
 */
class FeedClientScriptedServerTest {

    private static final long T0 = 1_764_073_200_000L;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void binanceTradeStreamIsDetectedAndEveryTradeCounted() throws Exception {
        List<Tick> trades = trades("BTCUSDT", 1, 300);
        ScriptedFeedServer server = server(new ScriptedFeedServer.Script() {
            @Override
            public void onOpen(WebSocket socket, int connection) {
                for (Tick t : trades) {
                    socket.send("{\"e\":\"trade\",\"E\":" + (t.time() + 2) + ",\"s\":\"BTCUSDT\",\"t\":" + t.seq()
                            + ",\"p\":\"" + t.price() + "\",\"q\":\"" + t.size() + "\",\"T\":" + t.time()
                            + ",\"m\":true,\"M\":true}");
                }
            }
        });
        CandleAggregator aggregator = aggregator();
        FeedClient client = client(FeedOptions.defaults(server.url("/ws/btcusdt@trade")), aggregator);

        waitFor(30_000, () -> client.metrics().ticks() == 300, () -> "ticks " + client.metrics());
        assertTrue(client.status().thirdParty(), "an exchange stream has no fallback and no history");
        assertEquals(FeedState.WEBSOCKET, client.status().state());
        assertEquals(List.of("BTCUSDT"), client.symbols());
        assertEquals(candlesOf(trades, Timeframe.M1), aggregator.book("BTCUSDT").candles(Timeframe.M1, 1_000));
    }

    @Test
    void binanceKlineReplacesTheOpenCandle() throws Exception {
        ScriptedFeedServer server = server(new ScriptedFeedServer.Script() {
            @Override
            public void onOpen(WebSocket socket, int connection) {
                socket.send(kline(T0, "100.0", "101.0", "99.5", "100.5", "3.0", 10, false));
                socket.send(kline(T0, "100.0", "102.0", "99.5", "101.5", "4.5", 14, true));
                socket.send(kline(T0 + 60_000, "101.5", "101.5", "101.0", "101.0", "0.5", 1, false));
            }
        });
        CandleAggregator aggregator = aggregator();
        FeedClient client = client(FeedOptions.defaults(server.url("/ws/btcusdt@kline_1m")), aggregator);

        waitFor(
                30_000,
                () -> aggregator.book("BTCUSDT") != null
                        && aggregator.book("BTCUSDT").candles(Timeframe.M1, 10).size() == 2,
                () -> "" + client.metrics());
        assertEquals(
                List.of(
                        new Candle(T0, 100, 102, 99.5, 101.5, 4.5, 14),
                        new Candle(T0 + 60_000, 101.5, 101.5, 101, 101, 0.5, 1)),
                aggregator.book("BTCUSDT").candles(Timeframe.M1, 10));
    }

    @Test
    void coinbaseGetsItsSubscribeFirstThenMatchesAreCounted() throws Exception {
        ScriptedFeedServer server = server(new ScriptedFeedServer.Script() {
            @Override
            public void onMessage(WebSocket socket, String message, int connection) {
                socket.send("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\",\"product_ids\":"
                        + "[\"BTC-USD\"]}]}");
                for (int i = 1; i <= 50; i++) {
                    socket.send("{\"type\":\"match\",\"trade_id\":" + i + ",\"sequence\":" + (1000 + i)
                            + ",\"maker_order_id\":\"a\",\"taker_order_id\":\"b\",\"time\":\"2025-11-25T12:20:0"
                            + (i % 10) + "." + (100000 + i) + "Z\",\"product_id\":\"BTC-USD\",\"size\":\"0.5\","
                            + "\"price\":\"" + (400 + i) + ".25\",\"side\":\"sell\"}");
                }
            }
        });
        CandleAggregator aggregator = aggregator();
        FeedClient client = client(
                FeedOptions.defaults(server.url("/"))
                        .withFormat(FormatRegistry.installed().named("coinbase").orElseThrow())
                        .withSymbols(List.of("BTC-USD")),
                aggregator);

        waitFor(30_000, () -> client.metrics().ticks() == 50, () -> "ticks " + client.metrics());
        String subscribe = server.received.poll(1, TimeUnit.SECONDS);
        assertEquals("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"matches\"]}", subscribe);
        Candle minute = aggregator.book("BTC-USD").candles(Timeframe.M1, 10).get(0);
        assertEquals(25.0, minute.volume());
        assertEquals(450.25, minute.high());
        assertEquals(0, client.metrics().rejected());
    }

    @Test
    void malformedMessagesBetweenGoodOnesAreRejectedAndCountedWhileTheConnectionStays() throws Exception {
        List<Tick> ticks = trades("ETHUSDT", 1, 200);
        List<String> garbage = List.of(
                "",
                "not json",
                "{\"type\":\"tick\",\"symbol\":\"ETHUSDT\",\"seq\":NaN}",
                "{\"type\":\"tick\",\"symbol\":\"ETHUSDT\",\"seq\":5,\"time\":" + T0 + ",\"price\":-1,\"size\":1}",
                "{\"type\":\"tick\",\"symbol\":\"ETHUSDT\",\"seq\":6,\"time\":" + T0 + ",\"price\":1e400,\"size\":1}",
                "{type:\"tick\"}",
                "[".repeat(10_000),
                "{\"type\":\"tick\"} trailing",
                "{\"type\":\"tick\",\"symbol\":\"ETHUSDT\",\"seq\":1.5,\"time\":" + T0 + ",\"price\":1,\"size\":1}",
                "\u0000\u0001\u0002binary");
        ScriptedFeedServer server = server(new ScriptedFeedServer.Script() {
            @Override
            public void onOpen(WebSocket socket, int connection) {
                socket.send(NativeEncoder.hello("test", "e1", List.of("ETHUSDT"), T0));
            }

            @Override
            public void onMessage(WebSocket socket, String message, int connection) {
                for (int i = 0; i < ticks.size(); i++) {
                    socket.send(NativeEncoder.tick(ticks.get(i)));
                    if (i % 20 == 0) {
                        socket.send(garbage.get((i / 20) % garbage.size()));
                    }
                }
                socket.send(ByteBufferOf.bytes(1, 2, 3));
            }
        });
        CandleAggregator aggregator = aggregator();
        FeedClient client = client(FeedOptions.defaults(server.url("/feed")), aggregator);

        waitFor(
                30_000,
                () -> client.metrics().ticks() == 200 && client.metrics().rejected() == 11,
                () -> "" + client.metrics());
        assertEquals(1, server.connections(), "the connection survives garbage");
        assertEquals(0, client.metrics().reconnects());
        assertEquals(candlesOf(ticks, Timeframe.M1), aggregator.book("ETHUSDT").candles(Timeframe.M1, 1_000));
    }

    @Test
    void oversizeMessageDropsTheConnectionAndTheReplayAfterReconnectIsDeduplicated() throws Exception {
        List<Tick> ticks = trades("SOLUSDT", 1, 40);
        ScriptedFeedServer server = server(new ScriptedFeedServer.Script() {
            @Override
            public void onOpen(WebSocket socket, int connection) {
                socket.send(NativeEncoder.hello("test", "e1", List.of("SOLUSDT"), T0));
            }

            @Override
            public void onMessage(WebSocket socket, String message, int connection) {
                if (connection == 1) {
                    ticks.subList(0, 20).forEach(t -> socket.send(NativeEncoder.tick(t)));
                    // Later, in a read of its own: Java-WebSocket drops the frames that share a read with an
                    // oversize one (they come back by resume), which would make the count below vary.
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                            .execute(() ->
                                    socket.send("{\"type\":\"error\",\"message\":\"" + "x".repeat(70 * 1024) + "\"}"));
                } else {
                    // A careless server replays from the start: the client must count each tick once.
                    ticks.forEach(t -> socket.send(NativeEncoder.tick(t)));
                }
            }
        });
        CandleAggregator aggregator = aggregator();
        FeedClient client = client(
                FeedOptions.defaults(server.url("/feed")).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                aggregator);

        waitFor(30_000, () -> client.metrics().ticks() == 40, () -> "" + client.metrics());
        waitFor(30_000, () -> client.metrics().duplicates() == 20, () -> "" + client.metrics());
        assertEquals(2, server.connections());
        assertTrue(client.metrics().reconnects() >= 1);
        String secondSubscribe = server.received.stream().skip(1).findFirst().orElse("");
        assertEquals(
                NativeEncoder.subscribe(List.of("SOLUSDT"), Map.of("SOLUSDT", 20L)),
                secondSubscribe,
                "the client resumes from the last sequence it holds");
        assertEquals(candlesOf(ticks, Timeframe.M1), aggregator.book("SOLUSDT").candles(Timeframe.M1, 1_000));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private ScriptedFeedServer server(ScriptedFeedServer.Script script) throws InterruptedException {
        ScriptedFeedServer server = ScriptedFeedServer.start(script);
        toClose.add(server);
        return server;
    }

    private FeedClient client(FeedOptions options, CandleAggregator aggregator) {
        FeedClient client = new FeedClient(options, aggregator, new WebSocketTransports(), new LongPollTransports());
        toClose.add(client);
        client.start();
        return client;
    }

    private static CandleAggregator aggregator() {
        return new CandleAggregator(EnumSet.of(Timeframe.S1, Timeframe.M1), 10_000, 16);
    }

    static List<Tick> trades(String symbol, long firstSeq, int count) {
        List<Tick> ticks = new ArrayList<>();
        java.util.Random random = new java.util.Random(firstSeq * 31 + count);
        double price = 100;
        for (int i = 0; i < count; i++) {
            price = Math.round(price * (1 + random.nextGaussian() * 0.001) * 100) / 100.0;
            ticks.add(
                    new Tick(symbol, firstSeq + i, T0 + i * 750L, price, Math.round(random.nextDouble() * 1e4) / 1e3));
        }
        return ticks;
    }

    static List<Candle> candlesOf(List<Tick> ticks, Timeframe tf) {
        CandleBook book = new CandleBook("ref", EnumSet.of(tf), 100_000);
        ticks.forEach(book::apply);
        return book.candles(tf, 100_000);
    }

    private static String kline(long open, String o, String h, String l, String c, String v, int n, boolean closed) {
        return "{\"e\":\"kline\",\"E\":" + (open + 1) + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":" + open + ",\"T\":"
                + (open + 59_999) + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"" + o + "\",\"c\":\""
                + c + "\",\"h\":\"" + h + "\",\"l\":\"" + l + "\",\"v\":\"" + v + "\",\"n\":" + n + ",\"x\":" + closed
                + ",\"q\":\"1.0\",\"V\":\"0.5\",\"Q\":\"0.5\",\"B\":\"0\"}}";
    }

    /** Binary frames for the garbage test. */
    private static final class ByteBufferOf {
        static java.nio.ByteBuffer bytes(int... values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                b[i] = (byte) values[i];
            }
            return java.nio.ByteBuffer.wrap(b);
        }
    }
}
