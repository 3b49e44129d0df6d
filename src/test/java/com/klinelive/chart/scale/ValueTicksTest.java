package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticks of linear, logarithmic and percent price scales. */
class ValueTicksTest {

    @Test
    void aLogScalePutsEqualRatiosAtEqualHeights() {
        PriceScale scale = new PriceScale(100, 100_000, 600, true);
        assertEquals(0, scale.y(100_000), 1e-9);
        assertEquals(600, scale.y(100), 1e-9);
        assertEquals(200, scale.y(10_000), 1e-9);
        assertEquals(scale.y(200) - scale.y(400), scale.y(20_000) - scale.y(40_000), 1e-9);
        for (double y = 0; y <= 600; y += 37) {
            assertEquals(y, scale.y(scale.value(y)), 1e-9);
        }
    }

    @Test
    void logTicksAreRoundSpacedAndPlacedByTheirLogarithm() {
        PriceScale scale = new PriceScale(100, 100_000, 600, true);
        List<AxisTick> ticks = ValueTicks.log(scale, 36);
        assertTrue(ticks.size() >= 6, ticks::toString);
        double previousY = -1e9;
        for (AxisTick tick : ticks) {
            double v = tick.value();
            assertTrue(v >= 100 && v <= 100_000, tick::toString);
            // A round number: one significant digit times a power of ten, or 1, 2, 5 steps of one.
            double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
            assertEquals(Math.rint(v / magnitude * 10), v / magnitude * 10, 1e-6, tick::toString);
            assertEquals(Double.parseDouble(tick.label()), v, 1e-9);
            double y = scale.y(v);
            assertTrue(y - previousY >= 36 - 1e-6, "ticks at least 36 px apart: " + ticks);
            previousY = y;
        }
        // Many more ticks per decade near the top than linear ticks would leave at the bottom.
        List<AxisTick> linear = ValueTicks.linear(new PriceScale(100, 100_000, 600), 36, null);
        assertTrue(linear.stream().filter(t -> t.value() < 10_000).count() <= 1, linear::toString);
        assertTrue(ticks.stream().filter(t -> t.value() < 10_000).count() >= 3, ticks::toString);
    }

    @Test
    void overANarrowRangeLogTicksReadLikeLinearOnes() {
        PriceScale scale = PriceScale.fitLog(43_000, 43_600, 500, 0.08);
        List<String> log =
                ValueTicks.log(scale, 36).stream().map(AxisTick::label).toList();
        List<String> linear = new java.util.ArrayList<>(
                ValueTicks.linear(scale, 36, null).stream().map(AxisTick::label).toList());
        java.util.Collections.reverse(linear);
        assertEquals(List.of("43600", "43500", "43400", "43300", "43200", "43100", "43000"), log);
        assertEquals(log, linear);
    }

    @Test
    void percentTicksCountFromTheBase() {
        PriceScale scale = new PriceScale(95, 110, 450);
        List<AxisTick> ticks = ValueTicks.percent(scale, 36, 100);
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("0%") && t.value() == 100), ticks::toString);
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("+10%") && Math.abs(t.value() - 110) < 1e-9));
        assertTrue(ticks.stream().anyMatch(t -> t.label().startsWith("-")), ticks::toString);
        assertEquals("+2.50%", ValueTicks.signed(2.5, 2));
        assertEquals("0.0%", ValueTicks.signed(-0.001, 1));
    }

    @Test
    void aStretchedOrShiftedScaleKeepsItsKind() {
        PriceScale log = new PriceScale(100, 400, 300, true);
        PriceScale wider = log.stretched(2);
        assertTrue(wider.log());
        assertEquals(400.0 / 100, Math.sqrt(wider.max() / wider.min()), 1e-9, "twice the log range");
        assertEquals(Math.sqrt(100 * 400), Math.sqrt(wider.max() * wider.min()), 1e-6, "around its middle");
        PriceScale moved = new PriceScale(100, 200, 100).shifted(10);
        assertEquals(110, moved.min(), 1e-9);
        assertEquals(210, moved.max(), 1e-9);
        assertFalse(PriceScale.fitLog(-1, 5, 100, 0.1).log(), "no log scale below zero");
        assertThrows(IllegalArgumentException.class, () -> new PriceScale(0, 5, 100, true));
        assertEquals(ScaleMode.LOG, ScaleMode.of("Log"));
        assertThrows(IllegalArgumentException.class, () -> ScaleMode.of("cubic"));
    }
}
