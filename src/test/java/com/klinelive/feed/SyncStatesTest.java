package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync states of the status bar through the real client against a scripted OKX: backfilling as it subscribes,
 * repairing while a gap is fetched, live again, and stale when the connection stalls, with its outage marked.
 */
class SyncStatesTest {

    private static final long SPACING = 100;

    @Test
    void theStatusSaysBackfillingLiveRepairingAndStaleAsTheyHappen() throws Exception {
        TradeTape tape = PeerExchange.OKX.tape(60_000, 30_000, SPACING);
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
            waitFor(
                    20_000,
                    () -> s.client.metrics().gapsRepaired() >= 1
                            && s.client.status().sync() == SyncState.LIVE,
                    () -> s.client.status() + " " + s.client.metrics());
            // The connection stalls: not even a pong comes back.
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
            assertTrue(outage.fromMillis() > first.time(), "from the last message before the stall: " + outage);
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
