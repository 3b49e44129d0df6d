package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.FrameStats;
import com.klinelive.workspace.FeedSpec;
import com.klinelive.workspace.WindowSpec;
import com.klinelive.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's main window: menu, toolbar and drawing tools acting on the active chart, the layout's charts, the
 * watchlist, the alert log and the status bar of the active chart's feed; charts in windows of their own beside
 * it. Everything here runs on the FX thread; feeds open and close on background threads (the sessions), and feed
 * events reach a chart only as a dirty mark.
 *
 * <p>Longer than most: it puts the window together (each part is a class of its own: toolbar, drawing bar, chart
 * grid, watchlist, alert log, status bar, {@link WindowFiles} for the file dialogs) and keeps the parts on the active
 * chart; what is left here is the wiring between them, the window's upkeep and its closing.
 */
final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    static final String STYLESHEET = MainWindow.class.getResource("app.css").toExternalForm();

    private final Stage stage;
    private final WorkspaceViewModel workspace;
    private final WorkspaceStore store;
    private final ExecutorService background;
    private final Theme theme;
    private final MainToolbar toolbar;
    private final ChartGrid grid;
    private final DrawingBar drawingBar;
    private final WatchlistPanel watchlistPanel;
    private final AlertLogPanel alertLog;
    private final Label statsOverlay = new Label();
    private final SplitPane center = new SplitPane();
    private final VBox bottom = new VBox();
    private final StatusBar statusBar;
    private final PlayerBar playerBar;
    private final List<ChartWindow> ownWindows = new java.util.ArrayList<>();
    private final CrosshairSync crosshairSync;
    private final WindowFiles files;
    private boolean closed;

    MainWindow(Stage stage, WorkspaceViewModel workspace, WorkspaceStore store, ExecutorService background) {
        this.stage = stage;
        this.workspace = workspace;
        this.store = store;
        this.background = background;
        this.theme = new Theme(workspace.darkProperty());
        this.toolbar = new MainToolbar(workspace);
        this.drawingBar = new DrawingBar(workspace.i18n());
        this.crosshairSync = new CrosshairSync(workspace, this::viewOf);
        this.files = new WindowFiles(stage, workspace, store, background, this::activeChart, this::bounds);
        this.grid = new ChartGrid(workspace, this::newView);
        this.watchlistPanel = new WatchlistPanel(
                workspace.watchlist(),
                workspace.i18n(),
                () -> workspace.active() == null
                        ? List.of()
                        : List.copyOf(workspace.active().symbols()),
                () -> workspace.active() == null ? "" : workspace.active().feedKey());
        this.alertLog = new AlertLogPanel(workspace.alerts(), workspace.i18n(), workspace.zoneProperty()::get);
        this.statusBar = new StatusBar(workspace.status());
        this.playerBar = new PlayerBar(workspace.i18n(), workspace.zoneProperty()::get);
        toolbar.onOpenFeed(this::openFeedDialog);

        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(new MainMenu(this, workspace).bar(), toolbar.node()));
        statsOverlay.getStyleClass().add("stats-overlay");
        statsOverlay.setVisible(false);
        statsOverlay.setMouseTransparent(true);
        StackPane charts = new StackPane(grid, statsOverlay);
        StackPane.setAlignment(statsOverlay, javafx.geometry.Pos.TOP_LEFT);
        center.getItems().add(charts);
        root.setCenter(center);
        root.setLeft(drawingBar.node());
        root.setBottom(bottom);
        workspace.watchlistOpenProperty().addListener((o, was, is) -> showPanels());
        workspace.alertLogOpenProperty().addListener((o, was, is) -> showPanels());
        showPanels();
        workspace.activeProperty().addListener((o, was, is) -> activeChanged());
        workspace.detachedCharts().addListener((ListChangeListener<ChartViewModel>) c -> openOwnWindows());

        WindowSpec bounds = workspace.window();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(
                root, Math.min(bounds.width(), screen.getWidth()), Math.min(bounds.height(), screen.getHeight()));
        stage.setScene(scene);
        theme.applyTo(scene);
        theme.applyEverywhere();
        stage.setTitle("KLine Live");
        if (bounds.placed() && onScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        Icons.apply(stage);
        stage.setOnHidden(e -> close());
        activeChanged();
        openOwnWindows();
    }

    private ChartView newView(ChartViewModel model) {
        ChartView view = new ChartView(model, workspace, () -> openInOwnWindow(model));
        theme.applyTo(view.chart());
        crosshairSync.attach(view.chart());
        // The chart's times and texts follow the window's zone and language; unbound as the view goes.
        view.chart().zoneProperty().bind(workspace.zoneProperty());
        view.chart().localeProperty().bind(workspace.i18n().localeProperty());
        view.onDispose(() -> {
            crosshairSync.detach(view.chart());
            view.chart().zoneProperty().unbind();
            view.chart().localeProperty().unbind();
        });
        return view;
    }

    /** The view of {@code chart}, in the grid or in a window of its own; null when none shows it. */
    ChartView viewOf(ChartViewModel chart) {
        ChartView view = grid.viewOf(chart);
        if (view != null) {
            return view;
        }
        return ownWindows.stream()
                .filter(w -> w.model() == chart)
                .map(ChartWindow::view)
                .findFirst()
                .orElse(null);
    }

    /** Every chart view on screen: the grid's, then those in their own windows. */
    List<ChartView> views() {
        List<ChartView> all = new java.util.ArrayList<>(grid.shown());
        ownWindows.forEach(w -> all.add(w.view()));
        return all;
    }

    /** The active chart's control, or null. */
    CandleChart activeChart() {
        ChartView view = workspace.active() == null ? null : viewOf(workspace.active());
        return view == null ? null : view.chart();
    }

    private void activeChanged() {
        ChartViewModel active = workspace.active();
        drawingBar.show(activeChart());
        playerBar.show(active);
        String symbol = active == null ? "" : active.symbolProperty().get();
        stage.setTitle((symbol == null || symbol.isEmpty() ? "" : symbol + " · ") + "KLine Live");
    }

    private void showPanels() {
        if (workspace.watchlistOpenProperty().get() && !center.getItems().contains(watchlistPanel)) {
            center.getItems().add(watchlistPanel);
            // The watchlist at its own width; it keeps it when the window is resized, the charts take the rest.
            SplitPane.setResizableWithParent(watchlistPanel, false);
            placeWatchlistDivider();
        } else if (!workspace.watchlistOpenProperty().get()) {
            center.getItems().remove(watchlistPanel);
        }
        bottom.getChildren()
                .setAll(
                        workspace.alertLogOpenProperty().get()
                                ? List.of(alertLog, playerBar, statusBar)
                                : List.of(playerBar, statusBar));
    }

    private void placeWatchlistDivider() {
        double width = center.getWidth();
        if (width <= 0) {
            // Not laid out yet: once it has a width.
            center.widthProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    center.widthProperty().removeListener(this);
                    placeWatchlistDivider();
                }
            });
            return;
        }
        center.setDividerPositions(Math.max(0.5, 1 - watchlistPanel.prefWidth(-1) / width));
    }

    void openInOwnWindow(ChartViewModel chart) {
        workspace.openInOwnWindow(chart, WindowSpec.at(stage.getX() + 40, stage.getY() + 40, 900, 600, false));
    }

    private void openOwnWindows() {
        for (ChartViewModel chart : workspace.detachedCharts()) {
            if (ownWindows.stream().noneMatch(w -> w.model() == chart)) {
                ChartWindow window = new ChartWindow(chart, workspace, newView(chart), theme, () -> {
                    ownWindows.removeIf(w -> w.model() == chart);
                    if (!closed) {
                        workspace.closeOwnWindow(chart);
                    }
                });
                ownWindows.add(window);
            }
        }
    }

    /** File, Open recording: plays a tick recording in the active chart, with the player's controls. */
    void openRecording() {
        ChartViewModel active = workspace.active();
        if (active == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(workspace.i18n().text("recording.title"));
        java.io.File file = chooser.showOpenDialog(stage);
        if (file != null) {
            openRecording(file.toPath());
        }
    }

    /** Plays {@code file} in the active chart (automation and tests: no dialog). */
    void openRecording(Path file) {
        ChartViewModel active = workspace.active();
        if (active != null) {
            active.openRecording(
                    file,
                    background,
                    problem -> workspace.status().message(workspace.i18n().text("recording.failed", problem)));
        }
    }

    /** File, Record ticks: writes every trade of the active chart's feed to a file, until asked to stop. */
    void toggleTickRecording() {
        ChartViewModel active = workspace.active();
        FeedSession session = active == null ? null : active.session();
        if (session == null) {
            return;
        }
        if (session.recorder() instanceof com.klinelive.recording.TickFileWriter writing) {
            session.recorder(null);
            background.execute(() -> {
                String text;
                try {
                    writing.close();
                    text = workspace.i18n().text("recording.stopped", writing.recorded());
                } catch (java.io.IOException e) {
                    text = workspace.i18n().text("export.failed", e.getMessage());
                }
                String message = text;
                Platform.runLater(() -> workspace.status().message(message));
            });
            return;
        }
        Path file = files.choose("menu.file.recordticks", "ticks.klt", "KLine Live ticks", "*.klt");
        if (file != null) {
            try {
                session.recorder(com.klinelive.recording.TickFileWriter.open(file));
                workspace.status().message(workspace.i18n().text("recording.writing", session.displayName(), file));
            } catch (java.io.IOException e) {
                workspace.status().message(workspace.i18n().text("export.failed", e.getMessage()));
            }
        }
    }

    /** Opens the "Open feed" dialog (Ctrl+O) and connects the active chart to what it gives. */
    void openFeedDialog() {
        ChartViewModel active = workspace.active();
        OpenFeedDialog dialog =
                new OpenFeedDialog(workspace.i18n(), active == null ? FeedSpec.EMBEDDED : active.feed());
        dialog.initOwner(stage);
        dialog.showAndWait().ifPresent(spec -> {
            workspace.saveFeed(spec);
            workspace.connectActive(spec);
        });
    }

    Stage stage() {
        return stage;
    }

    WorkspaceViewModel workspace() {
        return workspace;
    }

    MainToolbar toolbar() {
        return toolbar;
    }

    /** Exports, imports and their file dialogs. */
    WindowFiles files() {
        return files;
    }

    Theme theme() {
        return theme;
    }

    /** The periodic upkeep, once a second: status bar, watchlist, stats overlay, crosshair sync. */
    void refresh() {
        if (closed || stage.isIconified()) {
            // Nobody sees it; the labels, set only when their text changes, catch up once the window is restored.
            return;
        }
        workspace.refresh(System.currentTimeMillis());
        playerBar.refresh();
        if (statsOverlay.isVisible()) {
            statsOverlay.setText(statsLine().replace(' ', '\n').replaceFirst("stats\n", ""));
        }
    }

    void toggleStatsOverlay() {
        statsOverlay.setVisible(!statsOverlay.isVisible());
    }

    /**
     * One line of figures measured inside the app over every chart on screen: the slowest chart's frame rate, the
     * worst frame time and tick-to-pixel latency of any, and the ticks a second of every feed open.
     */
    String statsLine() {
        double fps = Double.MAX_VALUE;
        double frameP99 = 0;
        double tickP50 = 0;
        double tickP99 = 0;
        long frames = 0;
        long kept = 0;
        List<ChartView> views = views();
        for (ChartView view : views) {
            FrameStats.Snapshot s = view.chart().frameStats().snapshot();
            frames += s.frames();
            kept += view.chart().frameStats().keptFrames();
            fps = Math.min(fps, s.fps());
            frameP99 = Math.max(frameP99, s.frameMillisP99());
            tickP50 = Math.max(tickP50, s.tickToPixelMillisP50());
            tickP99 = Math.max(tickP99, s.tickToPixelMillisP99());
        }
        Set<FeedSession> sessions = new HashSet<>();
        for (ChartViewModel chart : workspace.allCharts()) {
            if (chart.session() != null) {
                sessions.add(chart.session());
            }
        }
        double rate = sessions.stream()
                .mapToDouble(s -> s.client().metrics().ticksPerSecond())
                .sum();
        return String.format(
                Locale.ROOT,
                "stats fps=%.1f frame_ms_p99=%.2f tick_to_pixel_ms_p50=%.2f tick_to_pixel_ms_p99=%.2f ticks_per_s=%.0f"
                        + " charts=%d feeds=%d layers_kept=%.2f",
                views.isEmpty() ? 0 : fps,
                frameP99,
                tickP50,
                tickP99,
                rate,
                views.size(),
                sessions.size(),
                frames == 0 ? 0 : (double) kept / frames);
    }

    /** The main window's bounds, for the workspace file. */
    WindowSpec bounds() {
        return WindowSpec.at(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** Saves the workspace now; a failure is a message, never a lost window. */
    void save() {
        try {
            store.save(workspace.toWorkspace(bounds()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("the workspace could not be saved to {}: {}", store.file(), e.toString());
        }
    }

    /** File, Quit: saves, closes every window and lets the app end; the feeds close in the background. */
    void quit() {
        close();
        stage.close();
    }

    private void close() {
        if (closed) {
            return;
        }
        save();
        closed = true;
        // A focused text field's caret blinks with an animation, which goes on pulsing after its window closed.
        stage.getScene().getRoot().requestFocus();
        for (ChartWindow window : List.copyOf(ownWindows)) {
            window.close();
        }
        crosshairSync.dispose();
        workspace.dispose();
    }

    private static boolean onScreen(WindowSpec b) {
        return !Screen.getScreensForRectangle(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()))
                .isEmpty();
    }
}
