package com.klinelive.app;

import com.klinelive.alert.AlertMonitor;
import com.klinelive.candle.TradeListener;
import com.klinelive.chart.VisibleRange;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.fx.FxTimer;
import com.klinelive.fx.PulseCpu;
import com.klinelive.workspace.ChartSpec;
import com.klinelive.workspace.FeedSpec;
import com.klinelive.workspace.LegacyPreferences;
import com.klinelive.workspace.Workspace;
import com.klinelive.workspace.WorkspaceStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * The viewer: loads the workspace (moving an older version's preferences into it on the first start), opens its
 * feeds (ahead of the window, so connecting overlaps JavaFX's start), shows the main window and saves the
 * workspace when it closes. One object per run, no static state; {@link #launch} starts it from the command line.
 *
 * <p>Longer than most: most of its length is {@link #withOptions}, which lays the command line over the saved workspace
 * field by field.
 */
public final class ViewerApp {

    private final ViewerOptions options;
    private final WorkspaceStore store;
    private final Preferences legacy;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "viewer-sessions");
        t.setDaemon(true);
        return t;
    });
    private final FeedSessions<FeedSpec> sessions;
    /** The window's upkeep, the stats line and the exit: timers, not animations, which keep JavaFX pulsing. */
    private final List<FxTimer.Scheduled> timers = new ArrayList<>();

    private final Workspace startWith;
    private final String loadProblem;
    private final boolean migrated;
    private final List<FeedSessions<FeedSpec>.Lease> ahead = new ArrayList<>();
    private volatile AlertMonitor alertMonitor;
    private final BackgroundSessions backgrounds;
    private MainWindow window;
    private PulseCpu pulses;

    /**
     * @param options how to start (the command line)
     * @param store   where the workspace is kept
     * @param legacy  an older version's preferences node, moved into the workspace on the first start; null for none
     */
    ViewerApp(ViewerOptions options, WorkspaceStore store, Preferences legacy) {
        this.options = options;
        this.store = store;
        this.legacy = legacy;
        this.backgrounds = new BackgroundSessions(options.startMinimised());
        this.sessions = new FeedSessions<>(this::openSession, background);
        ViewerCache.enabled(options.cache());
        WorkspaceStore.Loaded loaded = store.load();
        boolean fromPrefs = !loaded.existed() && LegacyPreferences.present(legacy);
        this.migrated = fromPrefs;
        this.loadProblem = loaded.problem();
        this.startWith = withOptions(fromPrefs ? LegacyPreferences.read(legacy) : loaded.workspace(), options);
    }

    /** Shows the viewer and returns when its window is closed. */
    public static void launch(ViewerOptions options) {
        ViewerApp app =
                new ViewerApp(options, WorkspaceStore.forUser(), LegacyPreferences.existing("/com/klinelive/app"));
        app.openAhead();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            app.start(stage);
            stage.showingProperty().addListener((o, was, is) -> {
                if (!is) {
                    closed.countDown();
                }
            });
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        Platform.exit();
    }

    /** Starts opening the workspace's feeds now, before the window exists. */
    void openAhead() {
        startWith.charts().stream().map(ChartSpec::feed).distinct().forEach(feed -> ahead.add(sessions.acquire(feed)));
    }

    /** The main window, once started. */
    MainWindow window() {
        return window;
    }

    /** Shows the main window on {@code stage}. FX thread. */
    void start(Stage stage) {
        I18n i18n = new I18n(I18n.localeFor(startWith.ui().language()));
        WorkspaceViewModel workspace = new WorkspaceViewModel(sessions, i18n, Platform::runLater);
        alertMonitor = workspace.alerts().monitor();
        workspace.restore(startWith);
        // The charts hold their own leases now: the ones taken ahead may go.
        ahead.forEach(FeedSessions.Lease::close);
        ahead.clear();
        window = new MainWindow(stage, workspace, store, background);
        DesktopNotifier notifier = new DesktopNotifier(background);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> notifier.closeToast());
        AlertSound sound = new AlertSound(background);
        workspace.alerts().onAnnounce(fired -> {
            String[] note = workspace.alerts().notification(fired);
            notifier.show(note[0], note[1]);
            sound.play();
        });
        if (!loadProblem.isEmpty()) {
            workspace.status().message(loadProblem);
        }
        if (migrated) {
            // The old preferences moved into the workspace file: saved now, so they are not read again.
            window.save();
            LegacyPreferences.remove(legacy);
        }
        stage.show();
        var chart = window.activeChart();
        if (chart != null) {
            // Not a text field: its caret blinks with an animation, which keeps JavaFX pulsing 60 times a second.
            chart.requestFocus();
        }
        stage.setIconified(options.startMinimised());
        stage.iconifiedProperty().addListener((o, was, is) -> backgrounds.minimised(is));
        // At whole seconds, as the chart's candle-close countdown changes: both change in one frame a second.
        timers.add(FxTimer.every(Duration.ofSeconds(1), window::refresh));
        if (options.stats()) {
            reportFirstLiveFrame();
            pulses = PulseCpu.attach(stage.getScene());
            timers.add(FxTimer.every(Duration.ofSeconds(1), () -> System.out.println(statsLine())));
        }
        if (options.exitAfter() != null) {
            timers.add(FxTimer.after(options.exitAfter(), this::finish));
        }
    }

    /** A session of {@code feed}, whose trades are checked against the alerts (on the feed's threads). */
    private FeedSession openSession(FeedSpec feed) {
        // The symbols the saved charts show on this feed: their cached candles show before the feed answers.
        List<String> shown = startWith.charts().stream()
                .filter(c -> c.feed().equals(feed) && !c.symbol().isBlank())
                .map(ChartSpec::symbol)
                .distinct()
                .toList();
        FeedSession session = FeedSession.open(feed, options.ssl(), shown);
        backgrounds.opened(session);
        String key = ChartViewModel.keyOf(feed);
        session.alerts(new TradeListener() {
            private AlertMonitor.TradeCheck check;

            @Override
            public void counted(String symbol, long seq, long time, double price, double size) {
                if (check == null) {
                    AlertMonitor monitor = alertMonitor;
                    if (monitor == null) {
                        return;
                    }
                    check = monitor.forFeed(key);
                }
                check.onTrade(symbol, time, price);
            }
        });
        return session;
    }

    /** The saved workspace with what the command line says on top of it. */
    static Workspace withOptions(Workspace saved, ViewerOptions o) {
        com.klinelive.workspace.Layout layout = o.layout() != null ? o.layout() : saved.layout();
        List<String> symbols =
                o.symbol() == null ? List.of() : List.of(o.symbol().split(","));
        FeedSpec feed = o.url() == null ? null : FeedSpecs.fromCommandLine(o.url(), o.feedArgs());
        List<ChartSpec> charts = new ArrayList<>();
        List<ChartSpec> docked =
                saved.charts().stream().filter(c -> c.detached() == null).toList();
        for (int i = 0; i < Math.max(layout.charts(), docked.size()); i++) {
            ChartSpec c = i < docked.size() ? docked.get(i) : docked.get(0).withSymbol("");
            if (i < layout.charts()) {
                String symbol = i < symbols.size() ? symbols.get(i).trim() : symbols.isEmpty() ? c.symbol() : "";
                List<String> studies = c.studies();
                if (o.chart() != null && (o.chart().panes() != null || o.chart().overlays() != null)) {
                    List<Study> current = new ArrayList<>();
                    for (String text : c.studies()) {
                        try {
                            current.add(StudyText.parse(text));
                        } catch (IllegalArgumentException e) {
                            // An unknown study is left out, as when a chart loads it.
                        }
                    }
                    studies = o.chart().applyTo(current).stream()
                            .map(StudyText::formatFull)
                            .toList();
                }
                c = new ChartSpec(
                        feed != null ? feed : c.feed(),
                        symbol,
                        o.interval() != null ? o.interval().label() : c.timeframe(),
                        o.chart() != null && o.chart().chartType() != null
                                ? o.chart().chartType().id()
                                : c.chartType(),
                        o.chart() != null && o.chart().scale() != null
                                ? o.chart().scale().id()
                                : c.scale(),
                        studies,
                        null);
            }
            charts.add(c);
        }
        saved.charts().stream().filter(c -> c.detached() != null).forEach(charts::add);
        List<String> recent = new ArrayList<>(saved.recentUrls());
        if (feed != null && !feed.url().isBlank()) {
            String safe = ChartViewModel.keyOf(feed);
            recent.remove(safe);
            recent.add(0, safe);
        }
        return new Workspace(
                        saved.version(),
                        layout,
                        o.layout() != null ? 0 : saved.activeChart(),
                        saved.syncCrosshair(),
                        saved.syncSymbol(),
                        charts,
                        saved.watchlist(),
                        saved.alerts(),
                        saved.alertLog(),
                        saved.drawings(),
                        saved.savedFeeds(),
                        recent.subList(0, Math.min(8, recent.size())),
                        saved.window(),
                        withDisplay(saved.ui(), o.display()))
                .normalized();
    }

    /** The saved app settings with the zone and language of {@code --zone} and {@code --lang} on top. */
    private static com.klinelive.workspace.UiSpec withDisplay(
            com.klinelive.workspace.UiSpec ui, DisplayOptions display) {
        if (display == null) {
            return ui;
        }
        return new com.klinelive.workspace.UiSpec(
                ui.dark(),
                display.zone() != null ? display.zone() : ui.zone(),
                display.language() != null ? display.language().getLanguage() : ui.language(),
                ui.watchlistOpen(),
                ui.alertLogOpen());
    }

    /** Prints, once, how long after the JVM started the active chart first showed live candles. */
    private void reportFirstLiveFrame() {
        long jvmStart =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        var chart = window.activeChart();
        if (chart == null) {
            return;
        }
        // The chart sets its visible range as it draws a frame: the first with candles is the first live frame.
        chart.visibleRangeProperty().addListener(new ChangeListener<VisibleRange>() {
            @Override
            public void changed(ObservableValue<? extends VisibleRange> o, VisibleRange was, VisibleRange is) {
                if (is.count() > 0) {
                    System.out.println("startup first_live_frame_ms=" + (System.currentTimeMillis() - jvmStart));
                    o.removeListener(this);
                }
            }
        });
    }

    /** The window's stats line and the FX thread's CPU per pulse. */
    private String statsLine() {
        return window.statsLine() + (pulses == null ? "" : " " + pulses);
    }

    private void finish() {
        if (options.snapshot() != null) {
            try {
                window.files().exportPngTo(options.snapshot());
                System.out.println("snapshot " + options.snapshot());
            } catch (IOException | RuntimeException e) {
                System.err.println("could not write the snapshot " + options.snapshot() + ": " + e.getMessage());
            }
        }
        window.quit();
    }

    /** After the window closed: the last stats line, the feeds and the timers closed. */
    void stop() {
        timers.forEach(FxTimer.Scheduled::cancel);
        if (options.stats() && window != null) {
            System.out.println(String.format(Locale.ROOT, "%s", statsOnFx()));
        }
        ahead.forEach(FeedSessions.Lease::close);
        sessions.close();
        background.shutdown();
    }

    private String statsOnFx() {
        if (Platform.isFxApplicationThread()) {
            return statsLine();
        }
        java.util.concurrent.CompletableFuture<String> line = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> line.complete(statsLine()));
        try {
            return line.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return "stats unavailable";
        }
    }
}
