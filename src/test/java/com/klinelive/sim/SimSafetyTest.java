package com.klinelive.sim;

import static com.klinelive.sim.SimTesting.await;
import static com.klinelive.sim.SimTesting.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimSafetyTest {

    private static SimServer shared;

    @BeforeAll
    static void startShared() throws Exception {
        shared = SimServer.start(options(50).withAllowedOrigins(List.of("https://app.example")));
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    @ParameterizedTest(name = "Origin {0} gets {1}")
    @CsvSource({
        "https://evil.example, 403",
        "null, 403",
        "http://localhost.evil.example, 403",
        "http://localhost:3000, 101",
        "http://127.0.0.1:8080, 101",
        "https://[::1], 101",
        "https://app.example, 101",
        "HTTPS://APP.EXAMPLE/, 101",
    })
    void aHandshakeIsAcceptedOnlyFromLoopbackOrAllowedOrigins(String origin, int status) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(shared.port(), origin, 0)) {
            assertEquals(status, ws.status(), ws.head());
        }
    }

    @Test
    void aHandshakeWithoutOriginIsAccepted() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(shared.port(), null, 0)) {
            assertEquals(101, ws.status());
        }
    }

    @Test
    void aForeignOriginIsRefusedWithAJsonReason() throws Exception {
        try (FeedRecorder ws = FeedRecorder.attempt(shared.webSocketUri(), Map.of("Origin", "https://evil.example"))) {
            assertFalse(ws.isOpen());
        }
        HttpResponse<String> refused = new SimHttp(shared.uri())
                .send(HttpRequest.newBuilder(shared.uri().resolve("/ws"))
                        .header("Origin", "https://evil.example")
                        .GET()
                        .build());
        assertEquals(426, refused.statusCode(), "a plain GET of /ws is told to upgrade");
    }

    @Test
    void anInboundMessageOver64KiBClosesWith1009() throws Exception {
        try (FeedRecorder ws = FeedRecorder.connect(shared.webSocketUri())) {
            ws.next(ControlMessage.Hello.class);
            ws.send("x".repeat(SimLimits.MAX_INBOUND_MESSAGE + 1));
            assertEquals(StatusCode.MESSAGE_TOO_LARGE, ws.awaitClose().code());
        }
    }

    @Test
    void aFrameHeaderAnnouncingAHugePayloadIsRefusedAtOnce() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(shared.port(), null, 0)) {
            assertEquals(101, ws.status());
            ws.sendHeader(0x1, 1L << 40);
            RawWebSocket.Frame close = ws.readUntilClose();
            assertNotNull(close, "a close frame, not just a dropped connection");
            assertEquals(StatusCode.MESSAGE_TOO_LARGE, close.closeCode());
        }
        try (FeedRecorder ws = FeedRecorder.connect(shared.webSocketUri())) {
            ws.next(ControlMessage.Hello.class);
        }
    }

    @Test
    void aClientFloodingMessagesIsClosed() throws Exception {
        try (FeedRecorder ws = FeedRecorder.connect(shared.webSocketUri())) {
            for (int i = 0; i <= FeedEndpoint.MAX_MESSAGES_PER_SECOND; i++) {
                ws.send("{}");
            }
            assertEquals(StatusCode.POLICY_VIOLATION, ws.awaitClose().code());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/history                                         | 400 | missing symbol",
                "/history?symbol=NOPE                             | 400 | unknown symbol: NOPE",
                "/history?symbol=BTCUSDT&interval=2m              | 400 | interval must be one of",
                "/history?symbol=BTCUSDT&limit=0                  | 400 | limit must be from 1 to 5000",
                "/history?symbol=BTCUSDT&limit=5001               | 400 | limit must be from 1 to 5000",
                "/history?symbol=BTCUSDT&limit=abc                | 400 | limit must be a whole number",
                "/history?symbol=BTCUSDT&limit=-1                 | 400 | limit must be a whole number",
                "/history?symbol=BTCUSDT&limit=007                | 400 | limit must be a whole number",
                "/history?symbol=BTCUSDT&limit=99999999999999999999 | 400 | limit must be a whole number",
                "/history?symbol=BTCUSDT&symbol=ETHUSDT           | 400 | symbol given more than once",
                "/poll?symbol=BTCUSDT&since=1.5                   | 400 | since must be a whole number",
                "/poll?symbol=BTCUSDT&since=-3                    | 400 | since must be a whole number",
                "/poll?symbol=%FF%FE                              | 400 | ''",
                "/poll                                            | 400 | missing symbol",
                "/nope                                            | 404 | no such endpoint: /nope",
                "/ws                                              | 426 | WebSocket",
            })
    void badRequestsGetAJsonError(String path, int status, String message) throws Exception {
        SimHttp.Answer answer = new SimHttp(shared.uri()).get(path);
        assertEquals(status, answer.status(), answer.response().body());
        assertEquals("error", answer.json().get("type").getAsString());
        assertTrue(
                answer.json().get("message").getAsString().contains(message),
                answer.response().body());
        assertEquals(
                "application/json; charset=utf-8",
                answer.response().headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> post = new SimHttp(shared.uri())
                .send(HttpRequest.newBuilder(shared.uri().resolve("/history?symbol=BTCUSDT"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void theStatusPageAndTheSymbolsAreServed() throws Exception {
        SimHttp http = new SimHttp(shared.uri());
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(shared.uri().resolve("/")).build());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("new WebSocket("), "the page streams with the browser's WebSocket");
        SimHttp.Answer symbols = http.get("/symbols");
        assertEquals(
                List.of("BTCUSDT"),
                List.of(symbols.json().getAsJsonArray("symbols").get(0).getAsString()));
        assertEquals(shared.epoch(), symbols.json().get("epoch").getAsString());
    }

    @Test
    void aClientThatStopsReadingIsCutOffWithAReason() throws Exception {
        SimOptions options = options(50_000).withLimits(SimLimits.defaults().withClientQueueBytes(128 * 1024));
        try (SimServer sim = SimServer.start(options);
                RawWebSocket stalled = RawWebSocket.open(sim.port(), null, 4096)) {
            assertEquals(101, stalled.status());
            await(
                    "the stalled client is cut off",
                    Duration.ofSeconds(30),
                    () -> sim.stats().slowClientsCut() == 1);
            // Reading again drains what was queued before the cut, then the close frame says why.
            RawWebSocket.Frame close = stalled.readUntilClose();
            assertNotNull(close, "a close frame after the queued data");
            assertEquals(StatusCode.POLICY_VIOLATION, close.closeCode());
            assertTrue(close.closeReason().contains("too slow"), close.closeReason());
            await("it is gone", Duration.ofSeconds(10), () -> sim.stats().webSockets() == 0);
            try (FeedRecorder healthy = FeedRecorder.connect(sim.webSocketUri())) {
                healthy.next(ControlMessage.Hello.class);
            }
        }
    }

    @Test
    void withoutWebSocketUpgradesAreRefusedAndPollingStillWorks() throws Exception {
        try (SimServer sim = SimServer.start(options(100).withWebSocket(false));
                RawWebSocket ws = RawWebSocket.open(sim.port(), null, 0)) {
            assertEquals(503, ws.status());
            SimHttp.Answer poll = new SimHttp(sim.uri()).get("/poll?symbol=BTCUSDT&since=0");
            assertEquals(200, poll.status());
            assertEquals(1, sim.stats().upgradesRefused());
        }
    }

    @Test
    void webSocketsBeyondTheLimitGet503() throws Exception {
        try (SimServer sim = SimServer.start(
                        options(10).withLimits(SimLimits.defaults().withMaxWebSockets(1)));
                FeedRecorder first = FeedRecorder.connect(sim.webSocketUri())) {
            first.next(ControlMessage.Hello.class);
            try (RawWebSocket second = RawWebSocket.open(sim.port(), null, 0)) {
                assertEquals(503, second.status());
            }
        }
    }
}
