package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void newestCandleEndsRightOffsetSlotsBeforeTheRightEdge() {
        Viewport view = new Viewport(1000, 800, 8, 5);
        assertEquals(1005, view.lastIndex(), 1e-12);
        assertEquals(905, view.firstIndex(), 1e-12);
        assertEquals(800 - 5 * 8, view.x(1000), 1e-9);
        assertEquals(800 - 5 * 8 - 4, view.x(999.5), 1e-9);
        assertEquals(905, view.firstVisible());
        assertEquals(1000, view.endVisible());
        assertTrue(view.showsNewest());
    }

    @Test
    void indexAndPixelMapBothWays() {
        Viewport view = new Viewport(500, 640, 3.3, -20.25);
        for (double x = 0; x <= 640; x += 17.5) {
            assertEquals(x, view.x(view.index(x)), 1e-9);
        }
        assertEquals((int) Math.floor(view.index(100)), view.candleAt(100));
    }

    @Test
    void noCandleOutsideTheSeries() {
        Viewport view = new Viewport(10, 800, 8, 5);
        assertEquals(-1, view.candleAt(790));
        assertEquals(9, view.candleAt(view.x(9.5)));
        assertEquals(0, view.firstVisible());
        assertEquals(10, view.endVisible());
    }

    @Test
    void zoomKeepsTheCandleUnderThePointer() {
        Viewport view = new Viewport(10_000, 1000, 6, -300);
        double anchorX = 377;
        double before = view.index(anchorX);
        Viewport zoomed = view.zoom(1.7, anchorX);
        assertEquals(6 * 1.7, zoomed.barSpacing(), 1e-9);
        assertEquals(before, zoomed.index(anchorX), 1e-9);
        Viewport out = view.zoom(1 / 3.0, anchorX);
        assertEquals(before, out.index(anchorX), 1e-9);
    }

    @Test
    void zoomStopsAtTheSpacingLimits() {
        Viewport view = new Viewport(1_000_000, 1000, 1, 0);
        assertEquals(Viewport.MIN_BAR_SPACING, view.zoom(1e-6, 500).barSpacing(), 0);
        assertEquals(Viewport.MAX_BAR_SPACING, view.zoom(1e6, 500).barSpacing(), 0);
    }

    @Test
    void draggingRightBringsOlderCandles() {
        Viewport view = new Viewport(1000, 800, 8, 5);
        Viewport panned = view.pan(80);
        assertEquals(-5, panned.rightOffset(), 1e-12);
        assertEquals(view.firstIndex() - 10, panned.firstIndex(), 1e-12);
        assertFalse(panned.showsNewest());
    }

    @Test
    void panningKeepsSomeCandlesOnScreen() {
        Viewport view = new Viewport(1000, 800, 8, 5);
        Viewport farBack = view.pan(1e9);
        assertEquals(Viewport.MIN_VISIBLE, (int) Math.round(farBack.lastIndex()));
        Viewport farAhead = view.pan(-1e9);
        assertEquals(1000 - Viewport.MIN_VISIBLE, (int) Math.round(farAhead.firstIndex()));
    }

    @Test
    void oldestAtLeftShowsTheFirstCandle() {
        Viewport view = new Viewport(1000, 800, 8, 5).oldestAtLeft();
        assertEquals(0, view.firstIndex(), 1e-9);
        assertEquals(0, view.firstVisible());
    }

    @Test
    void fewCandlesStayVisible() {
        Viewport view = new Viewport(2, 800, 8, -50).clamped();
        assertEquals(2, view.lastIndex(), 1e-9);
        Viewport empty = new Viewport(0, 800, 8, 7).clamped();
        assertEquals(0, empty.endVisible());
    }
}
