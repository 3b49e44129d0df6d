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
}
