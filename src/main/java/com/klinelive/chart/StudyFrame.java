package com.klinelive.chart;

import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudySeries;
import com.klinelive.chart.scale.BarBuffer;

/**
 * One study's values at the bars of a frame, copied from its {@link StudySeries} (which holds every candle) so the
 * painter, the scales and the history layer's comparison read a small array: one value per bar and output, bar by
 * bar. A bar that merges several candles (zoomed far out) shows the value at its newest candle, or for an output
 * drawn as volume the sum over its candles. FX thread only.
 */
final class StudyFrame {

    private double[] values = new double[0];
    private boolean[] summed = new boolean[0];
    private Study study;
    private StudySeries series;
    private int outputs;
    private int bars;

    /** Takes the values of {@code study} at {@code bars} from {@code series}; the first bar starts at candle {@code first}. */
    void fill(Study study, StudySeries series, BarBuffer bars, int first) {
        this.study = study;
        this.series = series;
        this.outputs = study.indicator().outputs().size();
        this.bars = bars.size();
        if (summed.length != outputs) {
            summed = new boolean[outputs];
        }
        java.util.Arrays.fill(summed, false);
        for (Plot plot : study.indicator().plots()) {
            summed[plot.output()] |= plot.kind() == Plot.Kind.VOLUME;
        }
        int n = this.bars * outputs;
        if (values.length < n) {
            values = new double[Math.max(n, values.length * 2)];
        }
        int from = first;
        for (int b = 0; b < this.bars; b++) {
            int last = bars.lastIndex(b);
            for (int o = 0; o < outputs; o++) {
                double v;
                if (summed[o] && last > from) {
                    v = 0;
                    for (int i = from; i <= last; i++) {
                        v += series.value(o, i);
                    }
                } else {
                    v = series.value(o, last);
                }
                values[b * outputs + o] = v;
            }
            from = last + 1;
        }
    }

    Study study() {
        return study;
    }

    /** Output {@code output} at bar {@code bar}. */
    double value(int bar, int output) {
        return values[bar * outputs + output];
    }

    /** Output {@code output} at candle {@code index} of the series, for the legend; NaN outside it. */
    double valueAt(int index, int output) {
        return index >= 0 && index < series.size() ? series.value(output, index) : Double.NaN;
    }

    /** The values of bars {@code [0, count)}, bar by bar, for comparing frames. */
    double[] values() {
        return values;
    }

    /** How many values bars {@code [0, count)} take in {@link #values()}. */
    int length(int count) {
        return count * outputs;
    }

    /** The lowest value of any output over the bars, NaN if none has one. */
    double low() {
        double low = Double.NaN;
        for (int k = 0; k < bars * outputs; k++) {
            double v = values[k];
            if (!(v >= low) && !Double.isNaN(v)) {
                low = v;
            }
        }
        return low;
    }

    /** The highest value of any output over the bars, NaN if none has one. */
    double high() {
        double high = Double.NaN;
        for (int k = 0; k < bars * outputs; k++) {
            double v = values[k];
            if (!(v <= high) && !Double.isNaN(v)) {
                high = v;
            }
        }
        return high;
    }
}
