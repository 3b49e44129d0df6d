package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real control in a real (headless) window, driven by the robot and checked through its public API. Each
 * test gets a stage of its own, not the toolkit's shared primary stage, so handlers other test classes leave on
 * that stage cannot interfere.
 */
class CandleChartTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 2_000;

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
        market = new SyntheticBook("TESTUSD", 100, 7).walk(T0, T0 + CANDLES * MINUTE, 15_000);
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
    void opensAtTheLiveEdge() throws Exception {
        awaitFrame();
        VisibleRange range = chart.getVisibleRange();
        assertEquals(CANDLES, range.count());
        assertTrue(range.showsNewest(), range::toString);
        assertTrue(chart.isFollowLive());
        assertFalse(goLive().isVisible());
        assertTrue(legend().getText().startsWith("O "), legend().getText());
    }

    @Test
    void wheelZoomsAroundThePointer() throws Exception {
        awaitFrame();
        Point2D at = pointInPanes(0.4, 0.5);
        robot.moveTo(at);
        double x = surface().screenToLocal(at).getX();
        double spacing = chart.getBarSpacing();
        double indexBefore = view().index(x);
        // Which way is "up" differs between platforms (and Monocle): check that each way zooms, and back.
        robot.scroll(3, VerticalDirection.UP);
        awaitFrame();
        double zoomed = chart.getBarSpacing();
        assertEquals(Math.pow(1.15, 3), Math.max(zoomed / spacing, spacing / zoomed), 1e-6, "zoomed: " + zoomed);
        assertEquals(indexBefore, view().index(x), 0.5, "the candle under the pointer stays under it");
        robot.scroll(3, VerticalDirection.DOWN);
        awaitFrame();
        assertEquals(spacing, chart.getBarSpacing(), 1e-9);
        assertEquals(indexBefore, view().index(x), 0.5);
    }

    @Test
    void draggingIntoHistoryShowsGoLiveWhichReturns() throws Exception {
        awaitFrame();
        double offset = chart.getRightOffset();
        robot.drag(pointInPanes(0.3, 0.5), MouseButton.PRIMARY).moveBy(300, 0).release(MouseButton.PRIMARY);
        awaitFrame();
        assertFalse(chart.isFollowLive());
        assertFalse(chart.getVisibleRange().showsNewest(), chart.getVisibleRange()::toString);
        assertEquals(offset - 300 / chart.getBarSpacing(), chart.getRightOffset(), 0.5);
        waitUntil(() -> goLive().isVisible());

        robot.clickOn(goLive());
        awaitFrame();
        assertTrue(chart.isFollowLive());
        assertTrue(chart.getVisibleRange().showsNewest());
        waitUntil(() -> !goLive().isVisible());
    }

    @Test
    void keysPanZoomAndJumpToEitherEnd() throws Exception {
        awaitFrame();
        robot.clickOn(pointInPanes(0.5, 0.5));
        int last = chart.getVisibleRange().last();
        robot.type(KeyCode.LEFT);
        awaitFrame();
        assertTrue(chart.getVisibleRange().last() < last - 5, chart.getVisibleRange()::toString);
        assertFalse(chart.isFollowLive());

        robot.type(KeyCode.HOME);
        awaitFrame();
        assertEquals(0, chart.getVisibleRange().first());

        double spacing = chart.getBarSpacing();
        robot.type(KeyCode.ADD);
        awaitFrame();
        assertEquals(spacing * 1.25, chart.getBarSpacing(), 1e-9);
        robot.type(KeyCode.SUBTRACT);
        robot.type(KeyCode.SUBTRACT);
        awaitFrame();
        assertEquals(spacing / 1.25, chart.getBarSpacing(), 1e-9);

        robot.type(KeyCode.SPACE);
        awaitFrame();
        assertTrue(chart.isFollowLive());
        assertTrue(chart.getVisibleRange().showsNewest());
    }

    @Test
    void newCandlesScrollInWhileFollowingLive() throws Exception {
        awaitFrame();
        long received = System.nanoTime();
        market.trade(T0 + CANDLES * MINUTE + 1_000, 101, 1);
        chart.markDirty(received);
        waitUntil(() -> chart.getVisibleRange().count() == CANDLES + 1);
        assertEquals(CANDLES, chart.getVisibleRange().last());
        assertTrue(chart.frameStats().snapshot().tickToPixelMillisP50() > 0);
    }

    @Test
    void aViewInHistoryStaysOnItsCandles() throws Exception {
        awaitFrame();
        robot.interact(() -> chart.setRightOffset(-300));
        awaitFrame();
        assertFalse(chart.isFollowLive());
        VisibleRange before = chart.getVisibleRange();
        for (int i = 1; i <= 3; i++) {
            market.trade(T0 + (CANDLES + i) * MINUTE, 99, 1);
        }
        chart.markDirty();
        waitUntil(() -> chart.getVisibleRange().count() == CANDLES + 3);
        VisibleRange after = chart.getVisibleRange();
        assertEquals(before.firstTime(), after.firstTime());
        assertEquals(before.lastTime(), after.lastTime());
        assertTrue(goLive().isVisible());
    }

    @Test
    void switchingTimeframeShowsThatSeries() throws Exception {
        awaitFrame();
        int fives = market.book().read(Timeframe.M5, c -> c.size());
        robot.interact(() -> chart.setTimeframe(Timeframe.M5));
        waitUntil(() -> chart.getVisibleRange().count() == fives);
        VisibleRange range = chart.getVisibleRange();
        assertTrue(range.showsNewest());
        assertEquals(0, range.lastTime() % (5 * MINUTE));
        assertTrue(legendTitle().getText().endsWith("5m"), legendTitle().getText());

        robot.interact(() -> chart.setRightOffset(-100));
        awaitFrame();
        long lastTime = chart.getVisibleRange().lastTime();
        robot.interact(() -> chart.setTimeframe(Timeframe.M1));
        waitUntil(() -> chart.getVisibleRange().count() == CANDLES);
        long shown = chart.getVisibleRange().lastTime();
        assertTrue(shown >= lastTime && shown < lastTime + 5 * MINUTE, "same time on screen: " + shown);
    }

    @Test
    void crosshairLegendShowsTheCandleUnderThePointer() throws Exception {
        awaitFrame();
        for (double fx : new double[] {0.2, 0.55, 0.9}) {
            Point2D at = pointInPanes(fx, 0.3);
            robot.moveTo(at);
            Viewport view = view();
            int index = view.candleAt(surface().screenToLocal(at).getX());
            Candle candle = market.book().read(Timeframe.M1, c -> c.candle(index));
            waitUntil(() -> legend().getText().equals(expectedLegend(candle, index)));
        }
        Bounds panes = surface().localToScreen(surface().getBoundsInLocal());
        robot.moveTo(new Point2D(panes.getMaxX() + 20, panes.getMinY() + 50));
        Candle newest = market.book().read(Timeframe.M1, c -> c.candle(CANDLES - 1));
        waitUntil(() -> legend().getText().equals(expectedLegend(newest, CANDLES - 1)));
    }

    @Test
    void studiesAddOverlaysAndPanesThatTheirLegendsRemove() throws Exception {
        awaitFrame();
        double plotHeight = ((Canvas) chart.lookup("." + ChartStyles.PLOT)).getHeight();
        assertTrue(chart.lookup(".pane.volume").isVisible(), "a new chart shows volume");
        robot.interact(() -> chart.getStudies().setAll(StudyText.parseList("sma:9,sma:50,volume,rsi")));
        awaitFrame();
        waitUntil(() -> chart.lookupAll("." + ChartStyles.STUDY_LEGEND).size() == 4);
        Node rsi = chart.lookup(".pane.rsi");
        assertTrue(rsi != null && ((Canvas) rsi).getHeight() > 0);
        assertTrue(((Canvas) chart.lookup("." + ChartStyles.PLOT)).getHeight() < plotHeight, "the price pane shrank");
        // The legend shows each study's value at the newest candle.
        double newestSma9 = market.book().read(Timeframe.M1, c -> {
            double sum = 0;
            for (int i = c.size() - 9; i < c.size(); i++) {
                sum += c.close(i);
            }
            return sum / 9;
        });
        int decimals = PriceFormat.decimalsFor(market.book().read(Timeframe.M1, c -> c.close(c.size() - 1)));
        waitUntil(() -> legendRow("SMA 9").valueTexts().equals(List.of(PriceFormat.price(newestSma9, decimals))));
        assertTrue(legendRow("SMA 50") != null);

        robot.clickOn(legendRow("RSI 14").lookup("." + ChartStyles.STUDY_REMOVE));
        awaitFrame();
        assertEquals(
                List.of("SMA 9", "SMA 50", "Vol"),
                chart.getStudies().stream().map(s -> s.label()).toList());
        waitUntil(() -> chart.lookup(".pane.rsi") == null);
    }

    @Test
    void draggingTheDividerResizesThePanesAndTheStudyRemembersIt() throws Exception {
        robot.interact(() -> chart.getStudies().setAll(StudyText.parseList("volume,rsi")));
        awaitFrame();
        Canvas rsi = (Canvas) chart.lookup(".pane.rsi");
        double before = rsi.getHeight();
        double volumeBefore = ((Canvas) chart.lookup(".pane.volume")).getHeight();
        Bounds pane = rsi.localToScreen(rsi.getBoundsInLocal());
        // The divider is the RSI pane's top edge; dragging it up 60 pixels trades that much from the volume pane.
        robot.drag(new Point2D(pane.getMinX() + 200, pane.getMinY()), MouseButton.PRIMARY)
                .moveBy(0, -30)
                .moveBy(0, -30)
                .release(MouseButton.PRIMARY);
        awaitFrame();
        waitUntil(() -> Math.abs(((Canvas) chart.lookup(".pane.rsi")).getHeight() - (before + 60)) <= 1);
        double total = surface().getHeight();
        assertEquals((before + 60) / total, chart.getStudies().get(1).paneShare(), 2.0 / total);
        assertEquals((volumeBefore - 60) / total, chart.getStudies().get(0).paneShare(), 2.0 / total);
        assertEquals(volumeBefore - 60, ((Canvas) chart.lookup(".pane.volume")).getHeight(), 1);
    }

    @Test
    void theSettingsDialogChecksEachValueAndReplacesTheStudy() throws Exception {
        robot.interact(() -> chart.getStudies().setAll(StudyText.parseList("rsi")));
        awaitFrame();
        waitUntil(() -> legendRow("RSI 14") != null);
        robot.clickOn(legendRow("RSI 14").lookup("." + ChartStyles.STUDY_EDIT));
        WaitForAsyncUtils.waitForFxEvents();
        TextField length = robot.lookup("#parameter-0").queryAs(TextField.class);
        DialogPane pane = (DialogPane) length.getScene().getRoot();
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        Label error = (Label) pane.lookup("." + StudyDialog.ERROR);

        robot.interact(() -> length.setText("0"));
        assertTrue(ok.isDisabled());
        assertEquals("Length must be a whole number from 1 to 1000, not 0", error.getText());
        robot.interact(() -> length.setText("abc"));
        assertTrue(ok.isDisabled());
        assertTrue(error.getText().contains("'abc' is not a number"), error.getText());

        robot.interact(() -> length.setText("21"));
        assertFalse(ok.isDisabled());
        robot.clickOn(ok);
        waitUntil(() -> chart.getStudies().get(0).label().equals("RSI 21"));
        waitUntil(() -> legendRow("RSI 21") != null);
        // Colours left alone stay the theme's palette colours.
        assertEquals(List.of("line-3"), chart.getStudies().get(0).colours());
    }

    private StudyLegend legendRow(String label) {
        for (Node node : chart.lookupAll("." + ChartStyles.STUDY_LEGEND)) {
            StudyLegend row = (StudyLegend) node;
            if (row.study() != null && row.study().label().equals(label) && row.isVisible()) {
                return row;
            }
        }
        return null;
    }

    @Test
    void themesComeFromLookedUpColours() throws Exception {
        awaitFrame();
        assertEquals(Color.web("#26a69a"), chart.colors().candleUp.get());
        robot.interact(() -> chart.getStyleClass().add(ChartStyles.LIGHT));
        waitUntil(() -> Color.web("#089981").equals(chart.colors().candleUp.get()));
        robot.interact(() -> chart.setStyle("-color-candle-up: #123456;"));
        waitUntil(() -> Color.web("#123456").equals(chart.colors().candleUp.get()));
    }

    private String expectedLegend(Candle c, int index) {
        int decimals = PriceFormat.decimalsFor(market.book().read(Timeframe.M1, cs -> cs.close(cs.size() - 1)));
        double previous = index > 0 ? market.book().read(Timeframe.M1, cs -> cs.close(index - 1)) : c.open();
        return "O " + PriceFormat.price(c.open(), decimals) + "  H " + PriceFormat.price(c.high(), decimals)
                + "  L " + PriceFormat.price(c.low(), decimals) + "  C " + PriceFormat.price(c.close(), decimals)
                + "  V " + PriceFormat.volume(c.volume()) + "  " + PriceFormat.percent(c.close() / previous - 1);
    }

    /** The view as the chart states it, over the panes' width. */
    private Viewport view() {
        return new Viewport(
                chart.getVisibleRange().count(), surface().getWidth(), chart.getBarSpacing(), chart.getRightOffset());
    }

    private Region surface() {
        return (Region) chart.lookup("." + ChartStyles.CROSSHAIR);
    }

    private Label legend() {
        return (Label) chart.lookup("." + ChartStyles.LEGEND);
    }

    private Label legendTitle() {
        return (Label) chart.lookup(".legend-title");
    }

    private Button goLive() {
        return (Button) chart.lookup("." + ChartStyles.GO_LIVE);
    }

    /** A point over the candle and volume panes, at fractions of their size, in screen coordinates. */
    private Point2D pointInPanes(double fx, double fy) {
        Bounds b = surface().localToScreen(surface().getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    private void awaitFrame() throws TimeoutException {
        FrameWait.nextFrame(chart);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }
}
