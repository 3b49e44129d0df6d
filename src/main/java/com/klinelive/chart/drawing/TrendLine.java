package com.klinelive.chart.drawing;

import javafx.scene.canvas.GraphicsContext;

/** A straight line between two points. */
public final class TrendLine implements DrawingTool {

    @Override
    public String id() {
        return "trend";
    }

    @Override
    public String name() {
        return "Trend line";
    }

    @Override
    public int anchors() {
        return 2;
    }

    @Override
    public void paint(GraphicsContext gc, DrawingView v) {
        gc.setStroke(v.colour());
        gc.setLineWidth(1.5);
        gc.strokeLine(v.x()[0], v.y()[0], v.x()[1], v.y()[1]);
    }

    @Override
    public double distance(DrawingView v, double px, double py) {
        return DrawingTool.toSegment(px, py, v.x()[0], v.y()[0], v.x()[1], v.y()[1]);
    }
}
