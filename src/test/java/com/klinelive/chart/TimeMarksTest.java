package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Timeframe;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Outage and repair marks drawn as bands on the time axis of a real chart, and explained on hover. */
class TimeMarksTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 400;
    private static final Color OUTAGE = Color.web("#ff7043");
    private static final Color REPAIR = Color.web("#4fc3f7");

    private final FxRobot robot = new FxRobot();
    private SyntheticBook market;
    private CandleChart chart;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws TimeoutException {
        market = new SyntheticBook("MARKUSD", 100, 7).walk(T0, T0 + CANDLES * MINUTE, 15_000);
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.M1);
            Stage s = new Stage();
            s.setScene(new Scene(chart, 900, 600));
            s.show();
            s.toFront();
            return s;
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void bandsShowInTheirColoursWhereTheirStretchesAreAndNowhereElse() throws Exception {
        FrameWait.nextFrame(chart);
        VisibleRange range = chart.getVisibleRange();
        int down = range.first() + 10;
        int repaired = range.first() + 30;
        TimeMark outage = new TimeMark(
                TimeMark.Kind.OUTAGE, time(down), time(down + 5), false, "no feed for 5 min (WebSocket closed)");
        // Five seconds inside one candle: narrower than a candle, still at least three pixels.
        TimeMark repair = new TimeMark(
                TimeMark.Kind.REPAIR, time(repaired) + 20_000, time(repaired) + 25_000, false, "3 trades fetched");
        long frames = chart.frameStats().snapshot().frames();
        robot.interact(() -> chart.getTimeMarks().setAll(outage, repair));
        // Setting the marks alone draws a frame: nothing else marked the chart.
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> chart.frameStats().snapshot().frames() > frames);
        WaitForAsyncUtils.waitForFxEvents();

        Bands bands = bands();
        if (System.getProperty("marks.png") != null) {
            ImageIO.write(
                    SwingFXUtils.fromFXImage(bands.image, null), "png", new File(System.getProperty("marks.png")));
        }
        double outageFrom = x(down);
        double outageTo = x(down + 5);
        assertColour(OUTAGE, bands.outageRow((outageFrom + outageTo) / 2), "the outage's middle");
        assertColour(OUTAGE, bands.outageRow(outageFrom + 1.5), "the outage's first candle");
        assertColour(OUTAGE, bands.outageRow(outageTo - 1.5), "the outage's last candle");
        assertNotColour(OUTAGE, bands.outageRow(outageFrom - 3), "before the outage");
        assertNotColour(OUTAGE, bands.outageRow(outageTo + 3), "after the outage");
        assertNotColour(REPAIR, bands.repairRow((outageFrom + outageTo) / 2), "no repair under the outage");

        double repairAt = x(repaired + 22.5 / 60);
        assertColour(REPAIR, bands.repairRow(repairAt), "the repair");
        assertNotColour(REPAIR, bands.repairRow(repairAt - 4), "before the repair");
        assertNotColour(REPAIR, bands.repairRow(repairAt + 4), "after the repair");
        assertNotColour(OUTAGE, bands.outageRow(repairAt), "no outage over the repair");
        assertEquals(2, bands.count(OUTAGE, REPAIR), "two bands and nothing else");

        // Marks before the visible candles and after the newest draw nothing.
        TimeMark before = new TimeMark(TimeMark.Kind.OUTAGE, time(2), time(8), false, "long ago");
        TimeMark later = new TimeMark(TimeMark.Kind.REPAIR, time(CANDLES + 500), time(CANDLES + 510), false, "later");
        robot.interact(() -> chart.getTimeMarks().setAll(before, later));
        FrameWait.nextFrame(chart);
        assertEquals(0, bands().count(OUTAGE, REPAIR), "bands of marks off screen");

        // An ongoing outage reaches to the newest candle.
        TimeMark ongoing = new TimeMark(TimeMark.Kind.OUTAGE, time(CANDLES - 20), time(CANDLES - 20), true, "down");
        robot.interact(() -> chart.getTimeMarks().setAll(ongoing));
        FrameWait.nextFrame(chart);
        Bands now = bands();
        assertColour(OUTAGE, now.outageRow(x(CANDLES - 19)), "the ongoing outage's start");
        assertColour(OUTAGE, now.outageRow(x(CANDLES) - 1.5), "the ongoing outage at the newest candle");
        assertNotColour(OUTAGE, now.outageRow(x(CANDLES - 20) - 3), "before the ongoing outage");
    }

    @Test
    void hoveringABandExplainsItInTheChartsZone() throws Exception {
        robot.interact(() -> chart.setZone(ZoneId.of("America/New_York")));
        FrameWait.nextFrame(chart);
        int down = chart.getVisibleRange().first() + 20;
        TimeMark outage = new TimeMark(
                TimeMark.Kind.OUTAGE, time(down) + 5_000, time(down + 3) + 7_000, false, "no feed for 3 min (stale)");
        robot.interact(() -> chart.getTimeMarks().setAll(outage));
        FrameWait.nextFrame(chart);
        Label tip = (Label) chart.lookup("." + ChartStyles.TIME_MARK_TIP);
        assertFalse(tip.isVisible(), "no explanation before the pointer comes");

        Node axis = chart.lookup("." + ChartStyles.TIME_AXIS);
        robot.moveTo(onAxis(axis, x(down + 1.5), 2));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, tip::isVisible);
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("America/New_York"));
        String text = tip.getText();
        assertTrue(text.contains("Feed down: no feed for 3 min (stale)"), text);
        assertTrue(text.contains(clock.format(Instant.ofEpochMilli(outage.fromMillis()))), text);
        assertTrue(text.contains(clock.format(Instant.ofEpochMilli(outage.toMillis()))), text);
        if (System.getProperty("marks.png") != null) {
            AtomicReference<WritableImage> shot = new AtomicReference<>();
            robot.interact(() -> shot.set(chart.snapshot(null, null)));
            ImageIO.write(
                    SwingFXUtils.fromFXImage(shot.get(), null),
                    "png",
                    new File(System.getProperty("marks.png").replace(".png", "-hover.png")));
        }

        robot.moveTo(onAxis(axis, x(down + 20), 2));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tip.isVisible());
    }

    /** The start of candle {@code index} of the book. */
    private static long time(double index) {
        return T0 + Math.round(index * MINUTE);
    }

    /** Plot x of candle position {@code index} in the chart's current view. */
    private double x(double index) {
        AtomicReference<Viewport> view = new AtomicReference<>();
        robot.interact(() -> view.set(((CandleChartSkin) chart.getSkin()).currentView()));
        return view.get().x(index);
    }

    private static Point2D onAxis(Node axis, double x, double y) {
        AtomicReference<Point2D> at = new AtomicReference<>();
        new FxRobot().interact(() -> at.set(axis.localToScreen(x, y)));
        return at.get();
    }

    /** The two rows of bands, read from a snapshot of the chart. */
    private Bands bands() {
        AtomicReference<Bands> bands = new AtomicReference<>();
        robot.interact(() -> {
            Node canvas = chart.lookup("." + ChartStyles.TIME_MARKS);
            Bounds at = canvas.getBoundsInParent();
            bands.set(new Bands(chart.snapshot(null, null), at.getMinX(), at.getMinY(), at.getWidth()));
        });
        return bands.get();
    }

    private record Bands(WritableImage image, double left, double top, double width) {

        Color outageRow(double x) {
            return at(x, TimeMarkLayer.ROW / 2);
        }

        Color repairRow(double x) {
            return at(x, TimeMarkLayer.ROW * 1.5);
        }

        Color at(double x, double y) {
            return image.getPixelReader().getColor((int) Math.floor(left + x), (int) Math.floor(top + y));
        }

        /** How many runs of either colour lie along either row. */
        int count(Color... colours) {
            int runs = 0;
            for (double y : new double[] {TimeMarkLayer.ROW / 2, TimeMarkLayer.ROW * 1.5}) {
                boolean inside = false;
                for (int x = 0; x < (int) width; x++) {
                    Color c = at(x, y);
                    boolean marked = List.of(colours).stream().anyMatch(m -> close(m, c));
                    if (marked && !inside) {
                        runs++;
                    }
                    inside = marked;
                }
            }
            return runs;
        }
    }

    private static void assertColour(Color expected, Color actual, String where) {
        assertTrue(close(expected, actual), where + ": " + actual + " is not " + expected);
    }

    private static void assertNotColour(Color unexpected, Color actual, String where) {
        assertFalse(close(unexpected, actual), where + ": " + actual + " is " + unexpected);
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06
                && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }
}
