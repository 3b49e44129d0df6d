package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
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
 * The chart without data, with a book set later, resized, out of its scene, and with its skin replaced. Each test
 * gets a stage of its own, as in {@link CandleChartTest}.
 */
class CandleChartLifecycleTest {

    private static final long T0 = 1_764_000_000_000L;

    private final FxRobot robot = new FxRobot();
    private StackPane root;
    private CandleChart chart;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws TimeoutException {
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart();
            root = new StackPane(chart);
            Stage s = new Stage();
            s.setScene(new Scene(root, 700, 450));
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
    void anEmptyChartDrawsAndShowsABookSetLater() throws Exception {
        waitUntil(() -> chart.frameStats().snapshot().frames() > 0);
        assertEquals(VisibleRange.EMPTY, chart.getVisibleRange());
        assertEquals("", ((Label) chart.lookup("." + ChartStyles.LEGEND)).getText());

        CandleBook book = new SyntheticBook("LATE", 50, 3)
                .walk(T0, T0 + 300 * 60_000L, 20_000)
                .book();
        robot.interact(() -> chart.setBook(book));
        waitUntil(() -> chart.getVisibleRange().count() == 300);
        assertTrue(chart.getVisibleRange().showsNewest());
    }

    @Test
    void aTimeframeTheBookDoesNotKeepShowsNothing() throws Exception {
        CandleBook book = new CandleBook("ONLY1M", EnumSet.of(Timeframe.M1), 1_000);
        book.apply(1, T0, 10, 1);
        robot.interact(() -> chart.setBook(book));
        waitUntil(() -> chart.getVisibleRange().count() == 1);
        robot.interact(() -> chart.setTimeframe(Timeframe.H1));
        waitUntil(() -> chart.getVisibleRange().count() == 0);
    }

    @Test
    void resizingKeepsTheNewestCandleInView() throws Exception {
        CandleBook book = new SyntheticBook("WIDE", 50, 4)
                .walk(T0, T0 + 3_000 * 60_000L, 30_000)
                .book();
        robot.interact(() -> chart.setBook(book));
        waitUntil(() -> chart.getVisibleRange().count() == 3_000);
        int shown = chart.getVisibleRange().size();
        robot.interact(() -> stage.setWidth(stage.getWidth() + 400));
        waitUntil(() -> chart.getVisibleRange().size() > shown + 40);
        assertTrue(chart.getVisibleRange().showsNewest());
        assertTrue(chart.isFollowLive());
    }

    @Test
    void aChartOutOfItsSceneStopsDrawing() throws Exception {
        waitUntil(() -> chart.frameStats().snapshot().frames() > 0);
        robot.interact(() -> root.getChildren().clear());
        WaitForAsyncUtils.waitForFxEvents();
        long frames = chart.frameStats().snapshot().frames();
        chart.markDirty();
        // Waiting for something not to happen: a fixed pause, long enough for many pulses.
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(frames, chart.frameStats().snapshot().frames());

        robot.interact(() -> root.getChildren().add(chart));
        waitUntil(() -> chart.frameStats().snapshot().frames() > frames);
    }

    @Test
    void aReplacedSkinLetsGoOfTheChart() throws Exception {
        waitUntil(() -> chart.frameStats().snapshot().frames() > 0);
        Skin<?> old = chart.getSkin();
        robot.interact(() -> chart.setSkin(new CandleChartSkin(chart)));
        assertNull(old.getSkinnable());
        assertFalse(chart.lookupAll("." + ChartStyles.PLOT).isEmpty());
        long frames = chart.frameStats().snapshot().frames();
        chart.markDirty();
        waitUntil(() -> chart.frameStats().snapshot().frames() > frames);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }
}
