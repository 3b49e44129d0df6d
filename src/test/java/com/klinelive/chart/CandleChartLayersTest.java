package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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
 * A live trade repaints only the live layer when nothing older changed, and whatever a frame repaints, the panes
 * show exactly the pixels of a repaint from scratch: the check compares the panes after live updates with the
 * panes after a forced whole repaint of the same data.
 */
class CandleChartLayersTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 600;

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
        market = new SyntheticBook("TESTUSD", 100, 11).walk(T0, T0 + CANDLES * MINUTE, 20_000);
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.M1);
            // Overlays on the price pane and three panes under it: every layer of every pane is checked.
            chart.getStudies().setAll(StudyText.parseList("sma:20,ema:50,bollinger,vwap,volume,rsi,macd"));
            Stage s = new Stage();
            s.setScene(new Scene(chart, 900, 600));
            s.show();
            return s;
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void tradesInTheNewestCandleRepaintOnlyTheLiveLayerAndMatchAWholeRepaint() throws Exception {
        awaitFrame();
        Candle newest = candle(CANDLES - 1);
        long time = newest.time() + 30_000;
        FrameStats.Snapshot before = chart.frameStats().snapshot();
        for (int i = 0; i < 20; i++) {
            // Inside the newest candle's range: its body and the overlays move, the scales stay.
            double price = newest.low() + (newest.high() - newest.low()) * (i % 2 == 0 ? 0.3 : 0.7);
            market.trade(time + i, price, 0.001);
            awaitFrame();
        }
        FrameStats.Snapshot after = chart.frameStats().snapshot();
        long frames = after.frames() - before.frames();
        long whole = after.wholeFrames() - before.wholeFrames();
        assertTrue(frames >= 20, "frames drawn: " + frames);
        assertTrue(whole <= frames / 4, whole + " of " + frames + " frames repainted everything");
        assertSameAsWholeRepaint();
    }

    @Test
    void everyChartTypeRepaintsOnlyTheLiveLayerForATradeAndMatchesAWholeRepaint() throws Exception {
        for (ChartType type : ChartTypes.ALL) {
            robot.interact(() -> chart.setChartType(type));
            awaitFrame();
            Candle newest = candle(CANDLES - 1);
            long wholeBefore = chart.frameStats().snapshot().wholeFrames();
            for (int i = 0; i < 4; i++) {
                double price = newest.low() + (newest.high() - newest.low()) * (i % 2 == 0 ? 0.35 : 0.65);
                market.trade(newest.time() + 40_000 + i, price, 0.001);
                awaitFrame();
            }
            long whole = chart.frameStats().snapshot().wholeFrames() - wholeBefore;
            assertTrue(whole <= 1, type.id() + ": " + whole + " whole repaints for trades in the newest candle");
            assertSameAsWholeRepaint();
        }
    }

    @Test
    void theLiveLayerCoversOnlyTheNewestMarksAndShowsWhatAWholeHeightLayerShows() throws Exception {
        for (ChartType type : ChartTypes.ALL) {
            robot.interact(() -> chart.setChartType(type));
            awaitFrame();
            Candle newest = candle(CANDLES - 1);
            double range = newest.high() - newest.low();
            // Inside the candle, then above its high and far below its low: the newest marks move up and down.
            double[] prices = {
                newest.low() + range * 0.4, newest.high() + range * 0.8, newest.low() - range * 1.5, newest.close()
            };
            for (int i = 0; i < prices.length; i++) {
                market.trade(newest.time() + 50_000 + i, prices[i], 0.5);
                awaitFrame();
            }
            WritableImage shortLayer = panes();
            // Two fills look the same but are not one opaque colour: the live layer takes the pane's whole height.
            Color background = (Color) chart.getBackground().getFills().get(0).getFill();
            robot.interact(() -> chart.setStyle("-fx-background-color: " + web(background) + ", transparent;"));
            repaintEverything();
            double wholeHeight = WaitForAsyncUtils.asyncFx(
                            () -> ((Canvas) chart.lookup("." + ChartStyles.LIVE_PLOT)).getHeight())
                    .get(5, TimeUnit.SECONDS);
            double paneHeight = WaitForAsyncUtils.asyncFx(
                            () -> ((Canvas) chart.lookup("." + ChartStyles.PLOT)).getHeight())
                    .get(5, TimeUnit.SECONDS);
            assertEquals(paneHeight, wholeHeight, 0.5, type.id() + ": the live layer over a pane of two fills");
            WritableImage tallLayer = panes();
            robot.interact(() -> chart.setStyle(""));
            repaintEverything();
            assertSameImage(type.id(), tallLayer, shortLayer, 2);
        }
    }

    @Test
    void aTradeRepaintsABoxAroundTheNewestCandleNotTheWholeStrip() throws Exception {
        robot.interact(() -> chart.getStudies().clear());
        awaitFrame();
        Candle newest = candle(CANDLES - 1);
        market.trade(newest.time() + 50_000, (newest.low() + newest.high()) / 2, 0.001);
        awaitFrame();
        double[] heights = WaitForAsyncUtils.asyncFx(() -> {
                    Canvas live = (Canvas) chart.lookup("." + ChartStyles.LIVE_PLOT);
                    Canvas history = (Canvas) chart.lookup("." + ChartStyles.PLOT);
                    return new double[] {live.getHeight(), history.getHeight(), live.getWidth()};
                })
                .get(5, TimeUnit.SECONDS);
        assertTrue(heights[2] > 0, "a live layer");
        assertTrue(heights[0] <= heights[1] / 3, "a live layer " + heights[0] + " high over a pane of " + heights[1]);
        assertSameAsWholeRepaint();
    }

    @Test
    void aTradeWithinTheNewestCandlesDevicePixelsKeepsTheLiveLayersAndAColourFlipRepaintsThem() throws Exception {
        // Candles and a volume pane: marks snapped to device pixels, no line anti-aliased at sub-pixel positions.
        robot.interact(() -> chart.getStudies().setAll(StudyText.parseList("volume")));
        awaitFrame();
        Candle newest = candle(CANDLES - 1);
        long time = newest.time() + 50_000;
        double open = newest.open();
        double tick = (newest.high() - newest.low()) * 1e-6;
        market.trade(time, open + 10 * tick, 1e-9);
        awaitFrame();
        long kept = chart.frameStats().keptFrames();
        long frames = chart.frameStats().frames();
        // A millionth of the candle's range: the same device rows, the same colour, the same volume column.
        market.trade(time + 1, open + 11 * tick, 1e-9);
        awaitFrame();
        assertTrue(chart.frameStats().frames() > frames, "a frame for the trade");
        // Other frames (the countdown's second) may come too; without the stamp none would keep its layers.
        assertTrue(chart.frameStats().keptFrames() > kept, "the frame kept the live layers");
        assertSameAsWholeRepaint();
        // Below the open by as little: the same rows, but the candle turns from rising to falling.
        kept = chart.frameStats().keptFrames();
        frames = chart.frameStats().frames();
        market.trade(time + 2, open - tick, 1e-9);
        awaitFrame();
        long painted =
                (chart.frameStats().frames() - frames) - (chart.frameStats().keptFrames() - kept);
        assertTrue(painted >= 1, "the colour flip repainted the live layer");
        assertSameAsWholeRepaint();
    }

    @Test
    void aLateTradeInAnOlderCandleRepaintsTheHistory() throws Exception {
        // Without indicators, whose values would change too: the bar itself must give the change away.
        robot.interact(() -> chart.getStudies().clear());
        awaitFrame();
        int index = CANDLES - 40;
        Candle old = candle(index);
        assertTrue(chart.getVisibleRange().first() < index, "the candle is on screen");
        long whole = chart.frameStats().snapshot().wholeFrames();
        // The latest trade of its minute, so it becomes the close: the body changes, the range does not.
        double price = old.low() + (old.high() - old.low()) * (old.close() > old.open() ? 0.1 : 0.9);
        market.trade(old.time() + MINUTE - 1, price, 0.001);
        awaitFrame();
        assertEquals(price, candle(index).close(), 0);
        assertTrue(chart.frameStats().snapshot().wholeFrames() > whole, "the history layer was repainted");
        assertSameAsWholeRepaint();
    }

    @Test
    void aLateTradeLeftOfTheViewRepaintsThePanesWhoseValuesItChanges() throws Exception {
        robot.interact(() -> chart.getStudies().setAll(StudyText.parseList("rsi:14")));
        awaitFrame();
        int first = chart.getVisibleRange().first();
        assertTrue(first > 20, "candles left of the view: " + first);
        // Two candles left of the view: no bar on screen changes, the RSI of the first ones on screen does.
        Candle old = candle(first - 2);
        long whole = chart.frameStats().snapshot().wholeFrames();
        market.trade(old.time() + MINUTE - 1, old.close() * 1.02, 0.001);
        awaitFrame();
        assertTrue(chart.frameStats().snapshot().wholeFrames() > whole, "the RSI pane's history was repainted");
        assertSameAsWholeRepaint();
    }

    @Test
    void aNewHighRescalesAndStillMatchesAWholeRepaint() throws Exception {
        awaitFrame();
        Candle newest = candle(CANDLES - 1);
        double high = market.book().read(Timeframe.M1, c -> {
            double h = Double.NEGATIVE_INFINITY;
            for (int i = chart.getVisibleRange().first(); i < c.size(); i++) {
                h = Math.max(h, c.high(i));
            }
            return h;
        });
        market.trade(newest.time() + 45_000, high * 1.01, 5);
        awaitFrame();
        assertSameAsWholeRepaint();
    }

    @Test
    void newHighsCreepingUpByATenthOfAPercentKeepTheHistoryLayers() throws Exception {
        awaitFrame();
        Candle newest = candle(CANDLES - 1);
        double[] range = market.book().read(Timeframe.M1, c -> {
            double h = Double.NEGATIVE_INFINITY;
            double l = Double.POSITIVE_INFINITY;
            for (int i = chart.getVisibleRange().first(); i < c.size(); i++) {
                h = Math.max(h, c.high(i));
                l = Math.min(l, c.low(i));
            }
            return new double[] {l, h};
        });
        // The first new high moves the scale; the ten after it creep up by a tenth of a percent of the range each,
        // as a trending market's live candle does, and the panes' scales stay where they are for most of them.
        market.trade(newest.time() + 45_000, range[1] + (range[1] - range[0]) * 0.001, 0.001);
        awaitFrame();
        long whole = chart.frameStats().snapshot().wholeFrames();
        for (int i = 2; i <= 11; i++) {
            market.trade(newest.time() + 45_000 + i, range[1] + (range[1] - range[0]) * 0.001 * i, 0.001);
            awaitFrame();
        }
        long repaints = chart.frameStats().snapshot().wholeFrames() - whole;
        assertTrue(repaints <= 2, repaints + " of 10 new highs repainted the history layers");
        assertSameAsWholeRepaint();
    }

    @Test
    void thePriceLineRunsUnbrokenAcrossTheLayers() throws Exception {
        awaitFrame();
        Candle newest = candle(CANDLES - 1);
        market.trade(newest.time() + 50_000, (newest.low() + newest.high()) / 2, 0.001);
        awaitFrame();
        int[] colours = {
            argb(chart.colors().candleUp.get()), argb(chart.colors().candleDown.get())
        };
        WritableImage image = panes();
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int bestRow = -1;
        int bestCount = 0;
        int colour = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int c : colours) {
                int count = 0;
                for (int x = 0; x < width; x++) {
                    count += pixels.getArgb(x, y) == c ? 1 : 0;
                }
                if (count > bestCount) {
                    bestCount = count;
                    bestRow = y;
                    colour = c;
                }
            }
        }
        assertTrue(bestCount > width / 3, "a dashed line across the pane: " + bestCount + " of " + width);
        // Dashes of 3 pixels with gaps of 3: a longer gap is a missing dash, as where two layers meet.
        int gap = 0;
        for (int x = 0; x < width - 8; x++) {
            gap = pixels.getArgb(x, bestRow) == colour ? 0 : gap + 1;
            assertTrue(gap <= 3, "no dash at x " + (x - 3) + " to " + x + " on row " + bestRow);
        }
    }

    private static int argb(javafx.scene.paint.Paint paint) {
        javafx.scene.paint.Color c = (javafx.scene.paint.Color) paint;
        return (int) Math.round(c.getOpacity() * 255) << 24
                | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Compares the panes as they are with the panes after a forced repaint of everything. */
    private void assertSameAsWholeRepaint() throws Exception {
        // The legend follows the newest candle at most ten times a second: let it catch up with the last trade.
        WaitForAsyncUtils.sleep(2 * LegendPainter.LEGEND_PERIOD / 1_000_000, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage live = panes();
        long whole = chart.frameStats().snapshot().wholeFrames();
        robot.interact(() -> {
            // Any change to the studies repaints every layer; the same study in its place keeps the view as it was.
            List<Study> studies = chart.getStudies();
            if (studies.isEmpty()) {
                studies.add(Study.of(Indicators.byId("sma")));
                studies.clear();
            } else {
                studies.set(0, studies.get(0));
            }
        });
        awaitFrame();
        assertTrue(chart.frameStats().snapshot().wholeFrames() > whole, "a whole repaint happened");
        WritableImage fresh = panes();
        PixelReader a = live.getPixelReader();
        PixelReader b = fresh.getPixelReader();
        int differing = 0;
        String first = null;
        for (int y = 0; y < (int) live.getHeight(); y++) {
            for (int x = 0; x < (int) live.getWidth(); x++) {
                if (a.getArgb(x, y) != b.getArgb(x, y)) {
                    differing++;
                    if (first == null) {
                        first = "(" + x + ", " + y + ")";
                    }
                }
            }
        }
        if (differing > 0) {
            try {
                javax.imageio.ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(live, null),
                        "png",
                        new java.io.File("/tmp/live.png"));
                javax.imageio.ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(fresh, null),
                        "png",
                        new java.io.File("/tmp/fresh.png"));
            } catch (java.io.IOException e) {
            }
            fail(differing + " pixels differ from a whole repaint, the first at " + first);
        }
    }

    private static String web(Color c) {
        return String.format(
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** Any change to the studies repaints every layer; the same study in its place keeps the view as it was. */
    private void repaintEverything() throws Exception {
        long whole = chart.frameStats().snapshot().wholeFrames();
        robot.interact(() -> chart.getStudies().set(0, chart.getStudies().get(0)));
        awaitFrame();
        assertTrue(chart.frameStats().snapshot().wholeFrames() > whole, "a whole repaint happened");
    }

    /** No pixel of {@code actual} differs from {@code expected} by more than {@code tolerance} in any channel. */
    private static void assertSameImage(String what, WritableImage expected, WritableImage actual, int tolerance) {
        PixelReader a = expected.getPixelReader();
        PixelReader b = actual.getPixelReader();
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int differing = 0;
        String first = null;
        for (int y = 0; y < (int) expected.getHeight(); y++) {
            for (int x = 0; x < (int) expected.getWidth(); x++) {
                int p = a.getArgb(x, y);
                int q = b.getArgb(x, y);
                int worst = 0;
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                }
                if (worst > tolerance) {
                    differing++;
                    if (first == null) {
                        first = "(" + x + ", " + y + ")";
                    }
                }
            }
        }
        assertEquals(0, differing, what + ": pixels differ, the first at " + first);
    }

    /** A snapshot of every pane (not the axes, whose countdown ticks with the clock). */
    private WritableImage panes() {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            Region surface = (Region) chart.lookup("." + ChartStyles.CROSSHAIR);
            Bounds panes = surface.getBoundsInParent();
            WritableImage all = chart.snapshot(null, null);
            image.set(new WritableImage(
                    all.getPixelReader(), (int) panes.getMinX(), (int) panes.getMinY(), (int) panes.getWidth(), (int)
                            panes.getHeight()));
        });
        return image.get();
    }

    private Candle candle(int index) {
        return market.book().read(Timeframe.M1, c -> c.candle(index));
    }

    private void awaitFrame() throws TimeoutException {
        FrameWait.nextFrame(chart);
    }
}
