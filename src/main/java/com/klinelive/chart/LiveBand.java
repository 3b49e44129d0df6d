package com.klinelive.chart;

import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.type.ChartType;
import java.util.List;

/**
 * The rows of a pane whose pixels depend on the newest bar: its candle (or the line or area segment leading to
 * it), the segments of every study line into it, its histogram or volume column from zero, the band fills between
 * the bar before and it, and the last-price line. The live layer covers only these rows of its strip, opaque, over
 * the history layer, which paints everything but the newest bar; so a trade repaints a box around the newest
 * candle instead of the strip's whole height (on the software pipeline a frame costs in proportion to the area
 * that changed: the strip's 950 rows were a third of the render thread at 1,000 ticks a second).
 *
 * <p>The rows are rounded out to {@link #STEP} device rows, so the layer is resized (a new texture) only when the
 * newest values move that far. FX thread only.
 */
final class LiveBand {

    /** Device rows the band's edges are rounded to. */
    static final int STEP = 32;

    /** Device rows around the marks: a line's half width, its round joins and anti-aliasing. */
    private static final int MARGIN = 4;

    private double min;
    private double max;
    private double paneHeight;

    /** Device rows {@code [top, bottom)} of pane {@code k}'s band, in {@code rows[0]} and {@code rows[1]}. */
    void rows(
            int[] rows,
            BarBuffer bars,
            int k,
            List<StudyFrame> studies,
            ChartType type,
            PriceScale scale,
            double lineY,
            double renderScale) {
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        paneHeight = scale.height();
        int newest = bars.size() - 1;
        int before = Math.max(0, newest - 1);
        if (k == 0) {
            include(scale.y(bars.high(newest)));
            include(scale.y(bars.low(newest)));
            // A line or area segment runs from the close before.
            include(scale.y(bars.close(before)));
            include(lineY);
            if (type.fillsToBottom()) {
                include(scale.height());
            }
        }
        for (StudyFrame study : studies) {
            List<Plot> plots = study.study().indicator().plots();
            for (Plot plot : plots) {
                switch (plot.kind()) {
                    case LINE -> {
                        include(scale.y(study.value(before, plot.output())));
                        include(scale.y(study.value(newest, plot.output())));
                    }
                    case FILL -> {
                        for (int b = before; b <= newest; b++) {
                            include(scale.y(study.value(b, plot.output())));
                            include(scale.y(study.value(b, plot.other())));
                        }
                    }
                    case HISTOGRAM, VOLUME -> {
                        include(scale.y(study.value(newest, plot.output())));
                        include(Math.max(0, Math.min(scale.height(), scale.y(0))));
                    }
                }
            }
        }
        int height = (int) Math.ceil(scale.height() * renderScale);
        if (!(max >= min)) {
            rows[0] = 0;
            rows[1] = 0;
            return;
        }
        int top = (int) Math.floor(min * renderScale) - MARGIN;
        int bottom = (int) Math.ceil(max * renderScale) + MARGIN + 1;
        rows[0] = Math.max(0, Math.floorDiv(top, STEP) * STEP);
        rows[1] = Math.min(height, Math.max(rows[0], -Math.floorDiv(-bottom, STEP) * STEP));
    }

    /** A y that is off the pane or undefined widens the band only as far as the pane's edge. */
    private void include(double y) {
        if (Double.isNaN(y)) {
            return;
        }
        double clamped = Math.max(-1, Math.min(paneHeight + 1, y));
        min = Math.min(min, clamped);
        max = Math.max(max, clamped);
    }
}
