package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, NiceTicks.niceStep(0.7), 1e-12);
        assertEquals(2, NiceTicks.niceStep(1.3), 1e-12);
        assertEquals(5, NiceTicks.niceStep(2.01), 1e-12);
        assertEquals(10, NiceTicks.niceStep(5.5), 1e-12);
        assertEquals(0.05, NiceTicks.niceStep(0.031), 1e-15);
        assertEquals(2000, NiceTicks.niceStep(1999), 1e-9);
    }

    @Test
    void ticksStartAtTheFirstMultipleInsideTheRange() {
        NiceTicks ticks = NiceTicks.of(101.3, 104.9, 8);
        assertEquals(0.5, ticks.step(), 1e-12);
        assertEquals(101.5, ticks.value(0), 1e-12);
        assertEquals(104.5, ticks.value(ticks.count() - 1), 1e-12);
        assertEquals(7, ticks.count());
        assertEquals(1, ticks.decimals());
        assertEquals("103.0", ticks.format(ticks.value(3)));
    }

    @Test
    void boundsOnAMultipleAreTicks() {
        NiceTicks ticks = NiceTicks.of(0, 10, 5);
        assertEquals(2, ticks.step(), 1e-12);
        assertEquals(6, ticks.count());
        assertEquals(0, ticks.value(0), 0);
        assertEquals(10, ticks.value(5), 0);
        assertEquals(0, ticks.decimals());
    }

    @Test
    void decimalStepsGiveCleanValues() {
        NiceTicks ticks = NiceTicks.of(0.1, 0.95, 10);
        assertEquals(0.1, ticks.step(), 1e-15);
        assertEquals(0.3, ticks.value(2), 0);
        assertEquals("0.3", ticks.format(ticks.value(2)));
    }

    @Test
    void neverMoreTicksThanAskedForPlusTheEnds() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double min = random.nextDouble() * Math.pow(10, random.nextInt(12) - 6);
            double max = min + random.nextDouble() * Math.pow(10, random.nextInt(12) - 6) + 1e-9;
            int maxTicks = 1 + random.nextInt(20);
            NiceTicks ticks = NiceTicks.of(min, max, maxTicks);
            assertTrue(ticks.count() <= maxTicks + 1, () -> ticks + " for " + maxTicks);
            for (int k = 0; k < ticks.count(); k++) {
                double v = ticks.value(k);
                assertTrue(v >= min - ticks.step() * 1e-6 && v <= max + ticks.step() * 1e-6, ticks::toString);
            }
        }
    }

    @Test
    void emptyOrBrokenRangesHaveNoTicks() {
        assertEquals(0, NiceTicks.of(5, 5, 10).count());
        assertEquals(0, NiceTicks.of(6, 5, 10).count());
        assertEquals(0, NiceTicks.of(Double.NaN, 5, 10).count());
        assertEquals(0, NiceTicks.of(0, 5, 0).count());
    }
}
