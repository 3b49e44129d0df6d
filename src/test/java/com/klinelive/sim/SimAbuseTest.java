package com.klinelive.sim;

import static com.klinelive.sim.SimTesting.assertExactlyOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Tick;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests against the simulator while an honest client streams: slow requests that trickle bytes, a
 * flood of polls and of connections, garbage bytes, oversized request lines. The server answers every request it
 * can with a clear status, stays up with bounded memory, and the honest client misses no tick.
 */
class SimAbuseTest {

    private static final String BTC = "BTCUSDT";

    @Test
    void anHonestClientKeepsItsStreamThroughAnAttack() throws Exception {
        try (SimServer sim = SimServer.start(SimTesting.options(200))) {
            long heapBefore = usedHeapAfterGc();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            try (FeedRecorder honest = FeedRecorder.connect(sim.webSocketUri())) {
                honest.send(NativeEncoder.subscribe(List.of(BTC), Map.of()));
                long first = honest.next(Tick.class).seq();

                AtomicBoolean attacking = new AtomicBoolean(true);
                List<Socket> slow = slowLoris(sim.port(), 200);
                Thread trickle = trickle(slow, attacking);
                List<CompletableFuture<?>> floods = new ArrayList<>();
                floods.add(pollFlood(sim.uri(), 2_000, statuses));
                garbage(sim.port(), 50, statuses);
                oversizedRequestLines(sim.uri(), statuses);
                connectionChurn(sim.port(), 300);

                // The server still answers an ordinary request at once while all that goes on.
                long t0 = System.nanoTime();
                HttpResponse<String> symbols = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(sim.uri().resolve("/symbols"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, symbols.statusCode());
                assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "answered within 2 s under attack");

                CompletableFuture.allOf(floods.toArray(CompletableFuture[]::new))
                        .get();
                attacking.set(false);
                trickle.join(5_000);
                slow.forEach(SimAbuseTest::closeQuietly);

                sim.pauseTicks();
                long last = sim.lastSeq(BTC);
                List<Tick> ticks = honest.ticksUntil(BTC, last, null);
                assertExactlyOnce(ticks, first + 1);
                assertFalse(honest.hasClosed(), "the honest client was never cut off");
                assertTrue(last - first > 200, "ticks flowed during the attack: " + (last - first));
            }
            assertTrue(
                    statuses.keySet().stream().allMatch(s -> s == 200 || s == 400 || s == 414 || s == 431 || s == 503),
                    "only clear answers: " + statuses);
            assertTrue(statuses.getOrDefault(200, 0) > 1_000, "the polls were answered: " + statuses);
            long heapAfter = usedHeapAfterGc();
            assertTrue(heapAfter - heapBefore < 128L << 20, "heap grew by " + (heapAfter - heapBefore));
        }
    }

    /** Connections that send a request head one header line at a time, slowly, never finishing it. */
    private static List<Socket> slowLoris(int port, int count) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.getOutputStream()
                    .write("GET /symbols HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            sockets.add(s);
        }
        return sockets;
    }

    private static Thread trickle(List<Socket> sockets, AtomicBoolean attacking) {
        Thread t = new Thread(
                () -> {
                    int n = 0;
                    while (attacking.get() && n++ < 100) {
                        for (Socket s : sockets) {
                            try {
                                s.getOutputStream()
                                        .write(("X-Slow-" + n + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                            } catch (java.io.IOException e) {
                                // The server cut it off: that is allowed.
                            }
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "slowloris");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Many more held polls than the server allows at once. */
    private static CompletableFuture<Void> pollFlood(URI base, int count, Map<Integer, Integer> statuses) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<?>> polls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest poll = HttpRequest.newBuilder(base.resolve("/poll?symbol=" + BTC))
                    .timeout(Duration.ofSeconds(20))
                    .build();
            polls.add(http.sendAsync(poll, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> statuses.merge(r.statusCode(), 1, Integer::sum))
                    .exceptionally(e -> null));
        }
        return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new));
    }

    /** Connections that send random bytes instead of HTTP. */
    private static void garbage(int port, int count, Map<Integer, Integer> statuses) {
        Random random = new Random(9);
        for (int i = 0; i < count; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(3_000);
                byte[] junk = new byte[1 + random.nextInt(4_096)];
                random.nextBytes(junk);
                OutputStream out = s.getOutputStream();
                out.write(junk);
                out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String answer = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                if (answer.startsWith("HTTP/1.1 ")) {
                    statuses.merge(Integer.parseInt(answer.substring(9, 12)), 1, Integer::sum);
                }
            } catch (java.io.IOException e) {
                // Closed without an answer: allowed for bytes that are not HTTP at all.
            }
        }
    }

    private static void oversizedRequestLines(URI base, Map<Integer, Integer> statuses) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String huge = "A".repeat(200_000);
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(base.resolve("/history?symbol=" + huge))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            statuses.merge(r.statusCode(), 1, Integer::sum);
        } catch (java.io.IOException e) {
            // The server may close a connection whose request line is too long to read.
        }
        HttpResponse<Void> headers = http.send(
                HttpRequest.newBuilder(base.resolve("/symbols"))
                        .header("X-Huge", huge)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        statuses.merge(headers.statusCode(), 1, Integer::sum);
    }

    /** WebSocket handshakes opened and dropped at once, many times. */
    private static void connectionChurn(int port, int count) {
        for (int i = 0; i < count; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream()
                        .write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                // Refused or reset: the server protecting itself is fine.
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (java.io.IOException e) {
            // Closing anyway.
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
