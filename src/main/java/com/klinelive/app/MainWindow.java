package com.klinelive.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.ChartStyles;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.indicator.Indicator;
import com.klinelive.chart.indicator.Study;
import com.klinelive.feed.FeedEndpoint;
import com.klinelive.feed.FeedListener;
import com.klinelive.model.Candle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's window: wires the toolbar, the chart and the status bar to a {@link FeedSession}. Everything here
 * runs on the FX thread; opening and closing sessions (sockets, the embedded server) runs on a background
 * thread, and feed events reach the chart only as a dirty mark.
 */
final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    static final String STYLESHEET = MainWindow.class.getResource("app.css").toExternalForm();

    private final Stage stage;
    private final Settings settings;
    private final CandleChart chart = new CandleChart();
    private final StatusViewModel status = new StatusViewModel();
    private final MainToolbar toolbar;
    private final Label statsOverlay = new Label();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "viewer-sessions");
        t.setDaemon(true);
        return t;
    });
    private final Timeline refresh;
    private FeedSession session;
    private javax.net.ssl.SSLContext ssl;
    private String feedArgsUrl = "";
    private FeedArgs feedArgs;
    private volatile String shownSymbol;
    /** The feed the drawings belong to with {@link #shownSymbol}: the URL given, empty for the simulator. */
    private String shownFeed = "";

    private boolean loadingDrawings;
    private long connectGeneration;
    /** The URL of the last connect, empty for the embedded simulator: the feed the drawings belong to. */
    private String lastConnectUrl = "";

    MainWindow(Stage stage, Settings settings) {
        this.stage = stage;
        this.settings = settings;
        this.toolbar = new MainToolbar(settings);
        chart.setTimeframe(settings.timeframe());
        chart.getStudies().setAll(settings.studies());
        chart.setChartType(settings.chartType());
        chart.setScaleMode(settings.scaleMode());

        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(new MainMenu(this).bar(), toolbar.node()));
        statsOverlay.getStyleClass().add("stats-overlay");
        statsOverlay.setVisible(false);
        statsOverlay.setMouseTransparent(true);
        StackPane center = new StackPane(chart, statsOverlay);
        StackPane.setAlignment(statsOverlay, javafx.geometry.Pos.TOP_LEFT);
        root.setCenter(center);
        root.setLeft(new DrawingBar(chart).node());
        root.setBottom(new StatusBar(status));

        Settings.WindowBounds bounds = settings.windowOr(defaultBounds());
        Scene scene = new Scene(root, bounds.width(), bounds.height());
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("KLine Live");
        if (!Double.isNaN(bounds.x()) && onScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        Icons.apply(stage);
        applyTheme(settings.dark());
        bindToolbar();

        refresh = new Timeline(new KeyFrame(Duration.millis(250), e -> refreshStatus()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        stage.setOnHidden(e -> shutdown());
    }

    Stage stage() {
        return stage;
    }

    CandleChart chart() {
        return chart;
    }

    StatusViewModel status() {
        return status;
    }

    MainToolbar toolbar() {
        return toolbar;
    }

    /** TLS settings for the feeds connected from now on (the {@code --trust-store} option). */
    void useSsl(javax.net.ssl.SSLContext context) {
        ssl = context;
    }

    /** The format arguments of the command line, for {@code url} only: another URL is recognised afresh. */
    void useFeedArgs(String url, FeedArgs args) {
        feedArgsUrl = url == null ? "" : url.trim();
        feedArgs = args;
    }

    /** Connects to {@code url}, or to the embedded simulator when it is blank. A bad URL is a message, no more. */
    void connect(String url) {
        String trimmed = url == null ? "" : url.trim();
        if (!trimmed.isEmpty()) {
            try {
                FeedEndpoint.parse(trimmed);
            } catch (IllegalArgumentException e) {
                status.message("Bad feed URL: " + e.getMessage());
                return;
            }
        }
        status.message("");
        toolbar.showUrl(trimmed);
        lastConnectUrl = trimmed;
        long generation = ++connectGeneration;
        FeedSession previous = session;
        session = null;
        chart.setBook(null);
        status.clear();
        toolbar.setConnected(true);
        FeedListener listener = new FeedListener() {
            @Override
            public void onSymbols(List<String> symbols) {
                Platform.runLater(() -> symbolsOffered(generation, symbols));
            }

            @Override
            public void onCandles(String symbol, long receivedNanos) {
                if (symbol.equals(shownSymbol)) {
                    chart.markDirty(receivedNanos);
                }
            }
        };
        CompletableFuture.supplyAsync(
                        () -> {
                            if (previous != null) {
                                previous.close();
                            }
                            FeedSession early = FeedSession.takeAhead(trimmed, listener);
                            FeedArgs args = trimmed.equals(feedArgsUrl) ? feedArgs : null;
                            return early != null ? early : FeedSession.open(trimmed, ssl, args, List.of(listener));
                        },
                        background)
                .whenComplete((opened, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        status.message(FeedErrorText.of(error));
                        toolbar.setConnected(false);
                    } else if (generation != connectGeneration) {
                        background.execute(opened::close);
                    } else {
                        session = opened;
                        status.feed(opened.displayName());
                        settings.lastUrl(trimmed);
                        toolbar.rememberUrl(Settings.safeUrl(trimmed));
                        // A session opened ahead may have named its symbols before this window listened.
                        if (!opened.client().symbols().isEmpty()) {
                            symbolsOffered(generation, opened.client().symbols());
                        }
                    }
                }));
    }

    /** Closes the connection; the chart keeps what it shows. */
    void disconnect() {
        connectGeneration++;
        FeedSession previous = session;
        session = null;
        toolbar.setConnected(false);
        status.clear();
        if (previous != null) {
            background.execute(previous::close);
        }
    }

    private void symbolsOffered(long generation, List<String> symbols) {
        if (generation != connectGeneration) {
            return;
        }
        toolbar.symbols().setItems(FXCollections.observableArrayList(symbols));
        String wanted = toolbar.symbols().getValue();
        if (wanted == null || !symbols.contains(wanted)) {
            wanted = symbols.contains(settings.symbol()) ? settings.symbol() : symbols.get(0);
        }
        toolbar.symbols().setValue(wanted);
        showSymbol(wanted);
    }

    private void showSymbol(String symbol) {
        FeedSession current = session;
        if (symbol == null || current == null) {
            return;
        }
        shownSymbol = symbol;
        shownFeed = lastConnectUrl;
        loadingDrawings = true;
        try {
            chart.getDrawings().setAll(settings.drawings(shownFeed, symbol));
            chart.forgetDrawingHistory();
        } finally {
            loadingDrawings = false;
        }
        chart.setBook(current.aggregator().bookFor(symbol));
        chart.setOnNeedOlder(ChartScrollBack.handler(current.scrollBack()));
        stage.setTitle(symbol + " · " + chart.getTimeframe().label() + " — KLine Live");
        settings.symbol(symbol);
    }

    private void bindToolbar() {
        toolbar.onConnect(this::connect);
        toolbar.onDisconnect(this::disconnect);
        toolbar.symbols().valueProperty().addListener((obs, was, is) -> {
            if (is != null && !is.equals(shownSymbol)) {
                showSymbol(is);
            }
        });
        toolbar.timeframe().set(chart.getTimeframe());
        toolbar.timeframe().addListener((obs, was, is) -> {
            if (is != null) {
                chart.setTimeframe(is);
                settings.timeframe(is);
                if (shownSymbol != null) {
                    stage.setTitle(shownSymbol + " · " + is.label() + " — KLine Live");
                }
            }
        });
        toolbar.onAddIndicator(this::addIndicator);
        chart.getStudies().addListener((ListChangeListener<Study>) c -> settings.studies(chart.getStudies()));
        chart.chartTypeProperty().addListener((o, was, is) -> settings.chartType(is));
        chart.getDrawings().addListener((ListChangeListener<Drawing>) c -> {
            if (!loadingDrawings && shownSymbol != null) {
                settings.drawings(shownFeed, shownSymbol, chart.getDrawings());
            }
        });
        chart.scaleModeProperty().addListener((o, was, is) -> settings.scaleMode(is));
        toolbar.chartType().valueProperty().bindBidirectional(chart.chartTypeProperty());
        toolbar.onToggleTheme(() -> applyTheme(!settings.dark()));
    }

    void applyTheme(boolean dark) {
        settings.dark(dark);
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
        chart.getStyleClass().removeAll(ChartStyles.DARK, ChartStyles.LIGHT);
        chart.getStyleClass().add(dark ? ChartStyles.DARK : ChartStyles.LIGHT);
        stage.getScene().getRoot().getStyleClass().removeAll("dark", "light");
        stage.getScene().getRoot().getStyleClass().add(dark ? "dark" : "light");
        toolbar.showTheme(dark);
    }

    /** Starts the chart as the command line says; what it says is remembered. */
    void apply(ChartOptions options) {
        chart.getStudies().setAll(options.applyTo(chart.getStudies()));
        if (options.chartType() != null) {
            chart.setChartType(options.chartType());
        }
        if (options.scale() != null) {
            chart.setScaleMode(options.scale());
        }
    }

    /** Adds {@code indicator} with its defaults, in colours the chart's other studies leave free. */
    void addIndicator(Indicator indicator) {
        chart.getStudies().add(Study.of(indicator).apartFrom(chart.getStudies()));
    }

    void toggleStatsOverlay() {
        statsOverlay.setVisible(!statsOverlay.isVisible());
    }

    /** One line of figures measured inside the app: frame rate, frame time, tick-to-pixel latency, tick rate. */
    String statsLine() {
        FeedSession current = session;
        double rate = current == null ? 0 : current.client().metrics().ticksPerSecond();
        return "stats " + chart.frameStats().snapshot()
                + String.format(java.util.Locale.ROOT, " ticks_per_s=%.0f", rate);
    }

    void exportPng() {
        Path file = choose("Export chart as PNG", "chart.png", "PNG image", "*.png");
        if (file != null) {
            javafx.scene.image.WritableImage image = Exports.snapshot(chart);
            runInBackground("exported " + file.getFileName(), () -> Exports.writePng(image, file));
        }
    }

    void exportCsv() {
        if (chart.getBook() == null) {
            status.message("Nothing to export yet");
            return;
        }
        // The symbol comes from the feed: keep only characters that are safe in any file name.
        String name = shownSymbol.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + chart.getTimeframe().label() + ".csv";
        Path file = choose("Export candles as CSV", name, "CSV", "*.csv");
        if (file != null) {
            List<Candle> candles = chart.getBook().candles(chart.getTimeframe(), Integer.MAX_VALUE);
            runInBackground("exported " + candles.size() + " candles", () -> Exports.writeCsv(candles, file));
        }
    }

    void copySnapshot() {
        Exports.copy(Exports.snapshot(chart));
        status.message("Chart copied to the clipboard");
    }

    /** Writes a PNG of the whole window, without a dialog (automation). FX thread. */
    void exportPngTo(Path file) throws java.io.IOException {
        Exports.writePng(Exports.snapshot(stage.getScene().getRoot()), file);
    }

    /** Writes the shown candles as CSV, without a dialog; false when nothing is shown yet. */
    boolean exportCsvTo(Path file) throws java.io.IOException {
        if (chart.getBook() == null) {
            return false;
        }
        Exports.writeCsv(chart.getBook().candles(chart.getTimeframe(), Integer.MAX_VALUE), file);
        return true;
    }

    private Path choose(String title, String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        java.io.File file = chooser.showSaveDialog(stage);
        return file == null ? null : file.toPath();
    }

    private void runInBackground(String done, IoAction action) {
        background.execute(() -> {
            String text;
            try {
                action.run();
                text = done;
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("export failed", e);
                text = "Export failed: " + e.getMessage();
            }
            String message = text;
            Platform.runLater(() -> status.message(message));
        });
    }

    private interface IoAction {
        void run() throws java.io.IOException;
    }

    private void refreshStatus() {
        FeedSession current = session;
        if (current != null) {
            status.update(current.client().status(), current.client().metrics());
        }
        if (statsOverlay.isVisible()) {
            statsOverlay.setText(statsLine().replace(' ', '\n').replaceFirst("stats\n", ""));
        }
    }

    private void shutdown() {
        refresh.stop();
        settings.saveWindow(new Settings.WindowBounds(
                stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        settings.flush();
        FeedSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
        background.shutdown();
    }

    private static Settings.WindowBounds defaultBounds() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Settings.WindowBounds(
                Double.NaN, Double.NaN, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()), false);
    }

    private static boolean onScreen(Settings.WindowBounds b) {
        return !Screen.getScreensForRectangle(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()))
                .isEmpty();
    }
}
