package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.alert.AlertCondition;
import com.klinelive.alert.PriceAlert;
import com.klinelive.chart.CandleChart;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.workspace.AlertLogEntry;
import com.klinelive.workspace.Layout;
import com.klinelive.workspace.Workspace;
import com.klinelive.workspace.WorkspaceStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuBar;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspace window, headless, against real feeds on free ports: four charts sharing one connection with their
 * crosshairs in sync, and price alerts fired by a scripted feed, also with the window iconified, kept across a
 * restart.
 */
class WorkspaceWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final Preferences prefs = Preferences.userRoot().node("klinelive-ws-test-" + System.nanoTime());
    private ViewerApp app;
    private SimServer sim;
    private WebSocketServer scripted;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            close(app);
        }
        prefs.removeNode();
        if (sim != null) {
            sim.close();
        }
        if (scripted != null) {
            scripted.stop(1_000);
        }
    }

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
        app = null;
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fourChartsOnOneSimulatorShareOneConnectionAndSyncTheirCrosshairs() throws Exception {
        sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(5).withRate(40).withHistory(Duration.ofHours(3)));
        app = launch(new ViewerOptions(
                sim.uri().toString(),
                "BTCUSDT,ETHUSDT,SOLUSDT,ETHUSDT",
                com.klinelive.model.Timeframe.M1,
                null,
                null,
                false,
                null,
                null,
                false,
                ChartOptions.NONE,
                Layout.FOUR));
        List<ChartView> views = onFx(() -> app.window().views());
        assertEquals(4, views.size());
        waitFor(
                15_000,
                () -> onFx(() -> views.stream()
                        .allMatch(v -> v.chart().getBook() != null
                                && v.chart().getVisibleRange().count() > 20)),
                () -> "not every chart shows candles");
        assertEquals(
                List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "ETHUSDT"),
                onFx(() -> views.stream().map(v -> v.chart().getBook().symbol()).toList()));
        assertEquals(1, sim.stats().webSocketsOpened(), "one connection for the four charts");
        assertEquals(1, sim.stats().webSockets());
        assertTrue(onFx(() -> app.window().statsLine()).contains("charts=4 feeds=1"));

        robot.interact(() -> app.window().workspace().syncCrosshairProperty().set(true));
        CandleChart first = views.get(0).chart();
        Point2D inside = onFx(() -> {
            javafx.scene.Node plot = first.lookup(".crosshair");
            Bounds b = plot.localToScreen(plot.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.4);
        });
        robot.moveTo(inside);
        waitFor(5_000, () -> onFx(() -> first.pointerTimeProperty().get()) != CandleChart.NO_TIME, () -> "no time");
        long time = onFx(() -> first.pointerTimeProperty().get());
        waitFor(
                5_000,
                () -> onFx(() ->
                        views.subList(1, 4).stream().allMatch(v -> v.chart().getLinkedTime() == time)),
                () -> "not every chart shows " + time);
        waitFor(
                5_000,
                () -> onFx(() -> views.subList(1, 4).stream()
                        .allMatch(v -> v.chart().lookup(".crosshair-line").isVisible())),
                () -> "a synced chart shows no crosshair line");

        close(app);
        Workspace saved = store().load().workspace();
        assertEquals(Layout.FOUR, saved.layout());
        assertTrue(saved.syncCrosshair());
        assertEquals(
                List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "ETHUSDT"),
                saved.charts().stream().map(c -> c.symbol()).toList());
    }

    @Test
    void zoneAndLanguageFromTheCommandLineReachEveryChartTheMenusAndTheCsvAndAreRemembered() throws Exception {
        sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(7).withRate(20).withHistory(Duration.ofHours(2)));
        ZoneId newYork = ZoneId.of("America/New_York");
        app = launch(new ViewerOptions(
                sim.uri().toString(),
                "BTCUSDT,ETHUSDT",
                com.klinelive.model.Timeframe.M1,
                null,
                null,
                false,
                null,
                null,
                false,
                ChartOptions.NONE,
                Layout.TWO_SIDE_BY_SIDE,
                false,
                DisplayOptions.parse("america/new_york", "zh-CN")));
        List<ChartView> views = onFx(() -> app.window().views());
        assertEquals(2, views.size());
        for (ChartView view : views) {
            assertEquals(newYork, onFx(() -> view.chart().getZone()));
            assertEquals("zh", onFx(() -> view.chart().getLocale().getLanguage()));
        }
        assertEquals(
                "文件",
                onFx(() -> ((MenuBar) app.window().stage().getScene().lookup(".menu-bar"))
                        .getMenus()
                        .get(0)
                        .getText()));
        waitFor(15_000, () -> onFx(() -> views.get(0).chart().getVisibleRange().count() > 10), () -> "no candles");

        Path csv = dir.resolve("candles.csv");
        assertTrue(onFx(() -> app.window().files().exportCsvTo(csv)));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        String first = lines.get(1).substring(0, lines.get(1).indexOf(','));
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(first);
        assertEquals(newYork.getRules().getOffset(time.toInstant()), time.getOffset(), first);

        robot.interact(() -> {
            app.window().workspace().zone("UTC");
            app.window().workspace().language("en");
        });
        for (ChartView view : views) {
            assertEquals(ZoneId.of("UTC"), onFx(() -> view.chart().getZone()));
            assertEquals("en", onFx(() -> view.chart().getLocale().getLanguage()));
        }
        robot.interact(() -> app.window().workspace().zone("Asia/Shanghai"));
        close(app);
        Workspace saved = store().load().workspace();
        assertEquals("Asia/Shanghai", saved.ui().zone());
        assertEquals("en", saved.ui().language());
    }

    /** A feed of mapped JSON whose trades the test sends one by one, at the prices it chooses. */
    private String startScriptedFeed() throws Exception {
        scripted = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {}

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

            @Override
            public void onMessage(WebSocket conn, String message) {}

            @Override
            public void onError(WebSocket conn, Exception ex) {}

            @Override
            public void onStart() {}
        };
        scripted.setReuseAddr(true);
        scripted.start();
        waitFor(5_000, () -> scripted.getPort() > 0, () -> "no server");
        return "ws://127.0.0.1:" + scripted.getPort() + "/";
    }

    private long seq;

    private void trade(double price) {
        long now = System.currentTimeMillis();
        scripted.broadcast("{\"s\":\"XYZ\",\"i\":" + (++seq) + ",\"t\":" + now + ",\"p\":" + price + ",\"q\":1}");
    }

    private static FeedArgs mapped() {
        FeedArgs args = new FeedArgs();
        args.format = "json";
        args.fields.put("symbol", "s");
        args.fields.put("seq", "i");
        args.fields.put("time", "t");
        args.fields.put("price", "p");
        args.fields.put("size", "q");
        return args;
    }

    @Test
    void anAlertFiresOnceAtTheCrossingTickEvenIconifiedAndIsStillThereAfterARestart() throws Exception {
        String url = startScriptedFeed();
        ViewerOptions options =
                new ViewerOptions(url, null, null, null, null, false, null, mapped(), false, ChartOptions.NONE, null);
        app = launch(options);
        waitFor(10_000, () -> scripted.getConnections().size() == 1, () -> "the viewer did not connect");
        trade(99);
        waitFor(
                10_000,
                () -> onFx(() -> "XYZ"
                        .equals(app.window()
                                .workspace()
                                .active()
                                .symbolProperty()
                                .get())),
                () -> "no symbol");
        String feed = onFx(() -> app.window().workspace().active().feedKey());
        PriceAlert once =
                onFx(() -> app.window().workspace().alerts().add(feed, "XYZ", 100, AlertCondition.CROSSES_UP, false));
        PriceAlert every =
                onFx(() -> app.window().workspace().alerts().add(feed, "XYZ", 50, AlertCondition.BELOW, true));
        // Both show on the chart as marked lines, with their conditions.
        assertEquals(
                List.of(
                        new com.klinelive.chart.PriceLevel(100, "Alert: crosses up 100.000"),
                        new com.klinelive.chart.PriceLevel(50, "Alert: below 50.0000")),
                onFx(() -> List.copyOf(app.window().activeChart().getPriceLevels())));
        robot.interact(() -> app.window().stage().setIconified(true));
        assertTrue(onFx(() -> app.window().stage().isIconified()));
        // Nobody sees the chart: its feed is read in bunches (the alerts below fire all the same).
        assertTrue(
                onFx(() -> app.window().workspace().active().session().client().isBackground()));

        trade(99.5);
        trade(100.25); // crosses: fires here, at this tick
        trade(99);
        trade(101); // crosses again: a one-shot alert is spent
        waitFor(
                10_000,
                () -> onFx(() -> app.window().workspace().alerts().log().size()) >= 1,
                () -> "the alert did not fire");
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        List<AlertLogEntry> log =
                onFx(() -> List.copyOf(app.window().workspace().alerts().log()));
        assertEquals(1, log.size(), "once-mode fires exactly once: " + log);
        assertEquals(100.25, log.get(0).price(), "at the tick that crossed");
        assertEquals(
                List.of(every),
                onFx(() -> List.copyOf(app.window().workspace().alerts().alerts())));
        assertTrue(!once.equals(every));
        assertEquals(
                List.of(new com.klinelive.chart.PriceLevel(50, "Alert: below 50.0000")),
                onFx(() -> List.copyOf(app.window().activeChart().getPriceLevels())),
                "the spent alert's line is gone");
        robot.interact(() -> app.window().stage().setIconified(false));
        assertFalse(
                onFx(() -> app.window().workspace().active().session().client().isBackground()));
        close(app);

        app = launch(options);
        assertEquals(1, (int) onFx(() -> app.window().workspace().alerts().log().size()), "the log survives");
        assertEquals(
                100.25,
                onFx(() -> app.window().workspace().alerts().log().get(0).price()));
        assertEquals(
                List.of(every),
                onFx(() -> List.copyOf(app.window().workspace().alerts().alerts())));
        waitFor(10_000, () -> scripted.getConnections().size() == 1, () -> "the viewer did not connect again");
        trade(49); // the every-time alert, restored, still fires
        waitFor(10_000, () -> onFx(() -> app.window().workspace().alerts().log().size()) == 2, () -> "not fired");
    }
}
