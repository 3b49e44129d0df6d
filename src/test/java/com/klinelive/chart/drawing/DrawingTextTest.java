package com.klinelive.chart.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawings written to settings and read back. */
class DrawingTextTest {

    private static final long T = 1_764_000_000_000L;

    @Test
    void everyToolRoundTripsWithItsAnchorsAndANotesText() {
        List<Drawing> drawings = List.of(
                new Drawing(tool("horizontal"), List.of(new Anchor(T, 43_250.5))),
                new Drawing(tool("trend"), List.of(new Anchor(T, 1e-8), new Anchor(T + 60_000, 2.5e9))),
                new Drawing(tool("ray"), List.of(new Anchor(-5, 1), new Anchor(5, 2))),
                new Drawing(tool("rectangle"), List.of(new Anchor(T, 1), new Anchor(T + 1, 2))),
                new Drawing(tool("fib"), List.of(new Anchor(T, 100), new Anchor(T + 7, 90))),
                new Drawing(tool("note"), List.of(new Anchor(T, 3)), "breakout: 50% of\nvolume, ok?"));
        assertEquals(drawings, DrawingText.parse(DrawingText.format(drawings)));
    }

    @Test
    void aDamagedEntryCostsThatDrawingOnly() {
        String text = "trend:1:2:3:4\nrenko:1:2\ntrend:1:x:3:4\nhorizontal:1:2:3\nhorizontal:5:6";
        assertEquals(
                List.of(
                        new Drawing(tool("trend"), List.of(new Anchor(1, 2), new Anchor(3, 4))),
                        new Drawing(tool("horizontal"), List.of(new Anchor(5, 6)))),
                DrawingText.parse(text));
        assertEquals(List.of(), DrawingText.parse(""));
    }

    @Test
    void aDrawingTakesAsManyPointsAsItsTool() {
        assertThrows(IllegalArgumentException.class, () -> new Drawing(tool("trend"), List.of(new Anchor(1, 2))));
        assertThrows(IllegalArgumentException.class, () -> new Anchor(1, Double.NaN));
    }

    private static DrawingTool tool(String id) {
        return DrawingTools.byId(id).orElseThrow();
    }
}
