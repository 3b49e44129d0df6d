package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PriceScaleTest {

    @Test
    void fitLeavesThePaddingFreeAboveAndBelow() {
        PriceScale scale = PriceScale.fit(100, 110, 500, 0.1);
        assertEquals(50, scale.y(110), 1e-9);
        assertEquals(450, scale.y(100), 1e-9);
    }

    @Test
    void valueAndPixelMapBothWays() {
        PriceScale scale = new PriceScale(0.5, 2.5, 333);
        assertEquals(0, scale.y(2.5), 1e-12);
        assertEquals(333, scale.y(0.5), 1e-12);
        for (double y = 0; y <= 333; y += 11.1) {
            assertEquals(y, scale.y(scale.value(y)), 1e-9);
        }
    }

    @Test
    void aFlatRangeIsCentred() {
        PriceScale scale = PriceScale.fit(42, 42, 200, 0.1);
        assertEquals(100, scale.y(42), 1e-9);
        assertTrue(scale.max() > 42 && scale.min() < 42);
    }

    @Test
    void volumesStartAtZero() {
        PriceScale scale = PriceScale.fromZero(900, 100, 0.1);
        assertEquals(100, scale.y(0), 1e-12);
        assertEquals(10, scale.y(900), 1e-9);
        assertEquals(1, PriceScale.fromZero(0, 100, 0.1).max(), 0);
    }

    @Test
    void aVolumeScaleIsKeptWhileItStillFitsTheTallestBar() {
        PriceScale fitted = PriceScale.fromZero(900, 100, 0.1, null);
        assertEquals(1000, fitted.max(), 1e-9);
        // A growing live bar: kept up to half the padding, then refitted around the new top.
        assertSame(fitted, PriceScale.fromZero(940, 100, 0.1, fitted));
        assertSame(fitted, PriceScale.fromZero(950, 100, 0.1, fitted));
        assertEquals(1100, PriceScale.fromZero(990, 100, 0.1, fitted).max(), 1e-9);
        // Far too tall for the bars left: refitted.
        assertSame(fitted, PriceScale.fromZero(450, 100, 0.1, fitted));
        assertEquals(400 / 0.9, PriceScale.fromZero(400, 100, 0.1, fitted).max(), 1e-9);
        // Another pane height, or no bars: a fresh scale.
        assertEquals(120, PriceScale.fromZero(900, 120, 0.1, fitted).height(), 0);
        assertEquals(1, PriceScale.fromZero(0, 100, 0.1, fitted).max(), 0);
    }

    @Test
    void aSteadyFitKeepsItsScaleWhileTheExtremesMoveWithinAStep() {
        PriceScale scale = PriceScale.fitSteady(100, 164, 640, 0.1, false);
        // A step of 1 (64 / 64): the edges lie half a step off the round numbers, padding outside them.
        assertEquals(PriceScale.fit(99.5, 164.5, 640, 0.1), scale);
        assertEquals(scale, PriceScale.fitSteady(100, 164.4, 640, 0.1, false));
        assertEquals(scale, PriceScale.fitSteady(99.6, 163.6, 640, 0.1, false));
        assertTrue(PriceScale.fitSteady(100, 164.6, 640, 0.1, false).max() > scale.max());
        assertTrue(PriceScale.fitSteady(99.4, 164, 640, 0.1, false).min() < scale.min());
        // The extremes always keep at least the padding of a plain fit.
        for (double high = 110; high < 400; high += 3.7) {
            PriceScale plain = PriceScale.fit(100, high, 640, 0.1);
            PriceScale steady = PriceScale.fitSteady(100, high, 640, 0.1, false);
            assertTrue(steady.y(high) >= plain.y(high) - 1e-9 && steady.y(100) <= plain.y(100) + 1e-9, "at " + high);
            assertTrue(steady.max() - steady.min() < (plain.max() - plain.min()) * 1.1, "at most a few steps wider");
        }
    }

    @Test
    void anOscillatorTouchingItsBoundDoesNotFlipTheScale() {
        PriceScale below = PriceScale.fitSteady(0.04, 99.92, 211, 0.1, false);
        assertEquals(below, PriceScale.fitSteady(0.0, 100.0, 211, 0.1, false));
    }

    @Test
    void aSteadyLogFitRoundsInLogSpaceAndFlatRangesFitAsBefore() {
        PriceScale log = PriceScale.fitSteady(100, 1000, 500, 0.1, true);
        assertTrue(log.log());
        assertEquals(log, PriceScale.fitSteady(100.5, 1003, 500, 0.1, true));
        assertTrue(log.y(1000) > 0 && log.y(100) < 500);
        assertEquals(PriceScale.fit(42, 42, 200, 0.1), PriceScale.fitSteady(42, 42, 200, 0.1, false));
        assertEquals(
                PriceScale.fit(Double.NaN, Double.NaN, 200, 0.1), PriceScale.fitSteady(Double.NaN, 1, 200, 0.1, false));
    }
}
