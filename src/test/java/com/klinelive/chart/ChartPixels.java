package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Compares what a chart's panes show with a repaint of everything from scratch. */
final class ChartPixels {

    private ChartPixels() {}

    /**
     * Asserts that the panes show exactly the pixels of a forced whole repaint of the same data: what the chart
     * drew incrementally equals a fresh paint of the book.
     */
    static void assertSameAsWholeRepaint(FxRobot robot, CandleChart chart) throws TimeoutException {
        // The legend follows the newest candle at most ten times a second: let it catch up with the last trade.
        WaitForAsyncUtils.sleep(2 * LegendPainter.LEGEND_PERIOD / 1_000_000, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shown = panes(robot, chart);
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
        FrameWait.nextFrame(chart);
        assertTrue(chart.frameStats().snapshot().wholeFrames() > whole, "a whole repaint happened");
        WritableImage fresh = panes(robot, chart);
        PixelReader a = shown.getPixelReader();
        PixelReader b = fresh.getPixelReader();
        int differing = 0;
        String first = null;
        for (int y = 0; y < (int) shown.getHeight(); y++) {
            for (int x = 0; x < (int) shown.getWidth(); x++) {
                if (a.getArgb(x, y) != b.getArgb(x, y)) {
                    differing++;
                    first = first != null ? first : "(" + x + ", " + y + ")";
                }
            }
        }
        if (differing > 0) {
            fail(differing + " pixels differ from a whole repaint, the first at " + first);
        }
    }

    /** A snapshot of every pane (not the axes, whose countdown ticks with the clock). */
    static WritableImage panes(FxRobot robot, CandleChart chart) {
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
}
