package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drawings placed, moved, deleted and undone with the mouse and keys in a real window. */
class DrawingsTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 500;

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
        market = new SyntheticBook("TESTUSD", 100, 5).walk(T0, T0 + CANDLES * MINUTE, 15_000);
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.M1);
            chart.setMagnet(false);
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
    void aTrendLineIsDrawnAtTheTimeAndPriceUnderThePointerMovedUndoneAndDeleted() throws Exception {
        awaitFrame();
        robot.interact(() -> chart.setDrawingTool(DrawingTools.byId("trend").orElseThrow()));
        Point2D from = inPrices(0.3, 0.3);
        Point2D to = inPrices(0.6, 0.6);
        robot.drag(from, MouseButton.PRIMARY)
                .moveTo(inPrices(0.45, 0.45))
                .moveTo(to)
                .release(MouseButton.PRIMARY);
        awaitFrame();
        assertEquals(1, chart.getDrawings().size());
        assertEquals(null, chart.getDrawingTool(), "placing a drawing puts the tool down");
        Drawing drawn = chart.getDrawings().get(0);
        assertAnchorAt(drawn.anchors().get(0), from);
        assertAnchorAt(drawn.anchors().get(1), to);

        // Zoom and pan leave it on its moment and price.
        robot.interact(() -> chart.setBarSpacing(chart.getBarSpacing() * 1.5));
        awaitFrame();
        assertEquals(drawn, chart.getDrawings().get(0));

        // Drag its middle: both points move by the same moment and price.
        Point2D middle = screenOf(midpoint(drawn));
        robot.drag(middle, MouseButton.PRIMARY).moveBy(30, 20).moveBy(30, 20).release(MouseButton.PRIMARY);
        awaitFrame();
        Drawing moved = chart.getDrawings().get(0);
        long dt0 = moved.anchors().get(0).time() - drawn.anchors().get(0).time();
        long dt1 = moved.anchors().get(1).time() - drawn.anchors().get(1).time();
        assertTrue(dt0 > 0, "moved right: " + dt0);
        assertEquals(dt0, dt1, MINUTE / 10.0, "both points by the same time");
        assertTrue(moved.anchors().get(0).price() < drawn.anchors().get(0).price(), "moved down");

        robot.clickOn(chart);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitFrame();
        assertEquals(List.of(drawn), chart.getDrawings(), "undo puts it back");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        awaitFrame();
        assertEquals(List.of(moved), chart.getDrawings(), "redo moves it again");

        robot.clickOn(screenOf(midpoint(moved)));
        robot.type(KeyCode.DELETE);
        awaitFrame();
        assertEquals(List.of(), chart.getDrawings());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitFrame();
        assertEquals(List.of(moved), chart.getDrawings(), "undo brings a deleted drawing back");
    }

    @Test
    void theMagnetSnapsToTheCandlesPricesAndEscapePutsTheToolDown() throws Exception {
        awaitFrame();
        robot.interact(() -> {
            chart.setMagnet(true);
            chart.setDrawingTool(DrawingTools.byId("horizontal").orElseThrow());
        });
        robot.clickOn(inPrices(0.5, 0.5));
        awaitFrame();
        Anchor at = chart.getDrawings().get(0).anchors().get(0);
        int index = market.book().read(Timeframe.M1, c -> c.ceilingIndex(at.time() + 1) - 1);
        double[] ohlc = market.book()
                .read(Timeframe.M1, c -> new double[] {c.open(index), c.high(index), c.low(index), c.close(index)});
        assertTrue(
                java.util.Arrays.stream(ohlc).anyMatch(p -> p == at.price()),
                at.price() + " is one of " + java.util.Arrays.toString(ohlc));

        robot.interact(() -> chart.setDrawingTool(DrawingTools.byId("rectangle").orElseThrow()));
        robot.type(KeyCode.ESCAPE);
        assertEquals(null, chart.getDrawingTool());
        robot.clickOn(inPrices(0.2, 0.2));
        awaitFrame();
        assertEquals(1, chart.getDrawings().size(), "without a tool a click places nothing");
    }

    private void assertAnchorAt(Anchor anchor, Point2D screen) {
        PriceAxis axis = (PriceAxis) chart.lookup("." + ChartStyles.PRICE_AXIS);
        Point2D local = surface().screenToLocal(screen);
        double price = axis.scale().value(local.getY());
        double pricePerPixel =
                (axis.scale().max() - axis.scale().min()) / axis.scale().height();
        assertEquals(price, anchor.price(), 1.5 * pricePerPixel, "price under the pointer");
        com.klinelive.chart.scale.Viewport view = new com.klinelive.chart.scale.Viewport(
                chart.getVisibleRange().count(), surface().getWidth(), chart.getBarSpacing(), chart.getRightOffset());
        double index = view.index(local.getX());
        long expected = market.book()
                .read(
                        Timeframe.M1,
                        c -> c.time((int) Math.floor(index)) + Math.round((index - Math.floor(index)) * MINUTE));
        assertEquals(expected, anchor.time(), 1.5 * MINUTE / chart.getBarSpacing(), "time under the pointer");
    }

    private static Anchor midpoint(Drawing d) {
        Anchor a = d.anchors().get(0);
        Anchor b = d.anchors().get(1);
        return new Anchor((a.time() + b.time()) / 2, (a.price() + b.price()) / 2);
    }

    /** Where {@code anchor} is on the screen, by the chart's axes. */
    private Point2D screenOf(Anchor anchor) {
        PriceAxis axis = (PriceAxis) chart.lookup("." + ChartStyles.PRICE_AXIS);
        double y = axis.scale().y(anchor.price());
        com.klinelive.chart.scale.Viewport view = new com.klinelive.chart.scale.Viewport(
                chart.getVisibleRange().count(), surface().getWidth(), chart.getBarSpacing(), chart.getRightOffset());
        double index = market.book().read(Timeframe.M1, c -> {
            int i = c.ceilingIndex(anchor.time() + 1) - 1;
            return i + (double) (anchor.time() - c.time(i)) / MINUTE;
        });
        return surface().localToScreen(view.x(index), y);
    }

    private javafx.scene.layout.Region surface() {
        return (javafx.scene.layout.Region) chart.lookup("." + ChartStyles.CROSSHAIR);
    }

    /** A point over the price pane, at fractions of its size, in screen coordinates. */
    private Point2D inPrices(double fx, double fy) {
        Bounds b = chart.lookup("." + ChartStyles.PLOT)
                .localToScreen(chart.lookup("." + ChartStyles.PLOT).getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    private void awaitFrame() throws TimeoutException {
        FrameWait.nextFrame(chart);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
