package com.klinelive.feed.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.format.json.FieldMapping;
import com.klinelive.feed.format.json.MappedJsonDecoder;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our socket.io client against a real Socket.IO 4.8 server from npm ({@link NodeSocketIoServer}): every trade the
 * server emits arrives once, in order, byte for byte, across the upgrade to WebSocket and on long polling alone.
 * Needs Node.js and {@code npm ci}: run with {@code ./mvnw -Pinterop verify}.
 */
@Tag("interop")
class SocketIoInteropTest {

    private static final long WAIT_MILLIS = 20_000;

    private static TransportRequest request(String url) {
        return new TransportRequest(
                URI.create(url), List.of(), s -> -1, Duration.ofSeconds(3), null, FeedOptions.MAX_MESSAGE_BYTES);
    }

    private static SocketIoTransport connect(String url, SocketIoSettings settings, RecordingEvents events) {
        SocketIoTransport t = (SocketIoTransport) new SocketIoTransports(settings).create(request(url), events);
        t.start();
        return t;
    }

    /** Waits for every trade the server says it sent, then checks they arrived exactly as sent. */
    private static void assertEveryTradeArrived(NodeSocketIoServer server, RecordingEvents events, int trades)
            throws InterruptedException {
        server.awaitLine("done", WAIT_MILLIS);
        events.await(() -> events.messages.size() >= trades, WAIT_MILLIS, trades + " trades");
        List<String> sent = server.linesAfter("sent ");
        assertEquals(trades, sent.size());
        assertEquals(sent, events.texts(), "the trades' JSON as the server wrote it, in order, each once");
        assertEquals(List.of(), events.rejections);
    }

    @Test
    void everyTradeArrivesOnceAcrossTheUpgradeToWebSocket() throws Exception {
        int trades = 300;
        try (NodeSocketIoServer server =
                new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "3", "--ack-every", "25")) {
            RecordingEvents events = new RecordingEvents();
            SocketIoTransport transport = connect(server.url(""), SocketIoSettings.defaults(), events);
            try {
                assertEveryTradeArrived(server, events, trades);
                assertEquals(TransportKind.WEBSOCKET, transport.kind());
                server.awaitLine("upgraded websocket", WAIT_MILLIS);
                assertTrue(events.countOn(TransportKind.LONG_POLLING) > 0, "the first trades came by long polling");
                assertTrue(events.countOn(TransportKind.WEBSOCKET) > 0, "the rest came by WebSocket");
                assertEquals(1, events.opens);
                assertEquals(trades, transport.deliveredEvents());
                assertEquals(2L * trades, transport.ignoredEvents(), "news and heartbeat around each trade");
                events.await(() -> server.linesAfter("ack ").size() == trades / 25, WAIT_MILLIS, "acknowledgements");
                assertEquals(List.of(), server.linesAfter("ack-timeout "));
                assertTrue(events.roundTrips > 0, "WebSocket pings measure the round trip");
            } finally {
                transport.close();
            }
            assertEquals(null, events.closedReason, "close() reports nothing");
        }
    }

    @Test
    void aServerWithoutWebSocketKeepsTheSessionOnLongPolling() throws Exception {
        int trades = 150;
        try (NodeSocketIoServer server =
                new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "2", "--transports", "polling")) {
            RecordingEvents events = new RecordingEvents();
            SocketIoTransport transport = connect(server.url("/"), SocketIoSettings.defaults(), events);
            try {
                assertEveryTradeArrived(server, events, trades);
                assertEquals(TransportKind.LONG_POLLING, transport.kind());
                assertEquals(trades, events.countOn(TransportKind.LONG_POLLING));
                assertTrue(server.linesAfter("upgraded").isEmpty());
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aRefusedWebSocketLeavesTheSessionOnLongPolling() throws Exception {
        int trades = 150;
        try (NodeSocketIoServer server =
                new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "2", "--refuse-websocket")) {
            RecordingEvents events = new RecordingEvents();
            SocketIoTransport transport = connect(server.url(""), SocketIoSettings.defaults(), events);
            try {
                assertEveryTradeArrived(server, events, trades);
                server.awaitLine("refused websocket", WAIT_MILLIS);
                assertEquals(TransportKind.LONG_POLLING, transport.kind());
                assertEquals(trades, events.countOn(TransportKind.LONG_POLLING));
                assertEquals(null, events.closedReason);
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aNamespaceFromTheUrlAndASubscribeEvent() throws Exception {
        int trades = 50;
        try (NodeSocketIoServer server =
                new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "2", "--await-subscribe")) {
            RecordingEvents events = new RecordingEvents();
            SocketIoSettings settings = new SocketIoSettings("trade", Optional.of("[\"subscribe\",\"BTCUSDT\"]"), true);
            SocketIoTransport transport = connect(server.url("/prices"), settings, events);
            try {
                assertEquals("connected /prices polling", server.awaitLine("connected ", WAIT_MILLIS));
                assertEquals("subscribed BTCUSDT", server.awaitLine("subscribed ", WAIT_MILLIS));
                assertEveryTradeArrived(server, events, trades);
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void theServerDisconnectingTheNamespaceEndsTheSessionWithTheReason() throws Exception {
        try (NodeSocketIoServer server =
                new NodeSocketIoServer("--trades", "100", "--every-ms", "2", "--disconnect-after", "10")) {
            RecordingEvents events = new RecordingEvents();
            SocketIoTransport transport = connect(server.url(""), SocketIoSettings.defaults(), events);
            try {
                events.await(() -> events.closedReason != null, WAIT_MILLIS, "the end of the session");
                assertEquals("the socket.io server disconnected namespace /", events.closedReason);
                assertTrue(events.closedAfterOpen);
                assertEquals(server.linesAfter("sent "), events.texts());
                assertEquals(10, events.messages.size());
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void theFieldMappingReadsTheEventsPayload() throws Exception {
        int trades = 100;
        try (NodeSocketIoServer server = new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "1")) {
            RecordingEvents events = new RecordingEvents();
            SocketIoTransport transport = connect(server.url(""), SocketIoSettings.defaults(), events);
            try {
                assertEveryTradeArrived(server, events, trades);
            } finally {
                transport.close();
            }
            MappedJsonDecoder decoder = new MappedJsonDecoder(
                    FieldMapping.parse(
                            List.of("symbol=sym", "seq=data.id", "time=data.ts", "price=data.px", "size=data.qty"),
                            null),
                    new Rejections());
            List<Tick> ticks = new ArrayList<>();
            FeedSink sink = new FeedSink() {
                @Override
                public void onTick(String symbol, long seq, long time, double price, double size) {
                    ticks.add(new Tick(symbol, seq, time, price, size));
                }

                @Override
                public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {}

                @Override
                public void onControl(ControlMessage message) {}
            };
            for (String text : events.texts()) {
                assertEquals(DecodeOutcome.DELIVERED, decoder.decode(text, sink), text);
            }
            for (int i = 1; i <= trades; i++) {
                // server.js: ts = BASE + i * 137, px = 43000 + (i % 40) * 0.25, qty = (i % 7 + 1) / 8
                Tick expected = new Tick(
                        "BTCUSDT", i, 1_764_073_200_000L + i * 137L, 43000 + (i % 40) * 0.25, (i % 7 + 1) / 8.0);
                assertEquals(expected, ticks.get(i - 1));
            }
            assertTrue(decoder.detectsGaps());
        }
    }
}
