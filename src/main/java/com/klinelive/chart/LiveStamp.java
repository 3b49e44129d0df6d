package com.klinelive.chart;

import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.type.BarGeometry;
import com.klinelive.chart.type.ChartType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * What a pane's live layer was last painted from, in the terms its pixels depend on: a candle snapped to device
 * pixels by the device rows of its prices, a line by its exact values. At 1,000 ticks/s most trades move the newest
 * candle by less than a device pixel, and the volume column hardly ever: a frame whose stamp equals the last one
 * leaves the layer as it is, so JavaFX neither replays its drawing commands nor repaints its box. FX thread only.
 */
final class LiveStamp {

    private double[] values = new double[64];
    private double[] shown = new double[64];
    private int size;
    private int shownSize = -1;
    private Object[] refs = new Object[8];
    private Object[] shownRefs = new Object[8];
    private int refCount;

    /**
     * Stamps what pane {@code k}'s live layer would paint this frame: its place (from plot x {@code split}) and
     * size, the scale and grid, the bars from {@code liveFrom} and, on the price pane, the last-price line's row
     * ({@code lineY}, pane y; NaN on other panes) and colour.
     *
     * @return whether that is what the layer shows already; when not, the stamp is taken as painted
     */
    boolean unchanged(
            CandleChart chart,
            ChartFrame frame,
            FramePainter.Geometry at,
            PaneView view,
            int k,
            BarGeometry g,
            List<StudyFrame> studies,
            int liveFrom,
            double split,
            double lineY,
            Color backdrop) {
        begin();
        add(split);
        add(view.liveTop);
        add(view.liveHeight);
        add(at.plotWidth());
        add(at.scale());
        ref(view.scale);
        ref(view.ticks);
        ref(frame.viewport);
        ref(frame.timeTicks);
        ref(backdrop);
        bars(frame.bars, liveFrom, view.scale, g, k == 0 ? chart.getChartType() : null, studies);
        if (k == 0) {
            boolean shown = Double.isFinite(lineY) && lineY >= 0 && lineY <= at.plotHeight();
            add(shown ? Math.floor(lineY * at.scale()) : -1);
            add(frame.newestClose >= frame.newestOpen ? 1 : 0);
        }
        return same();
    }

    /** Starts this frame's stamp. */
    private void begin() {
        size = 0;
        refCount = 0;
    }

    private void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** A value compared by {@code equals}: a scale, a list of ticks, a colour. */
    private void ref(Object value) {
        if (refCount == refs.length) {
            refs = Arrays.copyOf(refs, refCount * 2);
        }
        refs[refCount++] = value;
    }

    /**
     * Adds what pane {@code k}'s bars from {@code from} paint with: the chart type's marks (price pane) and every
     * plot of the studies, with the line segments leading into bar {@code from}.
     */
    private void bars(
            BarBuffer bars, int from, PriceScale scale, BarGeometry g, ChartType type, List<StudyFrame> studies) {
        add(bars.size());
        add(bars.slotWidth());
        if (type != null) {
            ref(type);
            boolean snapped = type.snapsToDevicePixels();
            for (int b = snapped ? from : Math.max(0, from - 1); b < bars.size(); b++) {
                add(bars.x(b));
                if (snapped) {
                    add(g.deviceY(scale.y(bars.open(b))));
                    add(g.deviceY(scale.y(bars.high(b))));
                    add(g.deviceY(scale.y(bars.low(b))));
                    add(g.deviceY(scale.y(bars.close(b))));
                    add(bars.isUp(b) ? 1 : 0);
                } else {
                    add(bars.close(b));
                }
            }
        }
        for (StudyFrame study : studies) {
            ref(study.study());
            for (Plot plot : study.study().indicator().plots()) {
                switch (plot.kind()) {
                    case LINE, FILL -> {
                        for (int b = Math.max(0, from - 1); b < bars.size(); b++) {
                            add(study.value(b, plot.output()));
                            add(plot.other() >= 0 ? study.value(b, plot.other()) : 0);
                        }
                    }
                    case HISTOGRAM, VOLUME -> {
                        for (int b = from; b < bars.size(); b++) {
                            double v = study.value(b, plot.output());
                            add(Double.isNaN(v) ? Double.NaN : g.deviceY(scale.y(v)));
                            // The colour and the one-pixel mark of a zero follow the sign and the candle.
                            add(Double.isNaN(v) ? 0 : Math.signum(v));
                            add(bars.isUp(b) ? 1 : 0);
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether this frame's stamp equals the one last painted. When it does not, it becomes the one painted: call
     * only when the layer is then painted.
     */
    private boolean same() {
        boolean same = size == shownSize && Arrays.equals(values, 0, size, shown, 0, size) && refsEqual();
        if (!same) {
            double[] t = shown;
            shown = values;
            values = t;
            shownSize = size;
            Object[] r = shownRefs;
            shownRefs = refs;
            Arrays.fill(shownRefs, refCount, shownRefs.length, null);
            refs = r;
        }
        return same;
    }

    /** Forgets what was painted: the next frame paints the layer. */
    void forget() {
        shownSize = -1;
        Arrays.fill(shownRefs, null);
    }

    private boolean refsEqual() {
        for (int i = 0; i < refCount; i++) {
            if (i >= shownRefs.length || !Objects.equals(refs[i], shownRefs[i])) {
                return false;
            }
        }
        return refCount == shownRefs.length || shownRefs[refCount] == null;
    }
}
