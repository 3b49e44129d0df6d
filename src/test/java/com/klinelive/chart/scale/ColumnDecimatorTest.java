package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnDecimatorTest {

    @Test
    void wideCandlesGiveOneBarEach() {
        ArrayCandles candles = ArrayCandles.randomWalk(1000, 0, 60_000, 1);
        Viewport view = new Viewport(1000, 800, 8, 5);
        BarBuffer bars = new BarBuffer();
        ColumnDecimator.decimate(candles, view, bars);
        assertEquals(view.endVisible() - view.firstVisible(), bars.size());
        assertEquals(8, bars.slotWidth(), 0);
        int last = bars.size() - 1;
        assertEquals(999, bars.lastIndex(last));
        assertEquals(view.x(999.5), bars.x(last), 1e-9);
        assertEquals(candles.close[999], bars.close(last), 0);
    }

    @Test
    void zoomedOutCandlesMergeIntoOneBarPerPixelColumn() {
        int n = 100_000;
        ArrayCandles candles = ArrayCandles.randomWalk(n, 0, 1_000, 2);
        candles.high[n - 1_234] = 1e6;
        Viewport view = new Viewport(n, 1000, 0.25, 0).clamped();
        BarBuffer bars = new BarBuffer();
        ColumnDecimator.decimate(candles, view, bars);
        assertTrue(bars.size() <= 1000, "at most one bar per pixel column: " + bars.size());
        assertEquals(1, bars.slotWidth(), 0);
        double volume = 0;
        double highest = 0;
        int previousLast = view.firstVisible() - 1;
        for (int b = 0; b < bars.size(); b++) {
            int first = previousLast + 1;
            int last = bars.lastIndex(b);
            assertEquals(candles.open[first], bars.open(b), 0);
            assertEquals(candles.close[last], bars.close(b), 0);
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int i = first; i <= last; i++) {
                high = Math.max(high, candles.high[i]);
                low = Math.min(low, candles.low[i]);
            }
            assertEquals(high, bars.high(b), 0);
            assertEquals(low, bars.low(b), 0);
            assertEquals(Math.floor(view.x(first)) + 0.5, bars.x(b), 1e-9);
            volume += bars.volume(b);
            highest = Math.max(highest, bars.high(b));
            previousLast = last;
        }
        assertEquals(n - 1, previousLast);
        double expected = 0;
        for (int i = view.firstVisible(); i < n; i++) {
            expected += candles.volume[i];
        }
        assertEquals(expected, volume, 1e-6);
        assertEquals(1e6, highest, 0, "a spike in a merged candle survives");
    }

    @Test
    void onlyVisibleCandlesAreRead() {
        ArrayCandles candles = ArrayCandles.randomWalk(10_000, 0, 1_000, 3);
        Viewport view = new Viewport(10_000, 500, 10, -2_000);
        BarBuffer bars = new BarBuffer();
        ColumnDecimator.decimate(candles, view, bars);
        assertEquals(view.firstVisible(), bars.lastIndex(0));
        assertTrue(bars.lastIndex(bars.size() - 1) < 8_001);
    }
}
