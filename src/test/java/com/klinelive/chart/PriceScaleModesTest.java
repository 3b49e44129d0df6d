package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The price axis in linear, logarithmic and percent mode, stretched by dragging and fitted again, in a window. */
class PriceScaleModesTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 400;

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
        // A price that grows a hundredfold over the candles on screen: where a log scale differs most.
        market = new SyntheticBook("GROWTH", 100, 3);
        for (int i = 0; i < CANDLES; i++) {
            double price = 100 * Math.exp(Math.log(100) * i / (CANDLES - 1));
            market.trade(T0 + i * MINUTE, price * 0.995, 1);
            market.trade(T0 + i * MINUTE + 30_000, price * 1.005, 1);
            market.trade(T0 + i * MINUTE + 59_000, price, 1);
        }
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.M1);
            chart.getStudies().clear();
            chart.setBarSpacing(2);
            Stage s = new Stage();
            s.setScene(new Scene(chart, 1000, 640));
            s.show();
            return s;
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void aLogScalePutsItsTicksAtThePixelsOfTheirLogarithm() throws Exception {
        robot.interact(() -> chart.setScaleMode(ScaleMode.LOG));
        awaitFrame();
        WaitForAsyncUtils.waitForFxEvents();
        PriceAxis axis = priceAxis();
        PriceScale scale = axis.scale();
        assertTrue(scale.log());
        List<Axis.TickMark<Number>> marks = axis.getTickMarks();
        assertTrue(marks.size() >= 6, "ticks: " + marks.size());
        double height = axis.getHeight();
        assertEquals(scale.height(), height, 1);
        for (Axis.TickMark<Number> mark : marks) {
            double price = Double.parseDouble(axis.labelAt(mark.getValue()));
            double expected = height * Math.log(scale.max() / price) / Math.log(scale.max() / scale.min());
            assertEquals(expected, mark.getPosition(), 0.5, "tick " + axis.labelAt(mark.getValue()));
        }
        // Equal ratios at equal heights: the ticks are linear in the logarithm of their price, not in the price.
        Axis.TickMark<Number> top = marks.get(marks.size() - 1);
        Axis.TickMark<Number> bottom = marks.get(0);
        double perLog = (bottom.getPosition() - top.getPosition())
                / Math.log(Double.parseDouble(axis.labelAt(top.getValue()))
                        / Double.parseDouble(axis.labelAt(bottom.getValue())));
        double perPrice = (bottom.getPosition() - top.getPosition())
                / (Double.parseDouble(axis.labelAt(top.getValue()))
                        - Double.parseDouble(axis.labelAt(bottom.getValue())));
        Axis.TickMark<Number> middle = marks.get(marks.size() / 2);
        double m = Double.parseDouble(axis.labelAt(middle.getValue()));
        double b = Double.parseDouble(axis.labelAt(bottom.getValue()));
        assertEquals(bottom.getPosition() - perLog * Math.log(m / b), middle.getPosition(), 0.5);
        assertTrue(Math.abs(bottom.getPosition() - perPrice * (m - b) - middle.getPosition()) > 20, "not linear");
    }

    @Test
    void aPercentScaleLabelsTheChangeFromTheFirstCandleOnScreen() throws Exception {
        robot.interact(() -> chart.setScaleMode(ScaleMode.PERCENT));
        awaitFrame();
        WaitForAsyncUtils.waitForFxEvents();
        double base = market.book()
                .read(Timeframe.M1, c -> c.close(chart.getVisibleRange().first()));
        PriceScale scale = priceAxis().scale();
        PriceAxis axis = priceAxis();
        for (Axis.TickMark<Number> mark : axis.getTickMarks()) {
            String label = axis.labelAt(mark.getValue());
            assertTrue(label.endsWith("%"), label);
            double percent = Double.parseDouble(label.replace("%", "").replace("+", ""));
            double price = base * (1 + percent / 100);
            assertEquals(scale.y(price), mark.getPosition(), 0.5, label);
        }
    }

    @Test
    void draggingThePriceAxisStretchesTheRangeAndADoubleClickFitsItAgain() throws Exception {
        awaitFrame();
        PriceScale fitted = priceAxis().scale();
        assertTrue(chart.isAutoFit());
        Bounds axis = priceAxis().localToScreen(priceAxis().getBoundsInLocal());
        Point2D from = new Point2D(axis.getMinX() + axis.getWidth() / 2, axis.getMinY() + axis.getHeight() / 2);
        robot.drag(from, MouseButton.PRIMARY).moveBy(0, 40).moveBy(0, 40).release(MouseButton.PRIMARY);
        awaitFrame();
        assertFalse(chart.isAutoFit(), "a stretched axis stays where the user put it");
        PriceScale stretched = priceAxis().scale();
        double factor = (stretched.max() - stretched.min()) / (fitted.max() - fitted.min());
        assertEquals(Math.exp(80 / 150.0), factor, 0.05, "dragging down shows more range");
        assertEquals((fitted.max() + fitted.min()) / 2, (stretched.max() + stretched.min()) / 2, 1e-6 * fitted.max());

        // New candles do not refit it.
        market.trade(T0 + CANDLES * MINUTE, 50_000, 1);
        awaitFrame();
        assertEquals(stretched, priceAxis().scale());

        robot.doubleClickOn(from, MouseButton.PRIMARY);
        awaitFrame();
        assertTrue(chart.isAutoFit());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> priceAxis().scale().max() > 50_000);
    }

    private PriceAxis priceAxis() {
        return (PriceAxis) chart.lookup("." + ChartStyles.PRICE_AXIS);
    }

    private void awaitFrame() throws TimeoutException {
        FrameWait.nextFrame(chart);
    }
}
