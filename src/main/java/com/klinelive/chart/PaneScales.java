package com.klinelive.chart;

import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.ValueFormat;
import com.klinelive.chart.scale.AxisTick;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.scale.ValueTicks;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Each pane's scale and ticks for a frame: the price pane fits the candles and the overlays (or keeps the range the
 * user set), linear or logarithmic, with ticks by its mode; an indicator pane fits its values and guide levels, from
 * zero for volumes and with zero for histograms.
 */
final class PaneScales {

    private static final double PRICE_PADDING = 0.08;
    private static final double PANE_PADDING = 0.1;
    private static final double VOLUME_PADDING = 0.12;

    private PaneScales() {}

    /** The ticks of a pane: the price pane's by the scale mode, an indicator pane's linear in its format. */
    static List<AxisTick> ticks(PaneView view, ScaleMode mode, double base) {
        double spacing = PriceAxis.MIN_LABEL_SPACING;
        if (!view.isPrice()) {
            DoubleFunction<String> format =
                    view.indicator.format() == ValueFormat.VOLUME ? v -> PriceFormat.volume(v, view.volumeUnits) : null;
            return ValueTicks.linear(view.scale, spacing, format);
        }
        return switch (mode) {
            case LINEAR -> ValueTicks.linear(view.scale, spacing, null);
            case LOG -> ValueTicks.log(view.scale, spacing);
            case PERCENT -> ValueTicks.percent(view.scale, spacing, base);
        };
    }

    /**
     * The price pane's scale: the range the user set ({@code manual}, auto-fit off), else a fit of the candles and
     * the overlays' values, logarithmic in {@link ScaleMode#LOG}.
     */
    static PriceScale priceScale(
            ChartFrame frame, List<StudyFrame> overlays, double height, ScaleMode mode, PriceScale manual) {
        if (manual != null && manual.log() == (mode == ScaleMode.LOG)) {
            return manual.withHeight(height);
        }
        double low = frame.low;
        double high = frame.high;
        for (StudyFrame overlay : overlays) {
            low = minIgnoringNaN(low, overlay.low());
            high = maxIgnoringNaN(high, overlay.high());
        }
        if (frame.bars.size() == 0) {
            low = Double.NaN;
            high = Double.NaN;
        }
        return PriceScale.fitSteady(low, high, height, PRICE_PADDING, mode == ScaleMode.LOG);
    }

    /** Fits the study's values and levels, from zero for volumes and with zero for histograms. */
    static PriceScale paneScale(PaneView view, StudyFrame study, double height) {
        Study s = study.study();
        if (s.indicator().fromZero()) {
            return PriceScale.fromZero(study.high(), height, VOLUME_PADDING, view.scale);
        }
        double low = study.low();
        double high = study.high();
        for (double level : s.indicator().levels(s.parameterArray())) {
            low = minIgnoringNaN(low, level);
            high = maxIgnoringNaN(high, level);
        }
        for (Plot plot : s.indicator().plots()) {
            if (plot.kind() == Plot.Kind.HISTOGRAM) {
                low = minIgnoringNaN(low, 0);
                high = maxIgnoringNaN(high, 0);
            }
        }
        return PriceScale.fitSteady(low, high, height, PANE_PADDING, false);
    }

    private static double minIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double maxIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
