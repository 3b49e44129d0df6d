package com.klinelive.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * The dashed last-price line across the candle pane, in two parts: over the history layer a canvas one device
 * pixel high, painted when its length, colour or dash phase changes and otherwise only moved; over the live
 * layer, painted by that layer with the rest of it.
 *
 * <p>Why two parts: on the software pipeline JavaFX unions intersecting dirty regions, and a line across the whole
 * pane crosses the live layer, so moving it would make the whole pane one dirty region every frame. The dashes are
 * anchored at the live layer's left edge, with the gap just before it, so no pixel of the line is missing where
 * the parts meet, and the two nodes' dirty regions stay apart.
 */
final class PriceLine {

    /** Length of a dash, and of the gap after it, in logical pixels. */
    private static final double DASH = 3;

    final Canvas canvas = new Canvas();

    private double paintedWidth = -1;
    private double paintedScale;
    private int paintedPhase;
    private Paint paintedColour;

    PriceLine() {
        canvas.getStyleClass().add(ChartStyles.PRICE_LINE);
        canvas.setMouseTransparent(true);
    }

    /**
     * Shows the history part: from the pane's left edge to the gap before plot x {@code anchor} (the live layer's
     * left edge, or the pane's right edge when there is none), at plot y {@code y}; hidden when {@code y} is off
     * the pane.
     */
    void place(FramePainter.Geometry at, double anchor, double y, Paint colour) {
        double scale = at.scale();
        int on = dashDevice(scale);
        int anchorDevice = (int) Math.round(anchor * scale);
        int endDevice = Math.max(0, anchorDevice - on);
        boolean shown = Double.isFinite(y) && y >= 0 && y <= at.plotHeight() && endDevice > 0;
        canvas.setVisible(shown);
        if (!shown) {
            return;
        }
        double width = endDevice / scale;
        int phase = Math.floorMod(anchorDevice, 2 * on);
        if (width != paintedWidth || scale != paintedScale || phase != paintedPhase || !colour.equals(paintedColour)) {
            canvas.setWidth(width);
            canvas.setHeight(1 / scale);
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            dashes(gc, scale, 0, endDevice, 0, anchorDevice, colour);
            paintedWidth = width;
            paintedScale = scale;
            paintedPhase = phase;
            paintedColour = colour;
        }
        Placement.moveTo(canvas, at.left(), at.top() + row(y, scale) / scale);
    }

    /**
     * Paints the live part from plot x {@code from} to {@code to} at plot y {@code y}, onto a layer's context that
     * draws in plot coordinates; nothing when {@code y} is off the pane.
     */
    static void paintLive(
            GraphicsContext gc, FramePainter.Geometry at, double from, double to, double y, Paint colour) {
        if (!Double.isFinite(y) || y < 0 || y > at.plotHeight()) {
            return;
        }
        double scale = at.scale();
        int fromDevice = (int) Math.round(from * scale);
        dashes(gc, scale, fromDevice, (int) Math.ceil(to * scale), row(y, scale), fromDevice, colour);
    }

    /** Dashes in device columns {@code [from, to)} of device row {@code row}, one of them starting at {@code anchor}. */
    private static void dashes(GraphicsContext gc, double scale, int from, int to, int row, int anchor, Paint colour) {
        int on = dashDevice(scale);
        int period = 2 * on;
        gc.setFill(colour);
        int start = anchor - Math.floorDiv(anchor - from, period) * period;
        if (start > from) {
            start -= period;
        }
        for (int x = start; x < to; x += period) {
            int left = Math.max(from, x);
            int right = Math.min(to, x + on);
            if (right > left) {
                gc.fillRect(left / scale, row / scale, (right - left) / scale, 1 / scale);
            }
        }
    }

    private static int dashDevice(double scale) {
        return Math.max(1, (int) Math.round(DASH * scale));
    }

    private static int row(double y, double scale) {
        return (int) Math.floor(y * scale);
    }
}
