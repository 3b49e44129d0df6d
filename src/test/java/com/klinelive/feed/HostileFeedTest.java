package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile feed: in every format, 10,000 malformed messages interleaved with valid ones, plus binary frames, a
 * 10 MB message and a frame header announcing 1 GiB. The client keeps running, counts every valid tick, counts
 * every malformed message as rejected, and its memory stays bounded.
 */
class HostileFeedTest {

    private static final long T0 = 1_764_073_200_000L;
    private static final int VALID = 3_000;
    private static final int MALFORMED = 10_000;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void nativeFeedWithTenThousandMalformedMessages() throws Exception {
        runHostileStream(
                format("native"),
                "/feed",
                NativeEncoder::tick,
                socket -> socket.send(NativeEncoder.hello("hostile", "e1", List.of("BTCUSDT"), T0)),
                true);
    }

    @Test
    void binanceFeedWithTenThousandMalformedMessages() throws Exception {
        runHostileStream(format("binance"), "/ws/btcusdt@trade", HostileFeedTest::binanceTrade, socket -> {}, false);
    }

    @Test
    void coinbaseFeedWithTenThousandMalformedMessages() throws Exception {
        runHostileStream(format("coinbase"), "/", HostileFeedTest::coinbaseMatch, socket -> {}, true);
    }

    /**
     * Sends valid ticks with malformed messages between them (ten thousand, from every family of breakage) and
     * binary frames, then checks the exact counts and the heap.
     */
    private static FeedFormat format(String name) {
        return FormatRegistry.installed().named(name).orElseThrow();
    }

    private void runHostileStream(
            FeedFormat format,
            String path,
            Function<Tick, String> encode,
            java.util.function.Consumer<WebSocket> greet,
            boolean waitForSubscribe)
            throws Exception {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 1; i <= VALID; i++) {
            ticks.add(new Tick(
                    format.name().equals("coinbase") ? "BTC-USD" : "BTCUSDT",
                    i,
                    T0 + i * 37L,
                    40_000 + (i % 97) * 0.5,
                    0.001 * (1 + i % 13)));
        }
        Random random = new Random(format.name().hashCode() * 7919L + 1);
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < MALFORMED; i++) {
            malformed.add(Malformed.of(encode.apply(ticks.get(i % VALID)), random));
        }
        int binaryFrames = 25;
        ScriptedFeedServer server = ScriptedFeedServer.start(new ScriptedFeedServer.Script() {
            @Override
            public void onOpen(WebSocket socket, int connection) {
                greet.accept(socket);
                if (!waitForSubscribe) {
                    stream(socket);
                }
            }

            @Override
            public void onMessage(WebSocket socket, String message, int connection) {
                if (waitForSubscribe) {
                    stream(socket);
                }
            }

            private void stream(WebSocket socket) {
                // The first message must be valid: it decides the format.
                socket.send(encode.apply(ticks.get(0)));
                int m = 0;
                for (int i = 1; i < VALID; i++) {
                    socket.send(encode.apply(ticks.get(i)));
                    int between = (MALFORMED - m) / (VALID - i);
                    for (int k = 0; k < between; k++) {
                        socket.send(malformed.get(m++));
                    }
                    if (i % (VALID / binaryFrames) == 0) {
                        socket.send(ByteBuffer.wrap(new byte[] {(byte) i, 0, (byte) 0xff}));
                    }
                }
                while (m < MALFORMED) {
                    socket.send(malformed.get(m++));
                }
            }
        });
        toClose.add(server);
        long heapBefore = usedHeapAfterGc();
        CandleAggregator aggregator = new CandleAggregator(EnumSet.of(Timeframe.S1, Timeframe.M1), 100_000, 16);
        FeedOptions options = FeedOptions.defaults(server.url(path))
                .withFormat(format)
                .withSymbols(format.name().equals("coinbase") ? List.of("BTC-USD") : List.of());
        FeedClient client = new FeedClient(options, aggregator, new WebSocketTransports(), new LongPollTransports());
        toClose.add(client);
        client.start();

        long expectedRejected = MALFORMED + (VALID - 1) / (VALID / binaryFrames);
        waitFor(
                30_000,
                () -> client.metrics().ticks() == VALID && client.metrics().rejected() == expectedRejected,
                () -> "counts " + client.metrics());
        assertEquals(1, server.connections(), "garbage never costs the connection");
        assertEquals(0, client.metrics().reconnects());
        assertEquals(0, client.metrics().duplicates());
        assertEquals(
                ServerSideCandles.of(ticks, Timeframe.M1),
                aggregator.book(ticks.get(0).symbol()).candles(Timeframe.M1, 1_000));
        long heapAfter = usedHeapAfterGc();
        assertTrue(heapAfter - heapBefore < 64L << 20, "heap grew by " + (heapAfter - heapBefore) + " bytes");
    }

    @Test
    void aTenMegabyteMessageCostsOnlyItsConnection() throws Exception {
        List<Tick> ticks = FeedClientScriptedServerTest.trades("BTCUSDT", 1, 20);
        ScriptedFeedServer server = ScriptedFeedServer.start(new ScriptedFeedServer.Script() {
            @Override
            public void onOpen(WebSocket socket, int connection) {
                socket.send(NativeEncoder.hello("hostile", "e1", List.of("BTCUSDT"), T0));
            }

            @Override
            public void onMessage(WebSocket socket, String message, int connection) {
                if (connection == 1) {
                    socket.send("{\"type\":\"tick\",\"symbol\":\"" + "B".repeat(10 << 20) + "\"}");
                } else {
                    ticks.forEach(t -> socket.send(NativeEncoder.tick(t)));
                }
            }
        });
        toClose.add(server);
        FeedClient client = client(server.url("/feed"));

        waitFor(30_000, () -> client.metrics().ticks() == 20, () -> "" + client.metrics());
        assertEquals(1, client.metrics().rejected());
        assertTrue(
                client.metrics().lastRejectReason().contains("over 65536 bytes"),
                client.metrics().lastRejectReason());
        assertEquals(2, server.connections());
    }

    @Test
    void aFrameHeaderAnnouncingOneGibibyteIsRefusedWithoutWaitingForIt() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> serveHugeFrameHeader(listener), "fake-feed");
            fake.setDaemon(true);
            fake.start();
            FeedClient client = client("ws://127.0.0.1:" + listener.getLocalPort() + "/feed");

            // Had the client believed the header it would still be waiting for the gibibyte: it must give up at once.
            waitFor(30_000, () -> client.metrics().rejected() >= 1, () -> "" + client.metrics());
            assertTrue(
                    client.metrics().lastRejectReason().contains("over 65536 bytes"),
                    client.metrics().lastRejectReason());
        }
    }

    /** Answers the WebSocket handshake, then sends a text frame header announcing 2^30 bytes and nothing more. */
    private static void serveHugeFrameHeader(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                InputStream in = socket.getInputStream();
                String request = readHead(in);
                String key = request.lines()
                        .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("");
                String accept = Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-1")
                                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                        .getBytes(StandardCharsets.US_ASCII)));
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[] {(byte) 0x81, 127, 0, 0, 0, 0, 0x40, 0, 0, 0, '{', '"'});
                out.flush();
                Thread.sleep(3_000);
            } catch (Exception e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }

    private FeedClient client(String url) {
        FeedClient client = new FeedClient(
                FeedOptions.defaults(url).withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)),
                new CandleAggregator(EnumSet.of(Timeframe.M1), 10_000, 16),
                new WebSocketTransports(),
                new LongPollTransports());
        toClose.add(client);
        client.start();
        return client;
    }

    private static String binanceTrade(Tick t) {
        return "{\"e\":\"trade\",\"E\":" + (t.time() + 1) + ",\"s\":\"" + t.symbol() + "\",\"t\":" + t.seq()
                + ",\"p\":\"" + t.price() + "\",\"q\":\"" + t.size() + "\",\"T\":" + t.time()
                + ",\"m\":true,\"M\":true}";
    }

    private static String coinbaseMatch(Tick t) {
        return "{\"type\":\"match\",\"trade_id\":" + t.seq() + ",\"sequence\":" + (t.seq() + 1_000)
                + ",\"maker_order_id\":\"a\",\"taker_order_id\":\"b\",\"time\":\""
                + java.time.Instant.ofEpochMilli(t.time()) + "\",\"product_id\":\"" + t.symbol()
                + "\",\"size\":\"" + t.size() + "\",\"price\":\"" + t.price() + "\",\"side\":\"buy\"}";
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Candles as the feed itself would build them from the valid ticks. */
    private static final class ServerSideCandles {
        static List<com.klinelive.model.Candle> of(List<Tick> ticks, Timeframe tf) {
            return FeedClientScriptedServerTest.candlesOf(ticks, tf);
        }
    }

    /**
     * Messages that are malformed by construction, never by chance: each family breaks a valid message in a way
     * no decoder may accept.
     */
    static final class Malformed {

        private Malformed() {}

        static String of(String valid, Random random) {
            switch (random.nextInt(12)) {
                case 0:
                    return replaceNumber(valid, "NaN");
                case 1:
                    return replaceNumber(valid, random.nextBoolean() ? "Infinity" : "-Infinity");
                case 2:
                    // Valid JSON grammar, but a price no double can hold.
                    return valid.replaceFirst("\"(price|p)\":(\"?)[0-9.]+", "\"$1\":$21e400");
                case 3:
                    // Cut short anywhere inside: never a whole JSON value.
                    return valid.substring(0, 1 + random.nextInt(valid.length() - 2));
                case 4:
                    return valid + (random.nextBoolean() ? " x" : ",{}");
                case 5:
                    return "{" + "\"a\":[".repeat(40) + "1" + "]".repeat(40) + "}";
                case 6:
                    return randomBytes(random);
                case 7:
                    return valid.replaceFirst("\"([a-z_]+)\":", "$1:");
                case 8:
                    return "[" + valid + "]";
                case 9:
                    return valid.replace("\"", "'");
                case 10:
                    return "";
                default:
                    // A raw control character inside a string value, after a long run of ordinary text.
                    return valid.replaceFirst("\":\"", "\":\"" + "x".repeat(100 + random.nextInt(2_000)) + "\u0001");
            }
        }

        /** The valid message with its first number after a colon replaced by {@code literal}. */
        private static String replaceNumber(String valid, String literal) {
            return valid.replaceFirst(":(-?[0-9][0-9.eE+-]*)", ":" + literal);
        }

        private static String randomBytes(Random random) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            bytes[0] = (byte) (0x80 | bytes[0]);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
