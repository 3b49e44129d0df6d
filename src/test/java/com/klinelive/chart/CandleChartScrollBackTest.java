package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.History;
import com.klinelive.candle.Prepended;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart asks for older candles when its oldest shows, one page at a time, marks its left edge meanwhile, and
 * keeps the candles on screen where they are when a page lands. The requests are answered here by hand, as a
 * loader would from its own thread.
 */
class CandleChartScrollBackTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 300;

    private final FxRobot robot = new FxRobot();
    private final List<OlderCandlesRequest> requests = new CopyOnWriteArrayList<>();
    private SyntheticBook market;
    private List<Candle> older;
    private CandleChart chart;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws TimeoutException {
        // The older pages come from the same walk: the first 2,000 minutes, the chart holds the 300 after them.
        SyntheticBook past = new SyntheticBook("TESTUSD", 100, 7).walk(T0, T0 + 2_300 * MINUTE, 15_000);
        List<Candle> all = past.book().candles(Timeframe.M1, 10_000);
        older = all.subList(0, 2_000);
        market = new SyntheticBook("TESTUSD", 100, 7);
        List<Candle> fives = past.book().candles(Timeframe.M5, 10_000).stream()
                .filter(c -> c.time() >= T0 + 2_000 * MINUTE)
                .toList();
        market.book()
                .loadHistory(List.of(
                        new History(Timeframe.M1, all.subList(2_000, 2_300), 0), new History(Timeframe.M5, fives, 0)));
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.M1);
            chart.setOnNeedOlder(requests::add);
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
    void theOldestCandleOnScreenAsksOnceForThePageBeforeIt() throws Exception {
        awaitFrame();
        assertEquals(List.of(), requests, "the oldest candle is not on screen at the live edge");
        assertEquals(CANDLES, chart.getVisibleRange().count());

        press(KeyCode.HOME);
        waitUntil(() -> requests.size() == 1);
        OlderCandlesRequest ask = requests.get(0);
        assertEquals(T0 + 2_000 * MINUTE, ask.endExclusive());
        assertEquals(Timeframe.M1, ask.timeframe());
        assertEquals(market.book(), ask.book());
        assertEquals(ScrollBackState.LOADING, chart.getScrollBackState());
        assertTrue(mark().isVisible());
        assertEquals("Loading older candles\u2026", mark().getText());

        // Not again while it loads, however the user moves at the edge.
        robot.drag(pointInPanes(0.5, 0.5), MouseButton.PRIMARY).moveBy(200, 0).release(MouseButton.PRIMARY);
        press(KeyCode.HOME);
        awaitFrame();
        assertEquals(1, requests.size());

        land(ask, 1_500, 2_000);
        waitUntil(() -> chart.getScrollBackState() == ScrollBackState.IDLE);
        assertFalse(mark().isVisible(), "the new oldest candle is off screen");
        assertEquals(1, requests.size(), "nothing to ask while the oldest is off screen");
        assertEquals(CANDLES + 500, chart.getVisibleRange().count());

        press(KeyCode.HOME);
        waitUntil(() -> requests.size() == 2);
        assertEquals(T0 + 1_500 * MINUTE, requests.get(1).endExclusive());
    }

    @Test
    void theCandlesOnScreenStayUnderThePointerWhenAPageLands() throws Exception {
        awaitFrame();
        press(KeyCode.HOME);
        waitUntil(() -> requests.size() == 1);
        Point2D pointer = pointInPanes(0.5, 0.5);
        robot.moveTo(pointer);
        awaitFrame();
        VisibleRange before = chart.getVisibleRange();
        long underPointer = timeAt(pointer);
        String legend = legend().getText();

        land(requests.get(0), 0, 2_000);
        waitUntil(() -> chart.getVisibleRange().count() == CANDLES + 2_000);
        awaitFrame();

        VisibleRange after = chart.getVisibleRange();
        assertEquals(before.firstTime(), after.firstTime(), "the oldest candle on screen");
        assertEquals(before.lastTime(), after.lastTime(), "the newest candle on screen");
        assertEquals(before.first() + 2_000, after.first());
        assertEquals(underPointer, timeAt(pointer), "the candle under the pointer");
        assertEquals(legend, legend().getText(), "the legend shows the same candle");
    }

    @Test
    void atTheStartOfTheHistoryTheMarkSaysSoAndNothingMoreIsAsked() throws Exception {
        awaitFrame();
        press(KeyCode.HOME);
        waitUntil(() -> requests.size() == 1);

        requests.get(0).endReached("Start of history");
        waitUntil(() -> chart.getScrollBackState() == ScrollBackState.END);
        awaitFrame();
        assertTrue(mark().isVisible());
        assertEquals("Start of history", mark().getText());

        robot.drag(pointInPanes(0.5, 0.5), MouseButton.PRIMARY).moveBy(-300, 0).release(MouseButton.PRIMARY);
        awaitFrame();
        assertFalse(mark().isVisible(), "only at the edge");
        press(KeyCode.HOME);
        awaitFrame();
        awaitFrame();
        assertEquals(1, requests.size());
        assertEquals(ScrollBackState.END, chart.getScrollBackState());
        assertTrue(mark().isVisible());

        WaitForAsyncUtils.asyncFx(() -> chart.setTimeframe(Timeframe.M5)).get(5, TimeUnit.SECONDS);
        press(KeyCode.HOME);
        waitUntil(() -> requests.size() == 2);
        assertEquals(Timeframe.M5, requests.get(1).timeframe(), "another timeframe has a history of its own");
    }

    @Test
    void aFailedPageIsAskedForAgainOnceTheUserScrolls() throws Exception {
        awaitFrame();
        press(KeyCode.HOME);
        waitUntil(() -> requests.size() == 1);

        requests.get(0).failed("connection refused");
        waitUntil(() -> chart.getScrollBackState() == ScrollBackState.FAILED);
        awaitFrame();
        assertTrue(mark().getText().contains("connection refused"), mark().getText());
        awaitFrame();
        assertEquals(1, requests.size(), "no retry by itself");

        robot.drag(pointInPanes(0.5, 0.5), MouseButton.PRIMARY).moveBy(40, 0).release(MouseButton.PRIMARY);
        waitUntil(() -> requests.size() == 2);
        assertEquals(requests.get(0).endExclusive(), requests.get(1).endExclusive());
        assertEquals(ScrollBackState.LOADING, chart.getScrollBackState());
    }

    /** A loader's work: the candles {@code from} to {@code to - 1} of the past go in front, then the answer. */
    private void land(OlderCandlesRequest ask, int from, int to) throws Exception {
        Thread loader = new Thread(() -> {
            Prepended put =
                    ask.book().prepend(ask.timeframe(), ask.endExclusive(), new CandleList(older.subList(from, to)));
            assertEquals(Prepended.Status.ADDED, put.status());
            ask.loaded();
        });
        loader.start();
        loader.join(5_000);
    }

    private long timeAt(Point2D screen) {
        double x = surface().screenToLocal(screen).getX();
        Viewport view = new Viewport(
                chart.getVisibleRange().count(), surface().getWidth(), chart.getBarSpacing(), chart.getRightOffset());
        int index = view.candleAt(x);
        return market.book().read(Timeframe.M1, c -> c.time(index));
    }

    private void press(KeyCode key) throws TimeoutException {
        robot.clickOn(pointInPanes(0.5, 0.2));
        robot.type(key);
        awaitFrame();
    }

    private Label mark() {
        return (Label) chart.lookup("." + ChartStyles.SCROLL_BACK_MARK);
    }

    private Label legend() {
        return (Label) chart.lookup("." + ChartStyles.LEGEND);
    }

    private Region surface() {
        return (Region) chart.lookup("." + ChartStyles.CROSSHAIR);
    }

    private Point2D pointInPanes(double fx, double fy) {
        Bounds b = surface().localToScreen(surface().getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    private void awaitFrame() throws TimeoutException {
        FrameWait.nextFrame(chart);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }
}
