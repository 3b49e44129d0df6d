package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SMA, EMA and Bollinger bands over a range against straightforward full-history computations. */
class IndicatorsTest {

    private final ArrayCandles candles = ArrayCandles.randomWalk(5_000, 0, 60_000, 11);

    @Test
    void smaMatchesTheAverageOfEachWindow() {
        int length = 20;
        int from = 3_000;
        int to = 3_500;
        double[] out = new double[to - from];
        Sma.compute(candles, from, to, length, out);
        for (int i = from; i < to; i++) {
            double sum = 0;
            for (int k = i - length + 1; k <= i; k++) {
                sum += candles.close[k];
            }
            assertEquals(sum / length, out[i - from], 1e-9);
        }
    }

    @Test
    void smaIsUndefinedBeforeAFullWindow() {
        double[] out = new double[30];
        Sma.compute(candles, 0, 30, 20, out);
        assertTrue(Double.isNaN(out[18]));
        assertFalse(Double.isNaN(out[19]));
    }

    @Test
    void emaOverARangeEqualsTheEmaOfTheWholeHistory() {
        int length = 50;
        double[] full = new double[candles.size()];
        double alpha = 2.0 / (length + 1);
        double ema = 0;
        for (int i = 0; i < candles.size(); i++) {
            if (i < length) {
                ema += candles.close[i];
                full[i] = i == length - 1 ? ema / length : Double.NaN;
                ema = i == length - 1 ? ema / length : ema;
            } else {
                ema += alpha * (candles.close[i] - ema);
                full[i] = ema;
            }
        }
        int from = 4_000;
        int to = 4_600;
        double[] out = new double[to - from];
        Ema.compute(candles, from, to, length, out);
        double range = Arrays.stream(candles.close).max().orElseThrow()
                - Arrays.stream(candles.close).min().orElseThrow();
        for (int i = from; i < to; i++) {
            assertEquals(full[i], out[i - from], range * 1e-9);
        }
        double[] head = new double[60];
        Ema.compute(candles, 0, 60, length, head);
        assertTrue(Double.isNaN(head[48]));
        assertEquals(full[49], head[49], 1e-12);
        assertEquals(full[59], head[59], 1e-12);
    }

    @Test
    void bollingerBandsAreTheMeanPlusMinusDeviations() {
        int length = 20;
        int from = 100;
        int to = 400;
        double[] mid = new double[to - from];
        double[] up = new double[to - from];
        double[] low = new double[to - from];
        Bollinger.compute(candles, from, to, length, 2, mid, up, low);
        for (int i = from; i < to; i++) {
            double mean = 0;
            for (int k = i - length + 1; k <= i; k++) {
                mean += candles.close[k];
            }
            mean /= length;
            double var = 0;
            for (int k = i - length + 1; k <= i; k++) {
                var += (candles.close[k] - mean) * (candles.close[k] - mean);
            }
            double sd = Math.sqrt(var / length);
            assertEquals(mean, mid[i - from], 1e-9);
            assertEquals(mean + 2 * sd, up[i - from], 1e-7);
            assertEquals(mean - 2 * sd, low[i - from], 1e-7);
        }
    }

    @Test
    void overlaysComputeOnlyWhenAnInputChanged() {
        Overlays overlays = new Overlays();
        Overlays.Settings settings = new Overlays.Settings(true, 20, true, 50, true, 20, 2);
        assertTrue(overlays.update(candles, "BTC/1m", 7, 1000, 1500, settings));
        assertFalse(overlays.update(candles, "BTC/1m", 7, 1000, 1500, settings));
        assertTrue(overlays.update(candles, "BTC/1m", 8, 1000, 1500, settings));
        assertTrue(overlays.update(candles, "BTC/5m", 8, 1000, 1500, settings));
        assertTrue(overlays.update(candles, "BTC/5m", 8, 1001, 1500, settings));
        double[] sma = new double[499];
        Sma.compute(candles, 1001, 1500, 20, sma);
        assertEquals(sma[100], overlays.sma(1101), 0);
        assertTrue(overlays.low() <= overlays.bollingerLower(1200));
        assertTrue(overlays.high() >= overlays.bollingerUpper(1200));
    }
}
