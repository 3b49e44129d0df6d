package com.klinelive.chart.drawing;

import javafx.scene.canvas.GraphicsContext;

/** A line from a point through a second one, on to the edge of the pane. */
public final class Ray implements DrawingTool {

    @Override
    public String id() {
        return "ray";
    }

    @Override
    public String name() {
        return "Ray";
    }

    @Override
    public int anchors() {
        return 2;
    }

    @Override
    public void paint(GraphicsContext gc, DrawingView v) {
        double[] end = end(v);
        gc.setStroke(v.colour());
        gc.setLineWidth(1.5);
        gc.strokeLine(v.x()[0], v.y()[0], end[0], end[1]);
    }

    @Override
    public double distance(DrawingView v, double px, double py) {
        double[] end = end(v);
        return DrawingTool.toSegment(px, py, v.x()[0], v.y()[0], end[0], end[1]);
    }

    /** Where the ray leaves the pane: far enough along its direction to pass every edge. */
    private static double[] end(DrawingView v) {
        double dx = v.x()[1] - v.x()[0];
        double dy = v.y()[1] - v.y()[0];
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return new double[] {v.x()[0], v.y()[0]};
        }
        double reach = 2 * (v.width() + v.height()) + Math.abs(v.x()[0]) + Math.abs(v.y()[0]);
        return new double[] {v.x()[0] + dx / length * reach, v.y()[0] + dy / length * reach};
    }
}
