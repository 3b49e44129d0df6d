package com.klinelive.chart.type;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * Hollow candles: a rising candle's body is an outline, a falling candle's is filled, so direction reads from the
 * shape as well as the colour. Wicks stop at the body's edges. Too narrow for an outline (zoomed out), bodies are
 * filled as candles are.
 */
public final class HollowCandles implements ChartType {

    @Override
    public String id() {
        return "hollow";
    }

    @Override
    public String name() {
        return "Hollow candles";
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
        for (int b = from; b < bars.size(); b++) {
            if (bars.isUp(b) != up) {
                continue;
            }
            double x = bars.x(b);
            int high = g.deviceY(scale.y(bars.high(b)));
            int low = Math.max(high + 1, g.deviceY(scale.y(bars.low(b))));
            int bodyTop = g.deviceY(scale.y(Math.max(bars.open(b), bars.close(b))));
            int bodyBottom = Math.max(bodyTop + 1, g.deviceY(scale.y(Math.min(bars.open(b), bars.close(b)))));
            int wickLeft = g.wickLeft(x);
            if (!up || g.body < 3 * line) {
                Candles.candle(gc, g, bars, b, scale);
                continue;
            }
            rect(gc, g, wickLeft, high, line, bodyTop - high);
            rect(gc, g, wickLeft, bodyBottom, line, low - bodyBottom);
            int left = g.bodyLeft(x);
            int height = bodyBottom - bodyTop;
            rect(gc, g, left, bodyTop, g.body, line);
            rect(gc, g, left, bodyBottom - line, g.body, line);
            rect(gc, g, left, bodyTop, line, height);
            rect(gc, g, left + g.body - line, bodyTop, line, height);
        }
    }

    private static void rect(GraphicsContext gc, BarGeometry g, int x, int y, int w, int h) {
        if (w > 0 && h > 0) {
            gc.fillRect(g.logical(x), g.logical(y), g.logical(w), g.logical(h));
        }
    }
}
