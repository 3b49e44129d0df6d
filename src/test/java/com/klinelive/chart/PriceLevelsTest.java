package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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
 * Price levels (the alerts of the symbol shown) drawn as dashed lines across the price pane of a real chart: a
 * level among the prices on screen is a dashed row of its colour; a level far off the prices, or none, draws no
 * such row; setting the levels alone draws a frame.
 */
class PriceLevelsTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L;
    private static final int CANDLES = 300;
    private static final Color LEVEL = Color.web("#f0b90b");

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
        market = new SyntheticBook("LVLUSD", 100, 3).walk(T0, T0 + CANDLES * MINUTE, 15_000);
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
    void aLevelAmongThePricesIsADashedLineAndOneOffThePricesIsNot() throws Exception {
        FrameWait.nextFrame(chart);
        assertEquals(0, dashedRows(), "no level, no line");
        List<Candle> shown = market.book().candles(Timeframe.M1, 50);
        double price = shown.get(shown.size() / 2).close();

        long frames = chart.frameStats().snapshot().frames();
        robot.interact(() -> chart.getPriceLevels().setAll(new PriceLevel(price, "Alert: crosses up")));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> chart.frameStats().snapshot().frames() > frames);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dashedRows(), "one dashed line at the level");

        robot.interact(() -> chart.getPriceLevels().setAll(new PriceLevel(price * 10, "far above")));
        FrameWait.nextFrame(chart);
        assertEquals(0, dashedRows(), "a level off the prices on screen");

        robot.interact(() -> chart.getPriceLevels().clear());
        FrameWait.nextFrame(chart);
        assertEquals(0, dashedRows(), "the levels gone");
    }

    /** Rows of the drawings' canvas where the level's colour covers at least 40 % of the width, in dashes. */
    private int dashedRows() throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
                    Node canvas = chart.lookup("." + ChartStyles.DRAWINGS);
                    return canvas.snapshot(null, null);
                })
                .get(10, TimeUnit.SECONDS);
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int rows = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            int coloured = 0;
            int runs = 0;
            boolean in = false;
            for (int x = 0; x < width; x++) {
                boolean level = close(pixels.getColor(x, y), LEVEL);
                coloured += level ? 1 : 0;
                runs += level && !in ? 1 : 0;
                in = level;
            }
            if (coloured >= width * 0.4 && runs >= 10) {
                rows++;
            }
        }
        assertTrue(rows <= 1, rows + " dashed rows");
        return rows;
    }

    private static boolean close(Color a, Color b) {
        return a.getOpacity() > 0.9
                && Math.abs(a.getRed() - b.getRed()) < 0.08
                && Math.abs(a.getGreen() - b.getGreen()) < 0.08
                && Math.abs(a.getBlue() - b.getBlue()) < 0.08;
    }
}
