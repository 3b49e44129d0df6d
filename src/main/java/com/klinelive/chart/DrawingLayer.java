package com.klinelive.chart;

import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingView;
import com.klinelive.chart.scale.PriceScale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * The drawings over the price pane, on a canvas of their own that is repainted only when a drawing, the selection
 * or where the drawings stand (view, price scale) changed: a live trade in the newest candle leaves it alone.
 * Keeps each drawing's view of the last frame, for the editor's hit tests. FX thread only.
 */
final class DrawingLayer {

    /** Side of the square handles on a selected drawing's points, in pixels. */
    static final double HANDLE = 7;

    /** What the canvas shows. */
    private record Shown(
            List<Drawing> drawings,
            List<PriceLevel> levels,
            double[] points,
            double width,
            double height,
            int selected,
            Object colours) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Shown s
                    && s.drawings.equals(drawings)
                    && s.levels.equals(levels)
                    && Arrays.equals(s.points, points)
                    && s.width == width
                    && s.height == height
                    && s.selected == selected
                    && s.colours.equals(colours);
        }

        @Override
        public int hashCode() {
            return drawings.hashCode();
        }
    }

    final Canvas canvas = new Canvas();
    private final List<DrawingView> views = new ArrayList<>();
    private Shown shown;

    DrawingLayer() {
        canvas.getStyleClass().add(ChartStyles.DRAWINGS);
        canvas.setMouseTransparent(true);
    }

    /** Each drawing's view in the last frame, in the order of the chart's drawings. */
    List<DrawingView> views() {
        return views;
    }

    /**
     * Places the drawings of {@code frame} and the price levels on the price pane and repaints the canvas if that
     * changed.
     *
     * @param levels   prices marked with a dashed line and a label (alerts), under the drawings
     * @param selected the index of the selected drawing, or -1
     */
    void paint(
            ChartFrame frame,
            List<PriceLevel> levels,
            FramePainter.Geometry at,
            PriceScale prices,
            ChartColors colors,
            int selected,
            int decimals) {
        double width = at.plotWidth();
        double height = at.plotHeight();
        Placement.moveTo(canvas, at.left(), at.top());
        List<Drawing> drawings = frame.drawings;
        views.clear();
        double[] points = new double[frame.drawingIndexes.length * 2];
        Paint colour = colors.resolve("drawing");
        Paint fill = colors.resolve("drawing-fill");
        int k = 0;
        for (Drawing d : drawings) {
            int n = d.anchors().size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] p = new double[n];
            for (int a = 0; a < n; a++) {
                Anchor anchor = d.anchors().get(a);
                x[a] = frame.viewport.x(frame.drawingIndexes[k]);
                y[a] = prices.y(anchor.price());
                p[a] = anchor.price();
                points[2 * k] = x[a];
                points[2 * k + 1] = y[a];
                k++;
            }
            views.add(new DrawingView(
                    x, y, p, width, height, d.text(), colour, fill, prices::value, prices::y, decimals));
        }
        double[] levelYs = new double[levels.size()];
        for (int i = 0; i < levelYs.length; i++) {
            levelYs[i] = prices.y(levels.get(i).price());
        }
        Paint levelColour = colors.resolve("alert-level");
        double[] placed = Arrays.copyOf(points, points.length + levelYs.length);
        System.arraycopy(levelYs, 0, placed, points.length, levelYs.length);
        Shown now = new Shown(
                List.copyOf(drawings), levels, placed, width, height, selected, List.of(colour, fill, levelColour));
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        paintLevels(gc, levels, levelYs, width, height, levelColour);
        for (int i = 0; i < drawings.size(); i++) {
            DrawingView view = views.get(i);
            drawings.get(i).tool().paint(gc, view);
            if (i == selected) {
                gc.setFill(colors.resolve("drawing-handle"));
                gc.setStroke(colour);
                gc.setLineWidth(1);
                for (int a = 0; a < view.x().length; a++) {
                    double hx = Math.floor(view.x()[a] - HANDLE / 2) + 0.5;
                    double hy = Math.floor(view.y()[a] - HANDLE / 2) + 0.5;
                    gc.fillRect(hx, hy, HANDLE, HANDLE);
                    gc.strokeRect(hx, hy, HANDLE, HANDLE);
                }
            }
        }
    }

    /** Each level a dashed line across the pane with its label above the line's left end; off the pane, nothing. */
    private static void paintLevels(
            GraphicsContext gc, List<PriceLevel> levels, double[] ys, double width, double height, Paint colour) {
        gc.setStroke(colour);
        gc.setFill(colour);
        gc.setLineWidth(1);
        gc.setLineDashes(6, 4);
        gc.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        gc.setTextBaseline(javafx.geometry.VPos.BOTTOM);
        for (int i = 0; i < ys.length; i++) {
            double y = Math.floor(ys[i]) + 0.5;
            if (!(y >= 0 && y <= height)) {
                continue;
            }
            gc.strokeLine(0, y, width, y);
            gc.fillText(levels.get(i).label(), 6, y - 2);
        }
        gc.setLineDashes();
    }
}
