package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.FeedMetrics;
import com.klinelive.feed.FeedState;
import com.klinelive.feed.FeedStatus;
import com.klinelive.feed.SyncState;
import com.klinelive.feed.transport.TransportKind;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    private final StatusViewModel model = new StatusViewModel();

    @Test
    void aLiveWebSocketFeedShowsItsFigures() {
        model.update(
                new FeedStatus(FeedState.WEBSOCKET, TransportKind.WEBSOCKET, "", 0, false),
                metrics(TransportKind.WEBSOCKET, 1.234, 1_520.4, 3, "bad price", 200));

        assertEquals("WebSocket", model.transportProperty().get());
        assertEquals("live", model.stateProperty().get());
        assertEquals("rtt 1.2 ms", model.roundTripProperty().get());
        assertEquals("1,520 ticks/s", model.rateProperty().get());
        assertEquals("3 rejected (bad price)", model.rejectedProperty().get());
        assertEquals("", model.staleProperty().get());
        assertTrue(model.healthyProperty().get());
    }

    @Test
    void aSilentFeedIsFlaggedStaleBeforeTheClientGivesUpOnIt() {
        model.update(
                new FeedStatus(FeedState.LONG_POLLING, TransportKind.LONG_POLLING, "", 0, false),
                metrics(TransportKind.LONG_POLLING, -1, 0, 0, "", 7_400));

        assertEquals("Long polling", model.transportProperty().get());
        assertEquals("stale 7 s", model.staleProperty().get());
        assertEquals("rtt —", model.roundTripProperty().get());
        assertFalse(model.healthyProperty().get());
    }

    @Test
    void reconnectingSaysWhenAndWhy() {
        model.update(
                new FeedStatus(FeedState.RECONNECTING, null, "connection refused", 2_300, false),
                metrics(null, -1, 0, 0, "", -1));

        assertEquals(
                "reconnecting in 3 s (connection refused)",
                model.stateProperty().get());
        assertEquals("—", model.transportProperty().get());
        assertFalse(model.healthyProperty().get());
    }

    @Test
    void aChartBeingRepairedOrBackfilledNeverLooksLive() {
        FeedMetrics.Snapshot limited = new FeedMetrics.Snapshot(
                TransportKind.WEBSOCKET,
                1,
                10,
                100,
                0,
                0,
                "",
                0,
                0,
                0,
                20,
                1,
                "api.binance.com rate limit: HTTP 429, retry after 30 s",
                "");
        model.update(
                new FeedStatus(FeedState.WEBSOCKET, TransportKind.WEBSOCKET, "", 0, true, SyncState.REPAIRING, true),
                limited);
        assertEquals(
                "repairing (api.binance.com rate limit: HTTP 429, retry after 30 s)",
                model.stateProperty().get());
        assertFalse(model.healthyProperty().get());

        model.update(
                new FeedStatus(FeedState.WEBSOCKET, TransportKind.WEBSOCKET, "", 0, false, SyncState.BACKFILLING, true),
                metrics(TransportKind.WEBSOCKET, 1, 10, 0, "", 20));
        assertEquals("backfilling", model.stateProperty().get());
        assertFalse(model.healthyProperty().get());
    }

    @Test
    void aFeedWithoutSequenceNumbersSaysGapsGoUnnoticed() {
        model.update(
                new FeedStatus(FeedState.WEBSOCKET, TransportKind.WEBSOCKET, "", 0, true, SyncState.LIVE, false),
                metrics(TransportKind.WEBSOCKET, 1, 10, 0, "", 20));
        assertEquals(
                "live (no sequence numbers: missed trades go unnoticed)",
                model.stateProperty().get());
        assertTrue(model.healthyProperty().get());
    }

    private static FeedMetrics.Snapshot metrics(
            TransportKind kind, double rtt, double rate, long rejected, String reason, long silentMillis) {
        return new FeedMetrics.Snapshot(kind, rtt, rate, 100, 0, rejected, reason, 0, 0, 0, silentMillis);
    }
}
