package com.klinelive.sim;

import static com.klinelive.sim.SimTesting.assertExactlyOnce;
import static com.klinelive.sim.SimTesting.await;
import static com.klinelive.sim.SimTesting.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Tick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimStreamingTest {

    private static final String BTC = "BTCUSDT";

    @Test
    void handshakeGreetsWithHelloThenStreamsEverySymbolInSequence() throws Exception {
        SimOptions options = options(100).withSymbols(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"));
        try (SimServer sim = SimServer.start(options);
                FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
            ControlMessage.Hello hello = (ControlMessage.Hello) ws.next();
            assertEquals(sim.epoch(), hello.epoch());
            assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), hello.symbols());
            assertTrue(hello.server().startsWith("klinelive-sim/"), hello.server());

            Map<String, List<Tick>> bySymbol = new HashMap<>();
            while (bySymbol.size() < 3 || bySymbol.values().stream().anyMatch(ticks -> ticks.size() < 10)) {
                Tick tick = ws.next(Tick.class);
                bySymbol.computeIfAbsent(tick.symbol(), s -> new ArrayList<>()).add(tick);
            }
            for (List<Tick> ticks : bySymbol.values()) {
                FeedRecorder.assertContiguous(ticks, ticks.get(0).seq());
                for (int i = 1; i < ticks.size(); i++) {
                    assertTrue(ticks.get(i).time() >= ticks.get(i - 1).time(), "tick times never go back");
                }
            }
            assertEquals(0, ws.rejected(), "every message passes the client's strict decoder");
        }
    }

    @Test
    void subscribeWithSinceReplaysTheMissedTicksWithoutGapOrDuplicate() throws Exception {
        try (SimServer sim = SimServer.start(options(300))) {
            long held;
            try (FeedRecorder first = FeedRecorder.connect(sim.webSocketUri())) {
                List<Tick> ticks = first.ticksUntil(BTC, 20, null);
                held = ticks.get(ticks.size() - 1).seq();
            }
            await("100 ticks were missed", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= held + 100);

            try (FeedRecorder second = FeedRecorder.connect(sim.webSocketUri())) {
                second.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, held)));
                List<Tick> ticks = second.ticksUntil(BTC, sim.lastSeq(BTC) + 30, null);
                assertExactlyOnce(ticks, held + 1);
                assertEquals(0, second.rejected());
            }
        }
    }

    @Test
    void subscribeAfterLiveTicksReplaysOnlyTheGapBeforeThem() throws Exception {
        try (SimServer sim = SimServer.start(options(300))) {
            await("60 ticks were published", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 60);
            long held = 10;
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                // Live ticks arrive first, so the replay must fill held+1 .. (first live - 1) and skip the rest.
                List<Tick> ticks = new ArrayList<>(ws.ticksUntil(BTC, sim.lastSeq(BTC) + 5, null));
                long firstLive = ticks.get(0).seq();
                assertTrue(firstLive > held + 1, "a gap exists before the live ticks");
                ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, held)));
                ticks.addAll(ws.ticksUntil(BTC, sim.lastSeq(BTC) + 30, null));
                assertExactlyOnce(ticks, held + 1);
            }
        }
    }

    @Test
    void aReplayLongerThanTheClientQueueIsPacedNotCut() throws Exception {
        SimOptions options = options(20_000).withLimits(SimLimits.defaults().withClientQueueBytes(128 * 1024));
        try (SimServer sim = SimServer.start(options)) {
            await("20000 ticks were published", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 20_000);
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, 0L)));
                List<Tick> ticks = ws.ticksUntil(BTC, sim.lastSeq(BTC) + 1000, null);
                assertExactlyOnce(ticks, 1);
                assertFalse(ws.hasClosed(), "still connected");
                assertEquals(0, sim.stats().slowClientsCut());
                assertTrue(ws.longestMessage() <= BatchEncoder.MAX_MESSAGE_CHARS, "messages stay within 64 KiB");
            }
        }
    }

    @Test
    void subscribingToOneSymbolStopsTheOthers() throws Exception {
        SimOptions options = options(200).withSymbols(List.of("BTCUSDT", "ETHUSDT"));
        try (SimServer sim = SimServer.start(options);
                FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
            ws.next(ControlMessage.Hello.class);
            ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of()));
            // Replies keep the order of requests: once this error is back, the subscribe was applied.
            ws.send("{\"type\":\"marker\"}");
            ws.next(ControlMessage.FeedError.class);
            List<Object> others = new ArrayList<>();
            ws.ticksUntil(BTC, sim.lastSeq(BTC) + 40, others);
            assertTrue(others.stream().noneMatch(e -> e instanceof Tick), "no ETHUSDT tick after the subscribe");
        }
    }

    @Test
    void aBadMessageGetsAnErrorAndTheStreamGoesOn() throws Exception {
        try (SimServer sim = SimServer.start(options(100));
                FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
            ws.next(ControlMessage.Hello.class);
            ws.send("{not json");
            assertFalse(ws.next(ControlMessage.FeedError.class).message().isEmpty());
            ws.send(NativeEncoder.subscribe(List.of("NOPE"), Map.of()));
            assertEquals(
                    "unknown symbol: NOPE",
                    ws.next(ControlMessage.FeedError.class).message());
            ws.send(new byte[] {1, 2, 3});
            assertTrue(ws.next(ControlMessage.FeedError.class).message().contains("binary"));
            ws.ticksUntil(BTC, sim.lastSeq(BTC) + 5, null);
            assertEquals(3, sim.stats().messagesRejected());
        }
    }

    @Test
    void anIdleConnectionGetsHeartbeats() throws Exception {
        SimOptions options = options(50).withLimits(SimLimits.defaults().withHeartbeat(Duration.ofMillis(200)));
        try (SimServer sim = SimServer.start(options);
                FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
            sim.pauseTicks();
            ControlMessage.Heartbeat heartbeat = ws.next(ControlMessage.Heartbeat.class);
            assertTrue(Math.abs(heartbeat.time() - System.currentTimeMillis()) < 5_000, "heartbeat carries the clock");
        }
    }
}
