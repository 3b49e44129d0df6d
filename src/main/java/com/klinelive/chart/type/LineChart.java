package com.klinelive.chart.type;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineJoin;

/** A line through the closes. */
public final class LineChart implements ChartType {

    static final double WIDTH = 2;

    @Override
    public String id() {
        return "line";
    }

    @Override
    public String name() {
        return "Line";
    }

    @Override
    public boolean closesOnly() {
        return true;
    }

    @Override
    public void paint(GraphicsContext gc, BarGeometry g, BarBuffer bars, int from, PriceScale scale, Palette colours) {
        stroke(gc, bars, from, scale, colours);
    }

    /** The polyline through the closes from the bar before {@code from}, which the layer also draws into. */
    static void stroke(GraphicsContext gc, BarBuffer bars, int from, PriceScale scale, Palette colours) {
        int first = Math.max(0, from - 1);
        if (bars.size() - first < 1) {
            return;
        }
        gc.beginPath();
        gc.moveTo(bars.x(first), scale.y(bars.close(first)));
        for (int b = first + 1; b < bars.size(); b++) {
            gc.lineTo(bars.x(b), scale.y(bars.close(b)));
        }
        gc.setLineDashes();
        // Round joins reach no further than half the line width from a point: a sharp turn's miter would reach
        // across the live layer's edge.
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setLineWidth(WIDTH);
        gc.setStroke(colours.colour("area-line"));
        gc.stroke();
    }
}
