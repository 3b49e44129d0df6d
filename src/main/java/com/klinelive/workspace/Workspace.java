package com.klinelive.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the viewer restores at start: the layout and its charts (each with its feed, symbol, timeframe,
 * indicators), charts in windows of their own, drawings, alerts and their log, the watchlist, saved feeds and
 * window positions. Saved as versioned JSON by {@link WorkspaceStore}.
 *
 * @param version       the file format's version ({@link #VERSION} when written by this build)
 * @param layout        how the main window arranges its charts
 * @param activeChart   the index in {@code charts} of the chart the toolbar acts on
 * @param syncCrosshair whether the crosshair shows the same time in every chart of the layout
 * @param syncSymbol    whether choosing a symbol in one chart shows it in all of them
 * @param charts        the layout's charts in order (at least as many as it shows), then charts in their own
 *                      windows ({@link ChartSpec#detached()} set)
 * @param watchlist     the watchlist's rows, in order
 * @param alerts        the armed price alerts
 * @param alertLog      the alerts that fired, oldest first, at most {@link #MAX_LOG} of them
 * @param drawings      drawings per feed and symbol
 * @param savedFeeds    feeds saved by name for the feed box
 * @param recentUrls    recently used feed URLs, newest first
 * @param window        the main window's bounds
 * @param ui            app-wide settings
 */
public record Workspace(
        int version,
        Layout layout,
        int activeChart,
        boolean syncCrosshair,
        boolean syncSymbol,
        List<ChartSpec> charts,
        List<WatchEntry> watchlist,
        List<AlertSpec> alerts,
        List<AlertLogEntry> alertLog,
        List<SymbolDrawings> drawings,
        List<FeedSpec> savedFeeds,
        List<String> recentUrls,
        WindowSpec window,
        UiSpec ui) {

    /** The version this build writes. Version 1 is the first; older settings lived in java.util.prefs. */
    public static final int VERSION = 1;

    /** Fired alerts kept in the log. */
    public static final int MAX_LOG = 500;

    /** What a first start shows: one chart on the embedded simulator. */
    public static Workspace defaults() {
        return new Workspace(
                        VERSION,
                        Layout.ONE,
                        0,
                        false,
                        false,
                        List.of(ChartSpec.DEFAULT),
                        // The embedded simulator's symbols: a first start shows a live watchlist at once.
                        List.of(
                                new WatchEntry("", "BTCUSDT"),
                                new WatchEntry("", "ETHUSDT"),
                                new WatchEntry("", "SOLUSDT")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        WindowSpec.DEFAULT,
                        UiSpec.DEFAULT)
                .normalized();
    }

    /**
     * This workspace with whatever a hand-edited, older or damaged file left out or out of range put right: absent
     * lists are empty, the layout has a chart for every place, the active chart exists, the log is bounded.
     */
    public Workspace normalized() {
        Layout shown = layout == null ? Layout.ONE : layout;
        List<ChartSpec> docked = new ArrayList<>();
        List<ChartSpec> detachedCharts = new ArrayList<>();
        for (ChartSpec chart : Texts.each(charts, ChartSpec::normalized)) {
            (chart.detached() == null ? docked : detachedCharts).add(chart);
        }
        while (docked.size() < shown.charts()) {
            ChartSpec template = docked.isEmpty() ? ChartSpec.DEFAULT : docked.get(0);
            docked.add(template.withSymbol(""));
        }
        List<ChartSpec> all = new ArrayList<>(docked);
        all.addAll(detachedCharts);
        List<AlertLogEntry> log = Texts.each(alertLog, AlertLogEntry::normalized);
        return new Workspace(
                VERSION,
                shown,
                activeChart >= 0 && activeChart < all.size() ? activeChart : 0,
                syncCrosshair,
                syncSymbol,
                List.copyOf(all),
                Texts.each(watchlist, WatchEntry::normalized).stream()
                        .filter(w -> !w.symbol().isEmpty())
                        .toList(),
                Texts.each(alerts, a -> a).stream()
                        .filter(a -> a.toAlert().isPresent())
                        .toList(),
                log.subList(Math.max(0, log.size() - MAX_LOG), log.size()),
                Texts.each(drawings, SymbolDrawings::normalized),
                Texts.each(savedFeeds, FeedSpec::normalized),
                Texts.each(recentUrls, u -> u),
                window == null ? WindowSpec.DEFAULT : window.normalized(),
                ui == null ? UiSpec.DEFAULT : ui.normalized());
    }
}
