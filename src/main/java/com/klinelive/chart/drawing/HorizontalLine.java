package com.klinelive.chart.drawing;

import com.klinelive.chart.scale.PriceFormat;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** A horizontal line across the pane at one price, labelled with it: a support or resistance level. */
public final class HorizontalLine implements DrawingTool {

    @Override
    public String id() {
        return "horizontal";
    }

    @Override
    public String name() {
        return "Horizontal line";
    }

    @Override
    public int anchors() {
        return 1;
    }

    @Override
    public void paint(GraphicsContext gc, DrawingView v) {
        double y = Math.floor(v.y()[0]) + 0.5;
        gc.setStroke(v.colour());
        gc.setLineWidth(1);
        gc.strokeLine(0, y, v.width(), y);
        gc.setFill(v.colour());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(PriceFormat.price(v.prices()[0], v.decimals()), v.width() - 4, y - 3);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    @Override
    public double distance(DrawingView v, double px, double py) {
        return Math.abs(py - v.y()[0]);
    }
}
