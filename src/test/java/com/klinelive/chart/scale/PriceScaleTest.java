package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
