package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Outage and repair marks: bounded, versioned snapshots; and through the real client against the simulator, a
 * dropped connection marks an outage on every symbol and a restarted feed a reload of its history.
 */
class FeedMarksTest {

    private static final EnumSet<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.S1, Timeframe.M1);

    @Test
    void eachSymbolKeepsItsNewestMarksAndEveryChangeBumpsTheVersion() {
        FeedMarks marks = new FeedMarks();
        assertEquals(FeedMarks.Snapshot.EMPTY, marks.of("BTCUSDT"));
        for (int i = 0; i < FeedMarks.MAX_PER_SYMBOL + 50; i++) {
            marks.add("BTCUSDT", new FeedMark(FeedMark.Kind.REPAIR, i, i + 1, false, "repair " + i));
        }
        FeedMarks.Snapshot snapshot = marks.of("BTCUSDT");
        assertEquals(FeedMarks.MAX_PER_SYMBOL, snapshot.marks().size());
        assertEquals("repair 50", snapshot.marks().get(0).text());
        assertEquals(FeedMarks.MAX_PER_SYMBOL + 50, marks.version());
        assertEquals(marks.version(), snapshot.version());
        FeedMark first = snapshot.marks().get(0);
        assertThrows(UnsupportedOperationException.class, () -> snapshot.marks().add(first));

        marks.outageBegan(List.of("BTCUSDT", "ETHUSDT"), 1_000, "feed down (WebSocket closed)");
        assertTrue(marks.of("ETHUSDT").marks().get(0).ongoing());
        marks.outageEnded(3_500, m -> new FeedMark(m.kind(), m.fromMillis(), m.toMillis(), false, "no feed for 2.5 s"));
        FeedMark ended = marks.of("ETHUSDT").marks().get(0);
        assertEquals(new FeedMark(FeedMark.Kind.OUTAGE, 1_000, 3_500, false, "no feed for 2.5 s"), ended);
        assertEquals(ended, marks.of("BTCUSDT").marks().get(FeedMarks.MAX_PER_SYMBOL - 1));
        assertEquals("repair 50", snapshot.marks().get(0).text(), "a snapshot taken stays as it was");
        assertThrows(IllegalArgumentException.class, () -> new FeedMark(FeedMark.Kind.OUTAGE, 2, 1, false, ""));
    }

    @Test
    void aDroppedConnectionAndARestartedFeedAreMarkedOnEverySymbol() throws Exception {
        SimServer sim = SimServer.start(FeedClientSimulatorTest.simOptions());
        try (FeedClient client = client(sim, o -> o.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            waitFor(5_000, () -> client.metrics().ticks() > 50, () -> "" + client.metrics());
            long versionBefore = client.marksVersion();
            List<String> symbols = sim.symbols();

            long cutAt = System.currentTimeMillis();
            sim.dropWebSockets();
            waitFor(
                    5_000,
                    () -> client.metrics().reconnects() >= 1 && client.status().state() == FeedState.WEBSOCKET,
                    () -> "" + client.status());
            waitFor(
                    5_000,
                    () -> symbols.stream()
                            .allMatch(s -> outages(client, s).size() == 1
                                    && !outages(client, s).get(0).ongoing()),
                    () -> "" + client.marks("BTCUSDT"));
            for (String symbol : symbols) {
                FeedMark outage = outages(client, symbol).get(0);
                assertTrue(outage.fromMillis() >= cutAt && outage.toMillis() >= outage.fromMillis(), "" + outage);
                assertTrue(outage.text().startsWith("no feed for "), outage.text());
            }
            assertTrue(client.marksVersion() > versionBefore);

            sim = sim.restart();
            SimServer restarted = sim;
            waitFor(
                    10_000,
                    () -> restarted.symbols().stream()
                            .allMatch(s -> client.marks(s).marks().stream()
                                    .anyMatch(m -> m.kind() == FeedMark.Kind.REPAIR
                                            && m.text().startsWith("history reloaded: the feed re"))),
                    () -> "" + client.marks("BTCUSDT"));
            ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
        } finally {
            sim.close();
        }
    }

    private static List<FeedMark> outages(FeedClient client, String symbol) {
        return client.marks(symbol).marks().stream()
                .filter(m -> m.kind() == FeedMark.Kind.OUTAGE)
                .toList();
    }

    private static FeedClient client(SimServer sim, UnaryOperator<FeedOptions> tune) {
        FeedClient client = new FeedClient(
                tune.apply(FeedOptions.defaults(sim.uri().toString()).withHistory(Set.copyOf(TIMEFRAMES), 300)),
                new CandleAggregator(TIMEFRAMES, 100_000, 16),
                new WebSocketTransports(),
                new LongPollTransports());
        client.start();
        return client;
    }
}
