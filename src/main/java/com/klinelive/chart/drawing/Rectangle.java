package com.klinelive.chart.drawing;

import javafx.scene.canvas.GraphicsContext;

/** A box between two corners, filled lightly: a range or a zone. */
public final class Rectangle implements DrawingTool {

    @Override
    public String id() {
        return "rectangle";
    }

    @Override
    public String name() {
        return "Rectangle";
    }

    @Override
    public int anchors() {
        return 2;
    }

    @Override
    public void paint(GraphicsContext gc, DrawingView v) {
        double left = Math.min(v.x()[0], v.x()[1]);
        double top = Math.min(v.y()[0], v.y()[1]);
        double w = Math.abs(v.x()[1] - v.x()[0]);
        double h = Math.abs(v.y()[1] - v.y()[0]);
        gc.setFill(v.fill());
        gc.fillRect(left, top, w, h);
        gc.setStroke(v.colour());
        gc.setLineWidth(1);
        gc.strokeRect(Math.floor(left) + 0.5, Math.floor(top) + 0.5, Math.round(w), Math.round(h));
    }

    @Override
    public double distance(DrawingView v, double px, double py) {
        double left = Math.min(v.x()[0], v.x()[1]);
        double right = Math.max(v.x()[0], v.x()[1]);
        double top = Math.min(v.y()[0], v.y()[1]);
        double bottom = Math.max(v.y()[0], v.y()[1]);
        double dx = Math.max(0, Math.max(left - px, px - right));
        double dy = Math.max(0, Math.max(top - py, py - bottom));
        return Math.hypot(dx, dy);
    }
}
