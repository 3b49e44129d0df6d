package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.workspace.ChartSpec;
import com.klinelive.workspace.Workspace;
import com.klinelive.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real viewer window, headless, against the real simulator on a free port. */
class ViewerAppTest {

    @TempDir
    Path dir;

    private SimServer sim;
    private Preferences prefs;
    private ViewerApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(11).withRate(30).withHistory(Duration.ofHours(6)));
        prefs = Preferences.userRoot().node("klinelive-test-" + System.nanoTime());
        app = launch(new ViewerOptions(sim.uri().toString(), "ETHUSDT", Timeframe.M1, null, null, false, null));
    }

    @AfterEach
    void stop() throws Exception {
        close(app);
        prefs.removeNode();
        sim.close();
    }

    /**
     * Starts the app on a stage of its own, not TestFX's shared primary stage: the app configures its stage (icons,
     * handlers, size) and other UI tests must get theirs untouched.
     */
    private ViewerApp launch(ViewerOptions options) throws Exception {
        FxToolkit.registerPrimaryStage();
        ViewerApp viewer = new ViewerApp(options, store(), prefs);
        robot.interact(() -> viewer.start(new javafx.stage.Stage()));
        return viewer;
    }

    private WorkspaceStore store() {
        return new WorkspaceStore(dir.resolve("config").resolve(WorkspaceStore.FILE_NAME));
    }

    private void close(ViewerApp viewer) {
        robot.interact(() -> viewer.window().quit());
        viewer.stop();
    }

    /** The workspace the app saved when it closed. */
    private Workspace saved() {
        WorkspaceStore.Loaded loaded = store().load();
        assertTrue(loaded.existed(), "the workspace was saved");
        return loaded.workspace();
    }

    @Test
    void connectsToTheSimulatorAndShowsLiveCandlesOfTheChosenSymbol() {
        CandleChart chart = chart();
        waitFor(
                10_000,
                () -> onFx(
                        () -> chart.getBook() != null && chart.getVisibleRange().count() > 50),
                () -> "no candles: " + onFx(() -> text("#feed-state")));

        assertEquals("ETHUSDT", onFx(() -> chart.getBook().symbol()));
        waitFor(5_000, () -> onFx(() -> text("#feed-state")).startsWith("live"), () -> onFx(() -> text("#feed-state")));
        assertEquals("WebSocket", onFx(() -> text(".transport-badge")));
        long before = onFx(() -> chart.getBook().version());
        waitFor(5_000, () -> onFx(() -> chart.getBook().version()) > before, () -> "no live ticks");
        assertTrue(onFx(() -> chart.frameStats().snapshot().frames()) > 0, "the chart draws frames");
    }

    @Test
    void typingInTheSymbolBoxNarrowsTheListAndEnterShowsTheFirstMatch() {
        CandleChart chart = chart();
        waitFor(
                10_000,
                () -> onFx(() -> chart.getBook() != null
                        && ((ComboBox<?>) app.window().stage().getScene().lookup("#symbol"))
                                        .getItems()
                                        .size()
                                == 3),
                () -> "no symbols");
        robot.doubleClickOn("#symbol .text-field").eraseText(12).write("so");
        waitFor(
                5_000,
                () -> onFx(() -> List.copyOf(
                                ((ComboBox<?>) app.window().stage().getScene().lookup("#symbol")).getItems()))
                        .equals(List.of("SOLUSDT")),
                () -> "not narrowed to SOLUSDT");
        assertEquals(
                "so",
                onFx(() -> ((ComboBox<?>) app.window().stage().getScene().lookup("#symbol"))
                        .getEditor()
                        .getText()));
        robot.type(KeyCode.ENTER);
        waitFor(5_000, () -> onFx(() -> chart.getBook().symbol()).equals("SOLUSDT"), () -> "not SOLUSDT");
        waitFor(
                5_000,
                () -> onFx(() -> ((ComboBox<?>) app.window().stage().getScene().lookup("#symbol")).getValue())
                        .equals("SOLUSDT"),
                () -> "the box does not name the symbol shown");
    }

    @Test
    void switchingTimeframeRedrawsFromTheSameTicksAndIsRemembered() throws Exception {
        CandleChart chart = chart();
        waitFor(10_000, () -> onFx(() -> chart.getVisibleRange().count() > 0), () -> "no candles");

        robot.clickOn("#tf-5m");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Timeframe.M5, onFx(chart::getTimeframe));
        waitFor(5_000, () -> onFx(() -> chart.getVisibleRange().count() > 0), () -> "no 5m candles");
        List<Candle> fives = onFx(() -> chart.getBook().candles(Timeframe.M5, 10));
        assertTrue(fives.stream().allMatch(c -> c.time() % Timeframe.M5.millis() == 0));
        close(app);
        assertEquals("5m", saved().charts().get(0).timeframe());
        app = launch(new ViewerOptions(sim.uri().toString(), null, null, null, null, false, null));
    }

    @Test
    void chartFlagsSetTheChartAndAreRememberedForTheNextStart() throws Exception {
        close(app);
        ChartOptions flags = ChartOptions.parse("volume,rsi,macd", "sma:20,sma:50,ema:50", "heikin-ashi", "log");
        app = launch(new ViewerOptions(sim.uri().toString(), null, null, null, null, false, null, flags));
        CandleChart chart = chart();
        List<String> expected = List.of("sma:20", "sma:50", "ema:50", "volume", "rsi:14", "macd:12:26:9");
        assertEquals(
                expected,
                onFx(() -> chart.getStudies().stream().map(StudyText::format).toList()));
        assertEquals("heikin-ashi", onFx(() -> chart.getChartType().id()));
        assertEquals(ScaleMode.LOG, onFx(chart::getScaleMode));
        waitFor(10_000, () -> onFx(() -> chart.getVisibleRange().count() > 0), () -> "no candles");
        waitFor(5_000, () -> onFx(() -> chart.lookup(".pane.macd") != null), () -> "no MACD pane");
        close(app);

        app = launch(new ViewerOptions(sim.uri().toString(), null, null, null, null, false, null));
        CandleChart again = chart();
        assertEquals(
                expected,
                onFx(() -> again.getStudies().stream().map(StudyText::format).toList()));
        assertEquals("heikin-ashi", onFx(() -> again.getChartType().id()));
        assertEquals(ScaleMode.LOG, onFx(again::getScaleMode));
    }

    @Test
    void aTrendLineDrawnMovedAndUndoneIsFoundBackAtTheSameTimeAndPriceAfterARestart() throws Exception {
        CandleChart chart = chart();
        waitFor(10_000, () -> onFx(() -> chart.getVisibleRange().count() > 50), () -> "no candles");
        robot.clickOn("#draw-trend");
        javafx.geometry.Bounds plot = onFx(() -> {
            javafx.scene.Node pane = chart.lookup(".plot");
            return pane.localToScreen(pane.getBoundsInLocal());
        });
        javafx.geometry.Point2D from = new javafx.geometry.Point2D(
                plot.getMinX() + plot.getWidth() * 0.35, plot.getMinY() + plot.getHeight() * 0.35);
        javafx.geometry.Point2D to = new javafx.geometry.Point2D(
                plot.getMinX() + plot.getWidth() * 0.65, plot.getMinY() + plot.getHeight() * 0.65);
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(to)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(5_000, () -> onFx(() -> chart.getDrawings().size() == 1), () -> "no drawing");
        Drawing drawn = onFx(() -> chart.getDrawings().get(0));
        assertEquals("trend", drawn.tool().id());

        // The magnet put the points on the candles' prices: grab the line where it is, halfway between them.
        javafx.geometry.Point2D middle = onFx(() ->
                screenOf(chart, drawn).get(0).midpoint(screenOf(chart, drawn).get(1)));
        robot.drag(middle, javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(20, 15)
                .moveBy(20, 15)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(5_000, () -> !onFx(() -> chart.getDrawings().get(0)).equals(drawn), () -> "not moved");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(5_000, () -> onFx(() -> chart.getDrawings()).equals(List.of(drawn)), () -> "not undone");
        close(app);

        app = launch(new ViewerOptions(sim.uri().toString(), null, null, null, null, false, null));
        CandleChart again = chart();
        waitFor(10_000, () -> onFx(() -> again.getBook() != null), () -> "no book");
        assertEquals("ETHUSDT", onFx(() -> again.getBook().symbol()));
        assertEquals(List.of(drawn), onFx(() -> List.copyOf(again.getDrawings())));
    }

    /** Where a drawing's points are on the screen, by the chart's axes and candles. FX thread. */
    private static List<javafx.geometry.Point2D> screenOf(CandleChart chart, Drawing drawing) {
        javafx.scene.layout.Region surface = (javafx.scene.layout.Region) chart.lookup(".crosshair");
        com.klinelive.chart.PriceAxis axis = (com.klinelive.chart.PriceAxis) chart.lookup(".price-axis");
        com.klinelive.chart.scale.Viewport view = new com.klinelive.chart.scale.Viewport(
                chart.getVisibleRange().count(), surface.getWidth(), chart.getBarSpacing(), chart.getRightOffset());
        long period = chart.getTimeframe().millis();
        return drawing.anchors().stream()
                .map(a -> {
                    double index = chart.getBook().read(chart.getTimeframe(), c -> {
                        int i = c.ceilingIndex(a.time() + 1) - 1;
                        return i + (double) (a.time() - c.time(i)) / period;
                    });
                    return surface.localToScreen(view.x(index), axis.scale().y(a.price()));
                })
                .toList();
    }

    @Test
    void settingsPersistAndRestoreAcrossRuns() throws Exception {
        robot.clickOn("#tf-15m");
        robot.clickOn("#indicators");
        robot.clickOn("#add-sma");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            app.window().stage().setWidth(1111);
            app.window().stage().setHeight(777);
        });
        close(app);

        Workspace saved = saved();
        ChartSpec chartSpec = saved.charts().get(0);
        assertEquals("15m", chartSpec.timeframe());
        assertEquals(
                List.of("volume", "sma:20"),
                chartSpec.studies().stream()
                        .map(t -> StudyText.format(StudyText.parse(t)))
                        .toList());
        assertEquals("ETHUSDT", chartSpec.symbol());
        assertEquals(1111, saved.window().width(), 1.0);
        assertEquals(List.of(sim.uri().toString()), saved.recentUrls());

        app = launch(new ViewerOptions(sim.uri().toString(), null, null, null, null, false, null));
        CandleChart chart = chart();
        assertEquals(Timeframe.M15, onFx(chart::getTimeframe));
        assertEquals(
                List.of("volume", "sma:20"),
                onFx(() -> chart.getStudies().stream().map(StudyText::format).toList()));
        waitFor(10_000, () -> onFx(() -> chart.getBook() != null), () -> "no book");
        assertEquals("ETHUSDT", onFx(() -> chart.getBook().symbol()));
        // The URL given is the last one used and first of the recent ones: remembering it again must not
        // disturb the URL box, whose action would connect again (to the embedded simulator, with its text gone).
        String feed = sim.uri().getAuthority();
        waitFor(5_000, () -> onFx(() -> text("#feed-name")).contains(feed), () -> onFx(() -> text("#feed-name")));
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(onFx(() -> text("#feed-name")).contains(feed), () -> onFx(() -> text("#feed-name")));
        assertEquals(
                sim.uri().toString(),
                onFx(() -> app.window().toolbar().url().getEditor().getText()));
        assertEquals(
                List.of(sim.uri().toString()),
                onFx(() -> app.window().toolbar().url().getItems()));
    }

    @Test
    void exportsThePictureAndTheCandlesWithoutLosingAnything() throws Exception {
        CandleChart chart = chart();
        waitFor(10_000, () -> onFx(() -> chart.getVisibleRange().count() > 10), () -> "no candles");
        Path png = dir.resolve("chart.png");
        Path csv = dir.resolve("candles.csv");

        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        robot.interact(() -> {
            try {
                app.window().workspace().zone(newYork.getId());
                app.window().files().exportPngTo(png);
                assertTrue(app.window().files().exportCsvTo(csv));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });

        byte[] header = Files.readAllBytes(png);
        assertTrue(header.length > 1_000 && header[1] == 'P' && header[2] == 'N' && header[3] == 'G');
        List<String> lines = Files.readAllLines(csv);
        assertEquals(CandleCsv.HEADER, lines.get(0));
        assertTrue(lines.size() > 100, "history and live candles: " + lines.size());
        // The times are the chart's zone's, with the offset: the same moments as the book's candles.
        long oldest = onFx(() -> chart.getBook()
                .candles(chart.getTimeframe(), Integer.MAX_VALUE)
                .get(0)
                .time());
        java.time.OffsetDateTime first =
                java.time.OffsetDateTime.parse(lines.get(1).split(",")[0]);
        assertEquals(newYork.getRules().getOffset(first.toInstant()), first.getOffset(), lines.get(1));
        assertEquals(oldest, first.toInstant().toEpochMilli(), lines.get(1));
    }

    @Test
    void inTheRealWindowTheUserZoomsPansAndGoesLiveWhileTicksArrive() {
        CandleChart chart = chart();
        waitFor(10_000, () -> onFx(() -> chart.getVisibleRange().count() > 50), () -> "no candles");
        javafx.scene.layout.Region surface = onFx(() -> (javafx.scene.layout.Region) chart.lookup(".crosshair"));
        javafx.geometry.Bounds panes = onFx(() -> surface.localToScreen(surface.getBoundsInLocal()));
        javafx.geometry.Point2D middle = new javafx.geometry.Point2D(panes.getCenterX(), panes.getCenterY());

        double spacing = onFx(chart::getBarSpacing);
        robot.moveTo(middle).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        if (onFx(chart::getBarSpacing) == spacing) {
            robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(onFx(chart::getBarSpacing) != spacing, "the wheel zooms");

        robot.drag(middle, javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(250, 0)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!onFx(chart::isFollowLive), "dragging into history stops following");
        javafx.scene.control.Button goLive = onFx(() -> (javafx.scene.control.Button) chart.lookup(".go-live"));
        waitFor(3_000, () -> onFx(goLive::isVisible), () -> "no Go live button");

        robot.clickOn(goLive);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(
                3_000,
                () -> onFx(() -> chart.isFollowLive() && chart.getVisibleRange().showsNewest()),
                () -> "not live again");

        robot.moveTo(middle);
        WaitForAsyncUtils.waitForFxEvents();
        String legend = onFx(() -> ((Label) chart.lookup(".legend")).getText());
        assertTrue(legend.matches("O [0-9.,]+ +H [0-9.,]+ +L [0-9.,]+ +C [0-9.,]+ +V .*%.*"), legend);
    }

    @Test
    void aBadUrlIsAClearMessageAndTheAppStaysUsable() {
        robot.clickOn("#feed-url").eraseText(60);
        robot.write("ftp://nowhere").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(
                onFx(() -> text("#status-message")).contains("unsupported scheme 'ftp'"),
                onFx(() -> text("#status-message")));
        robot.clickOn("#tf-1h");
        assertEquals(Timeframe.H1, onFx(() -> chart().getTimeframe()));
    }

    @Test
    void legendTextsAreNeverCutShortWhileTicksChangeThem() throws Exception {
        // One-second candles: the legend's text changes with nearly every tick, and its length with many.
        close(app);
        app = launch(new ViewerOptions(sim.uri().toString(), "BTCUSDT", Timeframe.S1, null, null, false, null));
        CandleChart chart = chart();
        waitFor(10_000, () -> onFx(() -> chart.getVisibleRange().count() > 0), () -> "no candles");
        // Compared after each pulse's layout, as the frame is drawn: a text set between pulses shows at the next.
        List<String> cut = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
        Runnable check = () -> {
            pulses.incrementAndGet();
            for (String query : new String[] {".legend-title", ".legend"}) {
                Label label = (Label) chart.lookup(query);
                String shown = ((javafx.scene.text.Text) label.lookup(".text")).getText();
                if (!shown.equals(label.getText())) {
                    cut.add(label.getText() + " shown as " + shown);
                }
            }
        };
        onFx(() -> {
            chart.getScene().addPostLayoutPulseListener(check);
            return null;
        });
        waitFor(10_000, () -> pulses.get() >= 100, () -> pulses.get() + " pulses");
        onFx(() -> {
            chart.getScene().removePostLayoutPulseListener(check);
            return null;
        });
        assertEquals(List.of(), cut);
    }

    private CandleChart chart() {
        return onFx(() -> (CandleChart) app.window().stage().getScene().lookup(".candle-chart"));
    }

    private String text(String query) {
        return ((Label) app.window().stage().getScene().lookup(query)).getText();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
