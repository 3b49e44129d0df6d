package com.klinelive.chart;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * Paints the volume pane: one bar per candle (or pixel column), batched per colour like the candles (see
 * {@link PlotPainter} for why rectangles rather than a path).
 */
final class VolumePainter {

    private VolumePainter() {}

    /** The volume bars of rising ({@code up}) or falling bars from bar {@code from} on, in one colour. */
    static void bars(
            GraphicsContext gc,
            BarGeometry g,
            BarBuffer bars,
            int from,
            PriceScale volumes,
            double height,
            boolean up,
            Paint colour) {
        int bottom = g.deviceY(height);
        gc.setFill(colour);
        for (int b = from; b < bars.size(); b++) {
            if (bars.isUp(b) != up || !(bars.volume(b) > 0)) {
                continue;
            }
            int top = Math.min(bottom - 1, g.deviceY(volumes.y(bars.volume(b))));
            gc.fillRect(g.logical(g.bodyLeft(bars.x(b))), g.logical(top), g.logical(g.body), g.logical(bottom - top));
        }
    }
}
