package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.indicator.StudyText;
import com.klinelive.model.Timeframe;
import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart costs nothing while nothing changes or nobody sees it. The test counts, over windows of seconds, the
 * frames the window rendered (JavaFX's scene performance tracker, as the render benchmark reads them), the pulses
 * it ran (every pulse runs the scene's post-layout listeners; a rendered frame always asks for one more pulse,
 * which finds nothing to do) and the chart's painted frames ({@link FrameStats}). Only counts over a window are
 * checked, never a duration: waits for a condition have generous deadlines.
 */
class CandleChartIdleTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 400;

    private final FxRobot robot = new FxRobot();
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong rendered = new AtomicLong();
    private SyntheticBook market;
    private CandleChart chart;
    private StackPane root;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws TimeoutException {
        market = new SyntheticBook("IDLEUSD", 100, 5).walk(T0, T0 + CANDLES * MINUTE, 20_000);
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.M1);
            chart.getStudies().setAll(StudyText.parseList("sma:20,volume,rsi"));
            root = new StackPane(chart);
            Scene scene = new Scene(root, 800, 500);
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(rendered::incrementAndGet);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void withoutTicksOnlyTheCountdownChangesOnceASecondAndTheChartPaintsNothing() throws Exception {
        FrameWait.nextFrame(chart);
        // The legend catches up with the last frame within a tenth of a second; then nothing is left to do.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Label countdown = (Label) chart.lookup("." + ChartStyles.COUNTDOWN);
        String before = text(countdown);
        long frames = chart.frameStats().snapshot().frames();
        long pulsesBefore = pulses.get();
        long renderedBefore = rendered.get();

        // Waiting for nothing to happen: a fixed window, and only counts in it are checked.
        WaitForAsyncUtils.sleep(5, TimeUnit.SECONDS);

        long pulsed = pulses.get() - pulsesBefore;
        long shown = rendered.get() - renderedBefore;
        assertEquals(frames, chart.frameStats().snapshot().frames(), "the chart painted frames without a change");
        // A frame per second the countdown changes in: at most six seconds begin in a window of five.
        assertTrue(shown <= 6, shown + " frames rendered in 5 s without ticks");
        assertTrue(pulsed <= 2 * 6, pulsed + " pulses in 5 s without ticks");
        waitUntil(() -> !text(countdown).equals(before));
    }

    @Test
    void iconifiedAtAThousandTicksASecondItPaintsNothingAndShowsTheBookWhenRestored() throws Exception {
        FrameWait.nextFrame(chart);
        robot.interact(() -> stage.setIconified(true));
        waitUntil(stage::isIconified);
        WaitForAsyncUtils.waitForFxEvents();
        long frames = chart.frameStats().snapshot().frames();
        long version = market.book().version();
        long pulsesBefore = pulses.get();
        long renderedBefore = rendered.get();

        Thread feed = new Thread(() -> trade(2_000), "test-feed");
        feed.start();
        feed.join(30_000);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(market.book().version() - version >= 2_000, "every trade counted while iconified");
        assertEquals(frames, chart.frameStats().snapshot().frames(), "the iconified chart painted");
        assertEquals(renderedBefore, rendered.get(), "frames rendered while iconified");
        long pulsed = pulses.get() - pulsesBefore;
        assertTrue(pulsed <= 1, pulsed + " pulses while iconified");

        // Restored without another trade: the trades counted meanwhile are drawn at once, as a fresh paint would.
        robot.interact(() -> stage.setIconified(false));
        waitUntil(() -> chart.frameStats().snapshot().frames() > frames);
        ChartPixels.assertSameAsWholeRepaint(robot, chart);
    }

    @Test
    void tradesThatMoveThePriceLayOutNothingAroundTheChart() throws Exception {
        AtomicLong layouts = new AtomicLong();
        robot.interact(() -> {
            // The chart's parent, as the window's panes hold it: a layout of it is a layout of the window.
            StackPane parent = new StackPane() {
                @Override
                protected void layoutChildren() {
                    layouts.incrementAndGet();
                    super.layoutChildren();
                }
            };
            root.getChildren().setAll(parent);
            parent.getChildren().add(chart);
        });
        FrameWait.nextFrame(chart);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        long before = layouts.get();
        long frames = chart.frameStats().snapshot().frames();
        double low = market.book().read(Timeframe.M1, c -> c.low(c.size() - 1));
        double high = market.book().read(Timeframe.M1, c -> c.high(c.size() - 1));
        long newest = T0 + (CANDLES - 1) * MINUTE;
        for (int i = 0; i < 30; i++) {
            // Inside the newest candle's range, so the scale stays, but far apart: the last price label moves.
            market.trade(newest + 50_000 + i, i % 2 == 0 ? low + (high - low) * 0.2 : low + (high - low) * 0.8, 0.01);
            FrameWait.nextFrame(chart);
        }
        assertTrue(chart.frameStats().snapshot().frames() - frames >= 30, "a frame per trade");
        assertEquals(before, layouts.get(), "layout passes of the chart's parent");
    }

    @Test
    void aChartUnderAnInvisibleParentPaintsNothingUntilShown() throws Exception {
        FrameWait.nextFrame(chart);
        robot.interact(() -> root.setVisible(false));
        long frames = chart.frameStats().snapshot().frames();

        trade(200);
        // Waiting for something not to happen: a fixed pause, long enough for many pulses.
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(frames, chart.frameStats().snapshot().frames(), "the hidden chart painted");

        robot.interact(() -> root.setVisible(true));
        waitUntil(() -> chart.frameStats().snapshot().frames() > frames);
        ChartPixels.assertSameAsWholeRepaint(robot, chart);
    }

    /**
     * {@code count} trades in the newest candle at 1,000 a second, each marked as a feed marks them. Bounded: it
     * stops after {@code count} trades, however slow the machine.
     */
    private void trade(int count) {
        long newest = T0 + (CANDLES - 1) * MINUTE;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = start + i * 1_000_000L - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            market.tick(newest + 40_000 + i % 1_000, 0.01);
            chart.markDirty(System.nanoTime());
        }
    }

    private static String text(Label label) {
        return label.getText() == null ? "" : label.getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
