package com.klinelive.app;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.FeedEndpoint;
import com.klinelive.workspace.ChartSpec;
import com.klinelive.workspace.FeedSpec;
import com.klinelive.workspace.Layout;
import com.klinelive.workspace.UiSpec;
import com.klinelive.workspace.WatchEntry;
import com.klinelive.workspace.WindowSpec;
import com.klinelive.workspace.Workspace;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The whole workspace: the layout and its charts, charts in windows of their own, the active chart (the toolbar
 * acts on it), sync of crosshair and symbol, the watchlist, the alerts, saved feeds, theme, time zone and language.
 * It turns into a {@link Workspace} to save and is restored from one. FX thread.
 *
 * <p>Longer than most: it is the one place the app's settings live (layout, charts, sync, watchlist, alerts, feeds, theme,
 * zone, language), each a property with its save and restore.
 */
final class WorkspaceViewModel {

    private final FeedSessions<FeedSpec> sessions;
    private final Executor fx;
    private final DrawingStore drawings = new DrawingStore();
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(this, "layout", Layout.ONE);
    private final ObservableList<ChartViewModel> charts = FXCollections.observableArrayList();
    private final ObservableList<ChartViewModel> detached = FXCollections.observableArrayList();
    private final ObjectProperty<ChartViewModel> active = new SimpleObjectProperty<>(this, "active");
    private final BooleanProperty syncCrosshair = new SimpleBooleanProperty(this, "syncCrosshair");
    private final BooleanProperty syncSymbol = new SimpleBooleanProperty(this, "syncSymbol");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", true);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.of("UTC"));
    private final BooleanProperty watchlistOpen = new SimpleBooleanProperty(this, "watchlistOpen", true);
    private final BooleanProperty alertLogOpen = new SimpleBooleanProperty(this, "alertLogOpen");
    private final ObservableList<FeedSpec> savedFeeds = FXCollections.observableArrayList();
    private final ObservableList<String> recentUrls = FXCollections.observableArrayList();
    private final WatchlistViewModel watchlist = new WatchlistViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final AlertsViewModel alerts;
    private final I18n i18n;
    private String zoneSetting = "UTC";
    private String languageSetting = "system";
    private WindowSpec window = WindowSpec.DEFAULT;

    /**
     * @param sessions the app's shared feed sessions
     * @param i18n     the texts
     * @param fx       runs a task on the FX thread
     */
    WorkspaceViewModel(FeedSessions<FeedSpec> sessions, I18n i18n, Executor fx) {
        this.sessions = sessions;
        this.i18n = i18n;
        this.fx = fx;
        this.alerts = new AlertsViewModel(i18n, zone::get, fx);
        layout.addListener((o, was, is) -> fitCharts());
        watchlist.onShow(entry -> {
            ChartViewModel chart = active.get();
            if (chart != null) {
                if (!ChartViewModel.keyOf(chart.feed()).equals(entry.feed())) {
                    chart.connect(feedOf(entry.feed()));
                }
                chart.symbolProperty().set(entry.symbol());
            }
        });
    }

    /** Restores {@code workspace}: what was open is opened again. */
    void restore(Workspace workspace) {
        closeCharts();
        drawings.restore(workspace.drawings());
        syncCrosshair.set(workspace.syncCrosshair());
        syncSymbol.set(workspace.syncSymbol());
        UiSpec ui = workspace.ui();
        dark.set(ui.dark());
        try {
            zone(ui.zone());
        } catch (IllegalArgumentException e) {
            // A zone this computer does not know (an edited file, an older time-zone database): UTC.
            zone("UTC");
        }
        language(ui.language());
        watchlistOpen.set(ui.watchlistOpen());
        alertLogOpen.set(ui.alertLogOpen());
        savedFeeds.setAll(workspace.savedFeeds());
        recentUrls.setAll(workspace.recentUrls());
        window = workspace.window();
        watchlist.rows().clear();
        workspace.watchlist().forEach(watchlist::add);
        alerts.restore(workspace);
        for (ChartSpec spec : workspace.charts()) {
            ChartViewModel chart = ChartViewModel.of(spec, sessions, drawings, fx);
            (spec.detached() == null ? charts : detached).add(chart);
        }
        layout.set(workspace.layout());
        fitCharts();
        int index = workspace.activeChart();
        List<ChartViewModel> all = allCharts();
        active.set(all.get(index < all.size() ? index : 0));
    }

    /** The workspace to save. */
    Workspace toWorkspace(WindowSpec mainWindow) {
        window = mainWindow;
        List<ChartViewModel> all = allCharts();
        List<ChartSpec> specs = new ArrayList<>();
        all.forEach(c -> specs.add(c.toSpec()));
        return new Workspace(
                        Workspace.VERSION,
                        layout.get(),
                        Math.max(0, all.indexOf(active.get())),
                        syncCrosshair.get(),
                        syncSymbol.get(),
                        specs,
                        watchlist.entries(),
                        alerts.alerts().stream()
                                .map(com.klinelive.workspace.AlertSpec::of)
                                .toList(),
                        List.copyOf(alerts.log()),
                        drawings.all(),
                        List.copyOf(savedFeeds),
                        List.copyOf(recentUrls),
                        mainWindow,
                        new UiSpec(dark.get(), zoneSetting, languageSetting, watchlistOpen.get(), alertLogOpen.get()))
                .normalized();
    }

    /** The layout's charts first (as many as it shows), then those in windows of their own. */
    List<ChartViewModel> allCharts() {
        List<ChartViewModel> all = new ArrayList<>(
                charts.subList(0, Math.min(charts.size(), layout.get().charts())));
        all.addAll(detached);
        return all;
    }

    /** Opens {@code chart}'s feed, symbol and settings in a window of its own, beside the layout. */
    ChartViewModel openInOwnWindow(ChartViewModel chart, WindowSpec bounds) {
        ChartSpec spec = chart.toSpec();
        ChartViewModel copy = ChartViewModel.of(
                new ChartSpec(
                        spec.feed(),
                        spec.symbol(),
                        spec.timeframe(),
                        spec.chartType(),
                        spec.scale(),
                        spec.studies(),
                        bounds),
                sessions,
                drawings,
                fx);
        detached.add(copy);
        active.set(copy);
        return copy;
    }

    /** A chart's own window closed: the chart goes. */
    void closeOwnWindow(ChartViewModel chart) {
        if (detached.remove(chart)) {
            chart.dispose();
            if (active.get() == chart) {
                active.set(charts.isEmpty() ? null : charts.get(0));
            }
        }
    }

    /** Every chart of the layout, or only the active one, shows {@code symbol}, as symbol sync says. */
    void symbolChosen(ChartViewModel origin, String symbol) {
        if (!syncSymbol.get() || symbol == null) {
            return;
        }
        for (ChartViewModel chart : allCharts()) {
            if (chart != origin
                    && chart.feed().equals(origin.feed())
                    && !symbol.equals(chart.symbolProperty().get())) {
                chart.symbolProperty().set(symbol);
            }
        }
    }

    /** Connects the active chart to {@code spec}, remembering its URL among the recent ones. */
    void connectActive(FeedSpec spec) {
        ChartViewModel chart = active.get();
        if (chart == null) {
            return;
        }
        if (!spec.url().isBlank()) {
            try {
                FeedEndpoint.parse(spec.url());
            } catch (IllegalArgumentException e) {
                status.message(i18n.text("status.badurl", e.getMessage()));
                return;
            }
        }
        status.message("");
        chart.connect(spec);
        remember(spec.url());
    }

    /** Puts {@code url}, without its secrets, first among the recent URLs. */
    void remember(String url) {
        String safe = ChartViewModel.keyOf(FeedSpec.of(url == null ? "" : url));
        if (!safe.isEmpty()) {
            recentUrls.remove(safe);
            recentUrls.add(0, safe);
            if (recentUrls.size() > 8) {
                recentUrls.remove(8, recentUrls.size());
            }
        }
    }

    /** Saves {@code spec} by its name for the feed box (a feed of the same name is replaced). */
    void saveFeed(FeedSpec spec) {
        if (spec.name().isBlank()) {
            return;
        }
        savedFeeds.removeIf(f -> f.name().equals(spec.name()));
        savedFeeds.add(ChartViewModel.withoutSecrets(spec));
    }

    /**
     * The periodic upkeep: the status bar of the active chart's feed, the watchlist's quotes, each chart's outage
     * and repair marks (when its feed's marks changed).
     */
    void refresh(long nowMillis) {
        for (ChartViewModel chart : allCharts()) {
            chart.refreshMarks();
        }
        ChartViewModel chart = active.get();
        FeedSession session = chart == null ? null : chart.session();
        RecordingSession played = chart == null ? null : chart.recording();
        if (played != null) {
            status.clear();
            status.feed(i18n.text(
                    "recording.status",
                    played.file().getFileName(),
                    played.player().sent(),
                    played.player().state().name().toLowerCase(java.util.Locale.ROOT)));
        } else if (session != null) {
            status.feed(session.displayName());
            status.update(session.client().status(), session.client().metrics());
        } else {
            status.clear();
            if (chart != null && !chart.problemProperty().get().isEmpty()) {
                status.message(chart.problemProperty().get());
            }
        }
        watchlist.refresh(this::bookOf, nowMillis);
    }

    /** The candles of a watchlist row, from any chart's session on its feed; null when none is open. */
    private CandleBook bookOf(WatchEntry entry) {
        for (ChartViewModel chart : allCharts()) {
            FeedSession session = chart.session();
            if (session != null && chart.feedKey().equals(entry.feed())) {
                return session.aggregator().book(entry.symbol());
            }
        }
        return null;
    }

    /** The feed a watchlist row names: a saved one with that URL, else the URL as it is. */
    private FeedSpec feedOf(String key) {
        for (ChartViewModel chart : allCharts()) {
            if (chart.feedKey().equals(key)) {
                return chart.feed();
            }
        }
        return savedFeeds.stream()
                .filter(f -> ChartViewModel.keyOf(f).equals(key))
                .findFirst()
                .orElse(key.isEmpty() ? FeedSpec.EMBEDDED : FeedSpec.of(key));
    }

    /**
     * The time zone of labels: {@code UTC}, {@code system} (or {@code local}), an offset or a zone id.
     *
     * @throws IllegalArgumentException for text that names no zone (the setting stays as it was)
     */
    void zone(String setting) {
        String value = setting == null || setting.isBlank() ? "UTC" : setting.trim();
        zone.set(DisplayOptions.resolve(value));
        zoneSetting = value;
    }

    /** The language: {@code system}, {@code en} or {@code zh}. */
    void language(String setting) {
        i18n.localeProperty().set(I18n.localeFor(setting));
        languageSetting = setting == null ? "system" : setting.trim().toLowerCase(Locale.ROOT);
    }

    String zoneSetting() {
        return zoneSetting;
    }

    String languageSetting() {
        return languageSetting;
    }

    /** The layout shows as many charts as it has places: new places take the active chart's feed. */
    private void fitCharts() {
        int wanted = layout.get().charts();
        while (charts.size() < wanted) {
            ChartViewModel template = active.get() != null ? active.get() : charts.isEmpty() ? null : charts.get(0);
            ChartSpec spec =
                    template == null ? ChartSpec.DEFAULT : template.toSpec().withSymbol("");
            ChartViewModel chart = ChartViewModel.of(
                    new ChartSpec(
                            spec.feed(),
                            nextSymbol(template),
                            spec.timeframe(),
                            spec.chartType(),
                            spec.scale(),
                            spec.studies(),
                            null),
                    sessions,
                    drawings,
                    fx);
            charts.add(chart);
        }
        while (charts.size() > wanted) {
            ChartViewModel gone = charts.remove(charts.size() - 1);
            gone.dispose();
            if (active.get() == gone) {
                active.set(charts.get(0));
            }
        }
        if (active.get() == null && !charts.isEmpty()) {
            active.set(charts.get(0));
        }
    }

    /** For a new place: a symbol of the template's feed that no chart shows yet, else the first. */
    private String nextSymbol(ChartViewModel template) {
        if (template == null) {
            return "";
        }
        List<String> shown = charts.stream().map(c -> c.symbolProperty().get()).toList();
        return template.symbols().stream()
                .filter(s -> !shown.contains(s))
                .findFirst()
                .orElse("");
    }

    private void closeCharts() {
        charts.forEach(ChartViewModel::dispose);
        detached.forEach(ChartViewModel::dispose);
        charts.clear();
        detached.clear();
        active.set(null);
    }

    /** Lets go of every feed (the app quits). */
    void dispose() {
        closeCharts();
    }

    ObjectProperty<Layout> layoutProperty() {
        return layout;
    }

    ObservableList<ChartViewModel> charts() {
        return charts;
    }

    ObservableList<ChartViewModel> detachedCharts() {
        return detached;
    }

    ObjectProperty<ChartViewModel> activeProperty() {
        return active;
    }

    ChartViewModel active() {
        return active.get();
    }

    BooleanProperty syncCrosshairProperty() {
        return syncCrosshair;
    }

    BooleanProperty syncSymbolProperty() {
        return syncSymbol;
    }

    /** The theme: one place decides it, every window follows. */
    BooleanProperty darkProperty() {
        return dark;
    }

    ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    BooleanProperty watchlistOpenProperty() {
        return watchlistOpen;
    }

    BooleanProperty alertLogOpenProperty() {
        return alertLogOpen;
    }

    ObservableList<FeedSpec> savedFeeds() {
        return savedFeeds;
    }

    ObservableList<String> recentUrls() {
        return recentUrls;
    }

    WatchlistViewModel watchlist() {
        return watchlist;
    }

    AlertsViewModel alerts() {
        return alerts;
    }

    StatusViewModel status() {
        return status;
    }

    I18n i18n() {
        return i18n;
    }

    FeedSessions<FeedSpec> sessions() {
        return sessions;
    }

    WindowSpec window() {
        return window;
    }
}
