package com.klinelive.chart.drawing;

import javafx.scene.canvas.GraphicsContext;

/**
 * A kind of drawing: how many points it takes, how it paints and how near the pointer is to it. One
 * implementation per tool, one file each, registered in {@link DrawingTools}; the chart places, selects, moves,
 * saves and undoes every tool the same way. Implementations are stateless.
 */
public interface DrawingTool {

    /** Short lower-case name for settings: {@code trend}. */
    String id();

    /**
     * English name, {@code Trend line}; menus show the name of the chart's language ({@code ChartMessages}), this one
     * where it has none.
     */
    String name();

    /** Points it takes: 1 (placed with a click) or 2 (dragged from the first to the second). */
    int anchors();

    /** Paints the drawing in the price pane's plot coordinates. */
    void paint(GraphicsContext gc, DrawingView view);

    /** Distance in pixels from ({@code px}, {@code py}) to what it paints; 0 inside a filled shape. */
    double distance(DrawingView view, double px, double py);

    /** Whether it asks for a text when placed (a note). */
    default boolean hasText() {
        return false;
    }

    /** Distance from a point to the segment (x0, y0)-(x1, y1). */
    static double toSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }
}
