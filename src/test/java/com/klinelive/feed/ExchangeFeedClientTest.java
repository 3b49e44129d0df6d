package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real feed client against a scripted peer of each exchange whose trade ids count up by one: backfill, the
 * exact open candle, live trades, a gap of 20 ids dropped from the stream and a cut connection, and afterwards
 * every candle equals the peer's.
 */
class ExchangeFeedClientTest {

    private static final EnumSet<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.M1, Timeframe.M5);
    private static final long SPACING = 100;
    private static final long LIVE = 7_000;

    static Stream<PeerExchange> exchanges() {
        return PeerExchange.byId();
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void backfillLiveAGapOf20IdsAndACutConnectionEndWithThePeersCandles(PeerExchange exchange) throws Exception {
        TradeTape tape = exchange.tape(90_000, LIVE, SPACING);
        try (PeerSession s = PeerSession.start(exchange, tape, TIMEFRAMES)) {
            s.awaitLive(10_000);
            // Twenty live trades, from a moment ahead, never reach the stream; REST still has them.
            TradeTape.Trade first = s.tradeAfter(System.currentTimeMillis() + 300);
            long dropped = first.id();
            s.peer.dropFromStream(dropped, dropped + 19 * exchange.idStep());
            PeerSession.waitUntil(first.time() + 2_500);
            s.peer.cutConnections();
            assertTrue(
                    s.idFromEnd(0)
                            > s.peer.publishedTicks()
                                    .get(s.peer.publishedTicks().size() - 1)
                                    .seq(),
                    "the tape went on after the cut");

            s.awaitTapeHeld(20_000);

            s.assertCandlesEqualTruth();
            FeedMetrics.Snapshot m = s.client.metrics();
            assertTrue(m.gaps() >= 1 && m.gapsRepaired() == m.gaps(), "" + m);
            assertTrue(m.reconnects() >= 1, "" + m);
            assertEquals(0, m.rejected(), "" + m);
            assertTrue(s.saw(SyncState.BACKFILLING), "" + s.statuses);
            assertTrue(s.saw(SyncState.REPAIRING), "" + s.statuses);
            List<FeedMark> marks = s.client.marks(exchange.symbol()).marks();
            String repaired = "20 missing trades fetched by id (" + dropped + " to " + (dropped + 19) + ")";
            assertTrue(
                    marks.stream()
                            .anyMatch(mk -> mk.kind() == FeedMark.Kind.REPAIR
                                    && mk.text().equals(repaired)),
                    "" + marks);
            assertTrue(
                    marks.stream()
                            .anyMatch(mk -> mk.kind() == FeedMark.Kind.OUTAGE
                                    && !mk.ongoing()
                                    && mk.text().startsWith("no feed for ")),
                    "" + marks);
        }
    }

    @Test
    void theStatusSaysBackfillingLiveRepairingAndStaleAsTheyHappen() throws Exception {
        TradeTape tape = PeerExchange.OKX.tape(60_000, 8_000, SPACING);
        try (PeerSession s = PeerSession.start(
                PeerExchange.OKX,
                tape,
                EnumSet.of(Timeframe.M1),
                true,
                peer -> {},
                options ->
                        options.withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(1_500), Duration.ofMinutes(1)))) {
            s.awaitLive(10_000);
            TradeTape.Trade first = s.tradeAfter(System.currentTimeMillis() + 300);
            s.peer.dropFromStream(first.id(), first.id() + 19);
            s.awaitTapeHeld(20_000);
            // The tape is over; then the connection stalls: not even a pong comes back.
            s.proxy.stall(true);
            waitFor(10_000, () -> s.client.status().sync() == SyncState.STALE, () -> "" + s.client.status());
            FeedMark down = outage(s);
            assertTrue(down.ongoing(), "" + down);
            assertEquals("feed down (stale: no message for 1 s)", down.text());
            s.proxy.stall(false);
            waitFor(10_000, () -> s.client.status().state() == FeedState.WEBSOCKET, () -> "" + s.client.status());

            List<SyncState> seen =
                    s.statuses.stream().map(FeedStatus::sync).distinct().toList();
            assertEquals(
                    List.of(SyncState.LIVE, SyncState.BACKFILLING, SyncState.REPAIRING, SyncState.STALE),
                    seen,
                    "" + s.statuses);
            assertEquals(
                    "stale (no message for 1 s)",
                    s.statuses.get(indexOf(s.statuses, SyncState.STALE)).describe());
            int repairing = indexOf(s.statuses, SyncState.REPAIRING);
            assertEquals(FeedState.WEBSOCKET, s.statuses.get(repairing).state());
            assertTrue(s.statuses.get(repairing).describe().startsWith("WebSocket, repairing"), "" + s.statuses);
            assertEquals(SyncState.LIVE, s.statuses.get(repairing + 1).sync(), "live again once repaired");
            assertTrue(
                    s.statuses
                            .get(indexOf(s.statuses, SyncState.BACKFILLING))
                            .describe()
                            .startsWith("WebSocket, backfilling"),
                    "" + s.statuses);
            FeedMark outage = outage(s);
            assertTrue(!outage.ongoing() && outage.toMillis() > outage.fromMillis(), "" + outage);
            assertTrue(outage.text().matches("no feed for .* \\(stale: no message for 1 s\\)"), outage.text());
            assertTrue(
                    outage.fromMillis()
                            >= tape.trades().get(tape.trades().size() - 1).time(),
                    "" + outage);
        }
    }

    private static FeedMark outage(PeerSession s) {
        return s.client.marks(s.exchange.symbol()).marks().stream()
                .filter(mk -> mk.kind() == FeedMark.Kind.OUTAGE)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static int indexOf(List<FeedStatus> statuses, SyncState sync) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).sync() == sync) {
                return i;
            }
        }
        return -1;
    }
}
