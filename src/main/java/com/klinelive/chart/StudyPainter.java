package com.klinelive.chart;

import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.type.BarGeometry;
import javafx.scene.canvas.GraphicsContext;

/**
 * Paints a study's plots, whatever its kind, from what its {@link Plot}s declare: lines, fills between two
 * outputs, histograms and volume columns, in the study's colours.
 */
final class StudyPainter {

    private static final double LINE_WIDTH = 1.5;

    private StudyPainter() {}

    /**
     * Paints the plots of {@code study} from bar {@code from} on: its fills when {@code fills} (they go under the
     * candles), else every other plot, in declaration order.
     */
    static void paint(
            GraphicsContext gc,
            BarGeometry g,
            BarBuffer bars,
            int from,
            PriceScale scale,
            StudyFrame study,
            ChartColors colors,
            boolean fills) {
        Study s = study.study();
        var plots = s.indicator().plots();
        for (int p = 0; p < plots.size(); p++) {
            Plot plot = plots.get(p);
            if ((plot.kind() == Plot.Kind.FILL) != fills) {
                continue;
            }
            int output = plot.output();
            PlotPainter.Series values = b -> study.value(b, output);
            switch (plot.kind()) {
                case LINE ->
                    PlotPainter.line(
                            gc, bars, Math.max(0, from - 1), scale, values, colors.resolve(s.colour(p, 0)), LINE_WIDTH);
                case FILL ->
                    PlotPainter.band(
                            gc,
                            bars,
                            Math.max(0, from - 1),
                            scale,
                            values,
                            b -> study.value(b, plot.other()),
                            colors.resolve(s.colour(p, 0)));
                case HISTOGRAM, VOLUME -> {
                    boolean byCandle = plot.kind() == Plot.Kind.VOLUME;
                    PlotPainter.columns(
                            gc, g, bars, from, scale, values, byCandle, true, colors.resolve(s.colour(p, 0)));
                    PlotPainter.columns(
                            gc, g, bars, from, scale, values, byCandle, false, colors.resolve(s.colour(p, 1)));
                }
            }
        }
    }
}
