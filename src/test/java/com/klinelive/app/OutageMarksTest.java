package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.ChartStyles;
import com.klinelive.chart.TimeMark;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.feed.TcpProxy;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real outage in the viewer: the feed's connection is cut behind a proxy that then stalls, the chart marks the
 * outage on its time axis while it lasts, and once the feed is back the mark covers the cut, in the outage colour.
 */
class OutageMarksTest {

    private static final String SYMBOL = "BTCUSDT";
    private static final Color DARK_OUTAGE = Color.web("#ff7043");
    private static final Color LIGHT_OUTAGE = Color.web("#e64a19");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final Preferences prefs = Preferences.userRoot().node("klinelive-marks-test-" + System.nanoTime());
    private ViewerApp app;
    private SimServer sim;
    private TcpProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            robot.interact(() -> app.window().quit());
            app.stop();
        }
        prefs.removeNode();
        if (proxy != null) {
            proxy.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aCutFeedIsMarkedOnTheActiveChartsTimeAxisWhileDownAndAfter() throws Exception {
        sim = SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(41)
                .withRate(50)
                .withHistory(Duration.ofHours(3))
                .withSymbols(List.of(SYMBOL)));
        proxy = new TcpProxy(sim.uri().getPort());
        FxToolkit.registerPrimaryStage();
        app = new ViewerApp(
                new ViewerOptions(proxy.url(), SYMBOL, Timeframe.M1, null, null, false, null),
                new WorkspaceStore(dir.resolve("config").resolve(WorkspaceStore.FILE_NAME)),
                prefs);
        app.openAhead();
        robot.interact(() -> app.start(new javafx.stage.Stage()));
        waitFor(
                30_000,
                () -> onFx(() -> chart().getBook() != null
                        && chart().getBook().historySeq(Timeframe.M1) >= 0
                        && chart().getVisibleRange().count() > 20),
                () -> "no history");
        assertEquals(List.of(), onFx(() -> List.copyOf(chart().getTimeMarks())), "no marks before the cut");

        long cutAt = System.currentTimeMillis();
        proxy.stall(true);
        proxy.cutAll();
        waitFor(
                30_000,
                () -> outage().filter(TimeMark::ongoing).isPresent(),
                () -> "no ongoing outage on the chart: " + onFx(() -> List.copyOf(chart().getTimeMarks())));
        TimeMark ongoing = outage().orElseThrow();
        assertTrue(ongoing.fromMillis() >= cutAt - 1_000, ongoing + " begins at the cut");
        waitFor(10_000, () -> !outageRuns().isEmpty(), () -> "the ongoing outage is not drawn");

        proxy.stall(false);
        waitFor(
                60_000,
                () -> outage().filter(m -> !m.ongoing()).isPresent(),
                () -> "the outage never ended: " + onFx(() -> List.copyOf(chart().getTimeMarks())));
        TimeMark ended = outage().orElseThrow();
        assertEquals(ongoing.fromMillis(), ended.fromMillis(), "the same outage, ended");
        assertTrue(ended.toMillis() > cutAt, ended + " covers the cut");
        assertTrue(ended.text().startsWith("no feed for "), ended.text());

        // Drawn where the outage began, in the outage colour, and nowhere else.
        double from = onFx(() -> xOf(ended.fromMillis()));
        waitFor(
                10_000,
                () -> {
                    List<double[]> runs = outageRuns();
                    return runs.size() == 1 && runs.get(0)[0] <= from + 2 && runs.get(0)[1] >= from - 2;
                },
                () -> "outage bands " + describe(outageRuns()) + ", the outage begins at x " + from);
    }

    private CandleChart chart() {
        return app.window().activeChart();
    }

    /** The newest outage on the active chart, if any. */
    private Optional<TimeMark> outage() {
        return onFx(() -> chart().getTimeMarks().stream()
                .filter(m -> m.kind() == TimeMark.Kind.OUTAGE)
                .reduce((a, b) -> b));
    }

    /** Plot x of {@code time} in the active chart's view: the 1m candles of the simulator have no holes. */
    private double xOf(long time) {
        CandleChart chart = chart();
        Node canvas = chart.lookup("." + ChartStyles.TIME_MARKS);
        double width = canvas.getLayoutBounds().getWidth();
        int count = chart.getVisibleRange().count();
        long first = chart.getBook().read(Timeframe.M1, c -> c.time(0));
        Viewport view = new Viewport(count, width, chart.getBarSpacing(), chart.getRightOffset()).clamped();
        return view.x((double) (time - first) / 60_000);
    }

    /** The runs of the outage colour along the outage row of the time axis, as {from, to} plot x. */
    private List<double[]> outageRuns() {
        return onFx(() -> {
            CandleChart chart = chart();
            Color outage = chart.getStyleClass().contains(ChartStyles.LIGHT) ? LIGHT_OUTAGE : DARK_OUTAGE;
            Node canvas = chart.lookup("." + ChartStyles.TIME_MARKS);
            Bounds at = canvas.getBoundsInParent();
            WritableImage image = chart.snapshot(null, null);
            int y = (int) Math.floor(at.getMinY() + 1);
            List<double[]> runs = new ArrayList<>();
            for (int x = 0; x < (int) at.getWidth(); x++) {
                Color c = image.getPixelReader().getColor((int) at.getMinX() + x, y);
                boolean marked = Math.abs(c.getRed() - outage.getRed()) < 0.06
                        && Math.abs(c.getGreen() - outage.getGreen()) < 0.06
                        && Math.abs(c.getBlue() - outage.getBlue()) < 0.06;
                if (marked && (runs.isEmpty() || runs.get(runs.size() - 1)[1] < x - 1)) {
                    runs.add(new double[] {x, x});
                } else if (marked) {
                    runs.get(runs.size() - 1)[1] = x;
                }
            }
            return runs;
        });
    }

    private static String describe(List<double[]> runs) {
        return runs.stream().map(r -> r[0] + "-" + r[1]).toList().toString();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
