package com.klinelive.chart.drawing;

import com.klinelive.chart.scale.PriceFormat;
import javafx.scene.canvas.GraphicsContext;

/**
 * Fibonacci retracement between a swing's two ends: lines at 0, 23.6, 38.2, 50, 61.8, 78.6 and 100 % of the way
 * from the second point's price back to the first's, from the first point to the right edge, each labelled with
 * its ratio and price.
 */
public final class FibRetracement implements DrawingTool {

    /** The retracement ratios drawn. */
    public static final double[] LEVELS = {0, 0.236, 0.382, 0.5, 0.618, 0.786, 1};

    @Override
    public String id() {
        return "fib";
    }

    @Override
    public String name() {
        return "Fibonacci retracement";
    }

    @Override
    public int anchors() {
        return 2;
    }

    @Override
    public void paint(GraphicsContext gc, DrawingView v) {
        double left = Math.min(v.x()[0], v.x()[1]);
        double top = Math.min(v.y()[0], v.y()[1]);
        double bottom = Math.max(v.y()[0], v.y()[1]);
        gc.setFill(v.fill());
        gc.fillRect(left, top, v.width() - left, bottom - top);
        gc.setStroke(v.colour());
        gc.setLineWidth(1);
        gc.setFill(v.colour());
        for (double level : LEVELS) {
            double price = price(v, level);
            double y = Math.floor(v.yAt().applyAsDouble(price)) + 0.5;
            gc.strokeLine(left, y, v.width(), y);
            gc.fillText(
                    String.format(java.util.Locale.ROOT, "%.3f", level) + "  " + PriceFormat.price(price, v.decimals()),
                    left + 4,
                    y - 3);
        }
        gc.setLineDashes(4, 4);
        gc.strokeLine(v.x()[0], v.y()[0], v.x()[1], v.y()[1]);
        gc.setLineDashes();
    }

    @Override
    public double distance(DrawingView v, double px, double py) {
        double left = Math.min(v.x()[0], v.x()[1]);
        double best = DrawingTool.toSegment(px, py, v.x()[0], v.y()[0], v.x()[1], v.y()[1]);
        for (double level : LEVELS) {
            double y = v.yAt().applyAsDouble(price(v, level));
            best = Math.min(best, DrawingTool.toSegment(px, py, left, y, v.width(), y));
        }
        return best;
    }

    /** The price at {@code level}: 0 at the second point, 1 at the first. */
    static double price(DrawingView v, double level) {
        return v.prices()[1] + (v.prices()[0] - v.prices()[1]) * level;
    }
}
