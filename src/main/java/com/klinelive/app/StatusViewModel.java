package com.klinelive.app;

import com.klinelive.feed.FeedMetrics;
import com.klinelive.feed.FeedState;
import com.klinelive.feed.FeedStatus;
import com.klinelive.feed.SyncState;
import com.klinelive.feed.transport.TransportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar shows, as read-only properties the view binds to. Fed on the FX thread once a second from the
 * feed client's status and metrics (plain reads, never blocking on the network); a property changes, and the
 * window draws a frame, only when its text does.
 */
public final class StatusViewModel {

    /** A feed silent for this long gets a visible "stale" warning even before the client acts on it. */
    static final long STALE_WARNING_MILLIS = 3_000;

    private final ReadOnlyStringWrapper transport = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("not connected");
    private final ReadOnlyStringWrapper roundTrip = new ReadOnlyStringWrapper("rtt —");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("0 ticks/s");
    private final ReadOnlyStringWrapper rejected = new ReadOnlyStringWrapper("0 rejected");
    private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper feed = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper healthy = new ReadOnlyBooleanWrapper(false);

    /** Shows the client's status and counters. */
    public void update(FeedStatus status, FeedMetrics.Snapshot metrics) {
        TransportKind kind = metrics.transport() != null ? metrics.transport() : status.transport();
        transport.set(kind == null ? "—" : kind == TransportKind.WEBSOCKET ? "WebSocket" : "Long polling");
        boolean receiving = status.state() == FeedState.WEBSOCKET || status.state() == FeedState.LONG_POLLING;
        state.set(receiving ? receivingText(status, metrics) : status.describe());
        roundTrip.set(
                metrics.roundTripMillis() < 0
                        ? "rtt —"
                        : String.format(Locale.ROOT, "rtt %.1f ms", metrics.roundTripMillis()));
        rate.set(String.format(Locale.ROOT, "%,.0f ticks/s", metrics.ticksPerSecond()));
        rejected.set(metrics.rejected() + " rejected"
                + (metrics.rejected() > 0 && !metrics.lastRejectReason().isEmpty()
                        ? " (" + metrics.lastRejectReason() + ")"
                        : ""));
        long silent = metrics.silentMillis();
        boolean isStale = status.state() == FeedState.STALE || receiving && silent >= STALE_WARNING_MILLIS;
        stale.set(isStale ? "stale " + Math.max(1, silent / 1000) + " s" : "");
        healthy.set(receiving && !isStale && status.sync() == SyncState.LIVE);
    }

    /** "live", "backfilling" or "repairing", with what the user should know about the feed. */
    private static String receivingText(FeedStatus status, FeedMetrics.Snapshot metrics) {
        String text = switch (status.sync()) {
            case BACKFILLING -> "backfilling";
            case REPAIRING -> "repairing";
            case STALE -> "stale";
            case LIVE -> "live";
        };
        List<String> notes = new ArrayList<>();
        if (!status.detail().isEmpty()) {
            notes.add(status.detail());
        }
        if (!status.checksSequence()) {
            notes.add("no sequence numbers: missed trades go unnoticed");
        }
        if (!metrics.historyProblem().isEmpty()) {
            notes.add(metrics.historyProblem());
        }
        if (!metrics.rateLimit().isEmpty()) {
            notes.add(metrics.rateLimit());
        }
        return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
    }

    /** A message for the user (a bad URL, a failed export); empty clears it. */
    public void message(String text) {
        message.set(text == null ? "" : text);
    }

    /** Names the feed being shown, such as "embedded simulator 127.0.0.1:8080". */
    public void feed(String name) {
        feed.set(name == null ? "" : name);
    }

    public ReadOnlyStringProperty feedProperty() {
        return feed.getReadOnlyProperty();
    }

    /** Back to "not connected". */
    public void clear() {
        feed.set("");
        transport.set("—");
        state.set("not connected");
        roundTrip.set("rtt —");
        rate.set("0 ticks/s");
        rejected.set("0 rejected");
        stale.set("");
        healthy.set(false);
    }

    public ReadOnlyStringProperty transportProperty() {
        return transport.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roundTripProperty() {
        return roundTrip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectedProperty() {
        return rejected.getReadOnlyProperty();
    }

    /** "stale N s" while the feed is silent, else empty. */
    public ReadOnlyStringProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Receiving, and not stale. */
    public ReadOnlyBooleanProperty healthyProperty() {
        return healthy.getReadOnlyProperty();
    }
}
