package com.klinelive.app;

import com.klinelive.alert.AlertFired;
import com.klinelive.alert.AlertMonitor;
import com.klinelive.alert.PriceAlert;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.workspace.AlertLogEntry;
import com.klinelive.workspace.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The price alerts of the workspace and their log. Alerts are judged by an {@link AlertMonitor} on the feeds'
 * threads; a fired alert comes here through {@code toFx} (one hop per firing, not per tick), goes into the log,
 * and is announced: a desktop notification and a chime. The lists are FX-thread state.
 */
final class AlertsViewModel {

    private final AlertMonitor monitor;
    private final ObservableList<PriceAlert> alerts = FXCollections.observableArrayList();
    private final ObservableList<AlertLogEntry> log = FXCollections.observableArrayList();
    private final I18n i18n;
    private final Supplier<ZoneId> zone;
    private Consumer<AlertFired> announce = f -> {};

    /**
     * @param i18n the texts
     * @param zone the time zone times are shown in
     * @param toFx runs a task on the FX thread ({@code Platform::runLater})
     */
    AlertsViewModel(I18n i18n, Supplier<ZoneId> zone, Executor toFx) {
        this.i18n = i18n;
        this.zone = zone;
        this.monitor = new AlertMonitor(fired -> toFx.execute(() -> fired(fired)));
    }

    /** The monitor the feeds report their trades to. */
    AlertMonitor monitor() {
        return monitor;
    }

    /** How a firing is announced beyond the log (notification, sound); set by the window. */
    void onAnnounce(Consumer<AlertFired> action) {
        announce = action;
    }

    ObservableList<PriceAlert> alerts() {
        return alerts;
    }

    ObservableList<AlertLogEntry> log() {
        return log;
    }

    /** A new alert, armed at once. */
    PriceAlert add(
            String feed, String symbol, double level, com.klinelive.alert.AlertCondition condition, boolean repeat) {
        PriceAlert alert = new PriceAlert(UUID.randomUUID().toString(), feed, symbol, level, condition, repeat);
        alerts.add(alert);
        monitor.add(alert);
        return alert;
    }

    void remove(PriceAlert alert) {
        alerts.remove(alert);
        monitor.remove(alert.id());
    }

    /** Restores the alerts and the log of a saved workspace. */
    void restore(Workspace workspace) {
        for (PriceAlert a : List.copyOf(alerts)) {
            remove(a);
        }
        workspace
                .alerts()
                .forEach(spec -> spec.toAlert().ifPresent(a -> {
                    alerts.add(a);
                    monitor.add(a);
                }));
        log.setAll(workspace.alertLog());
    }

    /** The alert in words: "BTCUSDT crosses up 100,000.50". */
    String describe(PriceAlert alert) {
        String level = PriceFormat.price(alert.level(), PriceFormat.decimalsFor(alert.level()));
        return alert.symbol() + " "
                + i18n.text("alerts.condition." + alert.condition().name(), level);
    }

    private void fired(AlertFired fired) {
        PriceAlert alert = fired.alert();
        if (fired.spent()) {
            alerts.removeIf(a -> a.id().equals(alert.id()));
        }
        log.add(new AlertLogEntry(
                alert.id(), alert.feed(), alert.symbol(), describe(alert), fired.time(), fired.price()));
        if (log.size() > Workspace.MAX_LOG) {
            log.remove(0, log.size() - Workspace.MAX_LOG);
        }
        announce.accept(fired);
    }

    /** The notification's title and text for {@code fired}. */
    String[] notification(AlertFired fired) {
        String time =
                DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone.get()).format(Instant.ofEpochMilli(fired.time()));
        String price = PriceFormat.price(fired.price(), PriceFormat.decimalsFor(fired.price()));
        return new String[] {
            i18n.text("alerts.fired.title", describe(fired.alert())),
            i18n.text("alerts.fired.text", fired.alert().symbol(), price, time)
        };
    }
}
