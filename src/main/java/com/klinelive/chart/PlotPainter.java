package com.klinelive.chart;

import com.klinelive.chart.scale.AxisTick;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.TimeTicks;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.chart.type.BarGeometry;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The shapes the panes are painted with: grid, candles, lines, bands, columns from zero and level lines.
 *
 * <p>Columns are batched per colour as candles are (see {@link com.klinelive.chart.type.Candles}): plain
 * device-aligned rectangles, bounded by the plot width (see {@link com.klinelive.chart.scale.ColumnDecimator});
 * lines are one polyline each. The last-price line is a node of its own (see {@link PriceLine}).
 */
final class PlotPainter {

    /** A value at each bar of the frame. */
    @FunctionalInterface
    interface Series {
        double at(int bar);
    }

    private PlotPainter() {}

    /** Grid lines at the value and time ticks, one device pixel wide. */
    static void grid(
            GraphicsContext gc,
            BarGeometry g,
            double width,
            double height,
            PriceScale scale,
            List<AxisTick> ticks,
            Viewport view,
            List<TimeTicks.Tick> timeTicks,
            Paint colour) {
        gc.setFill(colour);
        double line = g.logical(1);
        for (AxisTick tick : ticks) {
            int y = g.deviceY(scale.y(tick.value()));
            gc.fillRect(0, g.logical(y), width, line);
        }
        for (TimeTicks.Tick tick : timeTicks) {
            int x = (int) Math.floor(view.x(tick.position()) * g.scale);
            gc.fillRect(g.logical(x), 0, line, height);
        }
    }

    /** A line as one polyline through the bars from {@code from} on; gaps where it is undefined. */
    static void line(
            GraphicsContext gc,
            BarBuffer bars,
            int from,
            PriceScale scale,
            Series series,
            Paint colour,
            double lineWidth) {
        gc.beginPath();
        boolean drawing = false;
        for (int b = from; b < bars.size(); b++) {
            double v = series.at(b);
            if (Double.isNaN(v)) {
                drawing = false;
                continue;
            }
            double y = scale.y(v);
            if (drawing) {
                gc.lineTo(bars.x(b), y);
            } else {
                gc.moveTo(bars.x(b), y);
                drawing = true;
            }
        }
        gc.setLineDashes();
        // Round joins reach no further than half the line width from a point: a sharp turn's miter would reach
        // across the live layer's edge.
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setLineWidth(lineWidth);
        gc.setStroke(colour);
        gc.stroke();
    }

    /** The area between two lines from bar {@code from} on, filled, where both are defined. */
    static void band(
            GraphicsContext gc, BarBuffer bars, int from, PriceScale scale, Series upper, Series lower, Paint fill) {
        int first = from;
        while (first < bars.size() && (Double.isNaN(upper.at(first)) || Double.isNaN(lower.at(first)))) {
            first++;
        }
        if (bars.size() - first < 2) {
            return;
        }
        gc.beginPath();
        gc.moveTo(bars.x(first), scale.y(upper.at(first)));
        for (int b = first + 1; b < bars.size(); b++) {
            gc.lineTo(bars.x(b), scale.y(upper.at(b)));
        }
        for (int b = bars.size() - 1; b >= first; b--) {
            gc.lineTo(bars.x(b), scale.y(lower.at(b)));
        }
        gc.closePath();
        gc.setFill(fill);
        gc.fill();
    }

    /**
     * Bars from zero from bar {@code from} on in one colour: those rising ({@code up}) or falling, by the value's
     * sign ({@code byCandle} false) or by the candle's direction (true, as volumes are coloured).
     */
    static void columns(
            GraphicsContext gc,
            BarGeometry g,
            BarBuffer bars,
            int from,
            PriceScale scale,
            Series series,
            boolean byCandle,
            boolean up,
            Paint colour) {
        int zero = g.deviceY(Math.max(0, Math.min(scale.height(), scale.y(0))));
        gc.setFill(colour);
        for (int b = from; b < bars.size(); b++) {
            double v = series.at(b);
            if (Double.isNaN(v) || (byCandle ? bars.isUp(b) : v >= 0) != up) {
                continue;
            }
            int y = g.deviceY(scale.y(v));
            int top = Math.min(y, zero);
            int bottom = Math.max(y, zero);
            if (bottom == top) {
                // A zero value is still a one-pixel mark, as a candle without range is.
                if (v == 0) {
                    continue;
                }
                top = v > 0 ? bottom - 1 : top;
                bottom = top + 1;
            }
            gc.fillRect(g.logical(g.bodyLeft(bars.x(b))), g.logical(top), g.logical(g.body), g.logical(bottom - top));
        }
    }

    /**
     * A dashed horizontal line at {@code value} across {@code [0, width)}: dashes on whole device pixels from x 0,
     * so every layer that paints a part of it paints the same pixels.
     */
    static void level(GraphicsContext gc, BarGeometry g, double width, PriceScale scale, double value, Paint colour) {
        int row = g.deviceY(scale.y(value));
        int dash = Math.max(1, (int) Math.round(4 * g.scale));
        int end = (int) Math.ceil(width * g.scale);
        gc.setFill(colour);
        for (int x = 0; x < end; x += 2 * dash) {
            gc.fillRect(g.logical(x), g.logical(row), g.logical(Math.min(dash, end - x)), g.logical(1));
        }
    }
}
