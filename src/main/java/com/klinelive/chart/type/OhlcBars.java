package com.klinelive.chart.type;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/** OHLC bars: a vertical line from low to high, the open as a tick to the left, the close as a tick to the right. */
public final class OhlcBars implements ChartType {

    @Override
    public String id() {
        return "ohlc";
    }

    @Override
    public String name() {
        return "OHLC bars";
    }

    @Override
    public boolean snapsToDevicePixels() {
        return true;
    }

    @Override
    public void paint(GraphicsContext gc, BarGeometry g, BarBuffer bars, int from, PriceScale scale, Palette colours) {
        paint(gc, g, bars, from, scale, true, colours.colour("candle-up"));
        paint(gc, g, bars, from, scale, false, colours.colour("candle-down"));
    }

    private static void paint(
            GraphicsContext gc, BarGeometry g, BarBuffer bars, int from, PriceScale scale, boolean up, Paint colour) {
        gc.setFill(colour);
        int line = g.wick;
        // The ticks take the body's width on each side of the line, at least a pixel when there is room.
        int tick = Math.max(0, (g.body - line) / 2);
        for (int b = from; b < bars.size(); b++) {
            if (bars.isUp(b) != up) {
                continue;
            }
            int left = g.wickLeft(bars.x(b));
            int high = g.deviceY(scale.y(bars.high(b)));
            int low = Math.max(high + 1, g.deviceY(scale.y(bars.low(b))));
            gc.fillRect(g.logical(left), g.logical(high), g.logical(line), g.logical(low - high));
            if (tick > 0) {
                int open = g.deviceY(scale.y(bars.open(b)));
                int close = g.deviceY(scale.y(bars.close(b)));
                gc.fillRect(g.logical(left - tick), g.logical(open), g.logical(tick), g.logical(line));
                gc.fillRect(g.logical(left + line), g.logical(close), g.logical(tick), g.logical(line));
            }
        }
    }
}
