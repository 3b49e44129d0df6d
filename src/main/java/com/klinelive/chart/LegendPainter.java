package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.PriceFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Paint;

/**
 * Fills the legend: the candle under the crosshair (else the newest) with its change, and every study's values at
 * it in the colours they are drawn in, overlays under the title, each pane's study in its pane. FX thread only.
 */
final class LegendPainter {

    /** Shortest time between two legends that show the same candle, in nanoseconds. */
    static final long LEGEND_PERIOD = 100_000_000;

    private final ChartLabels labels;
    private long legendShownAt = Long.MIN_VALUE / 2;
    private int legendIndex = -2;
    private boolean legendStale;

    LegendPainter(ChartLabels labels) {
        this.labels = labels;
    }

    /** Shows the legend now if it is due, else leaves it for the pulse (see {@link #legendDue}). */
    void legendAfterFrame(CandleChart chart, ChartFrame frame, List<PaneView> panes, int decimals, boolean whole) {
        if (whole || frame.legend.index != legendIndex || legendDue(System.nanoTime())) {
            legend(chart, frame, panes, decimals);
        } else {
            legendStale = true;
        }
    }

    /**
     * Whether the legend shows older values than the last frame's and has not changed for {@link #LEGEND_PERIOD}:
     * the pulse then shows the last frame's values. A legend that follows the newest candle changes at most ten
     * times a second, which is as fast as anyone reads it, while the candles and the last price follow every
     * trade; with three panes and four overlays its dozen texts were half of what a frame cost the renderer.
     */
    boolean legendDue(long now) {
        return now - legendShownAt >= LEGEND_PERIOD;
    }

    /** Nanoseconds from {@code now} until {@link #legendDue} holds; 0 if it does. */
    long legendDueIn(long now) {
        return Math.max(0, legendShownAt + LEGEND_PERIOD - now);
    }

    /** Whether a frame left the legend behind (see {@link #legendDue}). */
    boolean legendStale() {
        return legendStale;
    }

    /** Shows the legend's candle (under the crosshair, else the newest) and every study's values at it. */
    void legend(CandleChart chart, ChartFrame frame, List<PaneView> panes, int decimals) {
        legendShownAt = System.nanoTime();
        legendIndex = frame.legend.index;
        legendStale = false;
        CandleBook book = chart.getBook();
        labels.legend(book == null ? null : book.symbol(), chart.getTimeframe(), frame.legend, decimals);
        List<StudyFrame> shownOverlays = new ArrayList<>();
        for (StudyFrame study : frame.studies) {
            if (!study.study().inPane()) {
                shownOverlays.add(study);
            }
        }
        List<StudyLegend> rows = labels.overlayRows(shownOverlays.size());
        for (int i = 0; i < rows.size(); i++) {
            showValues(rows.get(i), shownOverlays.get(i), null, chart.colors(), frame.legend, decimals);
        }
        for (int k = 1; k < panes.size(); k++) {
            PaneView pane = panes.get(k);
            StudyFrame study = null;
            for (StudyFrame s : frame.studies) {
                if (s.study() == pane.study) {
                    study = s;
                }
            }
            if (study != null) {
                showValues(pane.legend, study, pane, chart.colors(), frame.legend, decimals);
            }
        }
    }

    /** Fills a study's legend row with its values at the legend's candle, each in the colour it is drawn in. */
    private static void showValues(
            StudyLegend row, StudyFrame study, PaneView pane, ChartColors colors, LegendValues candle, int decimals) {
        Study s = study.study();
        List<Plot> plots = s.indicator().plots();
        int outputs = s.indicator().outputs().size();
        List<String> texts = new ArrayList<>(outputs);
        List<Paint> paints = new ArrayList<>(outputs);
        for (int o = 0; o < outputs; o++) {
            double v = candle.isEmpty() ? Double.NaN : study.valueAt(candle.index, o);
            String text =
                    Double.isNaN(v) ? "-" : pane != null ? pane.format(v, decimals) : PriceFormat.price(v, decimals);
            texts.add(text);
            paints.add(colors.resolve(outputColour(s, plots, o, v, candle)));
        }
        row.show(s, texts, paints);
    }

    /** The colour an output is drawn in: its line's, else its histogram's by sign or volume's by candle. */
    private static String outputColour(Study s, List<Plot> plots, int output, double value, LegendValues candle) {
        String fallback = null;
        for (int p = 0; p < plots.size(); p++) {
            Plot plot = plots.get(p);
            if (plot.output() != output) {
                continue;
            }
            switch (plot.kind()) {
                case LINE -> {
                    return s.colour(p, 0);
                }
                case HISTOGRAM -> fallback = s.colour(p, value >= 0 ? 0 : 1);
                case VOLUME -> fallback = s.colour(p, candle.isEmpty() || candle.isUp() ? 0 : 1);
                case FILL -> fallback = fallback == null ? s.colour(p, 0) : fallback;
            }
        }
        return fallback == null ? "level" : fallback;
    }
}
