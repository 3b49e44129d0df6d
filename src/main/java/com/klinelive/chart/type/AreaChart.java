package com.klinelive.chart.type;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import javafx.scene.canvas.GraphicsContext;

/** A line through the closes with the area under it filled to the bottom of the pane. */
public final class AreaChart implements ChartType {

    @Override
    public String id() {
        return "area";
    }

    @Override
    public String name() {
        return "Area";
    }

    @Override
    public boolean closesOnly() {
        return true;
    }

    @Override
    public boolean fillsToBottom() {
        return true;
    }

    @Override
    public void paint(GraphicsContext gc, BarGeometry g, BarBuffer bars, int from, PriceScale scale, Palette colours) {
        int first = Math.max(0, from - 1);
        if (bars.size() - first >= 2) {
            gc.beginPath();
            gc.moveTo(bars.x(first), scale.height());
            for (int b = first; b < bars.size(); b++) {
                gc.lineTo(bars.x(b), scale.y(bars.close(b)));
            }
            gc.lineTo(bars.x(bars.size() - 1), scale.height());
            gc.closePath();
            gc.setFill(colours.colour("area-fill"));
            gc.fill();
        }
        LineChart.stroke(gc, bars, from, scale, colours);
    }
}
