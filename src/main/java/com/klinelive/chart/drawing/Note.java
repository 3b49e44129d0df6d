package com.klinelive.chart.drawing;

import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Text;

/** A text note pinned to a moment and a price. */
public final class Note implements DrawingTool {

    private static final double PADDING = 4;

    @Override
    public String id() {
        return "note";
    }

    @Override
    public String name() {
        return "Text note";
    }

    @Override
    public int anchors() {
        return 1;
    }

    @Override
    public boolean hasText() {
        return true;
    }

    @Override
    public void paint(GraphicsContext gc, DrawingView v) {
        Bounds size = size(v.text(), gc);
        double x = v.x()[0];
        double y = v.y()[0];
        gc.setFill(v.fill());
        gc.fillRect(
                x, y - size.getHeight() - 2 * PADDING, size.getWidth() + 2 * PADDING, size.getHeight() + 2 * PADDING);
        gc.setStroke(v.colour());
        gc.setLineWidth(1);
        gc.strokeLine(x + 0.5, y, x + 0.5, y - size.getHeight() - 2 * PADDING);
        gc.setFill(v.colour());
        gc.fillText(v.text(), x + PADDING, y - PADDING - 2);
    }

    @Override
    public double distance(DrawingView v, double px, double py) {
        // Roughly the box the text takes: 7 pixels a character, 16 high, above the anchor.
        double width = 7 * Math.max(1, v.text().length()) + 2 * PADDING;
        double dx = Math.max(0, Math.max(v.x()[0] - px, px - (v.x()[0] + width)));
        double dy = Math.max(0, Math.max(v.y()[0] - 24 - py, py - v.y()[0]));
        return Math.hypot(dx, dy);
    }

    private static Bounds size(String text, GraphicsContext gc) {
        Text measure = new Text(text);
        measure.setFont(gc.getFont());
        return measure.getLayoutBounds();
    }
}
