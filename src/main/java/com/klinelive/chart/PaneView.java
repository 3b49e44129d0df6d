package com.klinelive.chart;

import com.klinelive.chart.indicator.Indicator;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.ValueFormat;
import com.klinelive.chart.scale.AxisTick;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.scale.VolumeUnits;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;

/**
 * The nodes and state of one pane: its history and live canvases, its value axis, and for an indicator pane the
 * study's legend row; the scale and ticks of its last frame, which the crosshair uses between frames. The price
 * pane is pane 0 and has no study. FX thread only.
 */
final class PaneView {

    final Canvas history;
    final Canvas live;
    final PriceAxis axis;
    final StudyLegend legend;
    final HistoryLayer shown = new HistoryLayer();
    /** What the live canvas was last painted from. */
    final LiveStamp liveStamp = new LiveStamp();
    /** The kind shown, null for the price pane: another kind needs another pane view (its axis reads differently). */
    final Indicator indicator;

    Study study;
    /** Where the live layer starts below the pane's top, and how high it is, in the last frame. */
    double liveTop;

    double liveHeight;
    PriceScale scale = new PriceScale(0, 1, 1);
    List<AxisTick> ticks = List.of();
    /** How large volumes read in the chart's language, on the axis and in the legend. */
    VolumeUnits volumeUnits = VolumeUnits.THOUSANDS;

    private PriceScale ticksScale;
    private ScaleMode ticksMode;
    private double ticksBase = Double.NaN;

    private PaneView(Study study, Canvas history, Canvas live, PriceAxis axis, StudyLegend legend) {
        this.study = study;
        this.indicator = study == null ? null : study.indicator();
        this.history = history;
        this.live = live;
        this.axis = axis;
        this.legend = legend;
        history.setMouseTransparent(true);
        live.setMouseTransparent(true);
    }

    /** The price pane. */
    static PaneView price() {
        PriceAxis axis = new PriceAxis();
        axis.getStyleClass().add(ChartStyles.PRICE_AXIS);
        return new PaneView(null, canvas(ChartStyles.PLOT), canvas(ChartStyles.LIVE_PLOT), axis, null);
    }

    /** The pane of {@code study}. */
    static PaneView of(Study study, StudyLegend legend) {
        PriceAxis axis = new PriceAxis();
        axis.getStyleClass().add(ChartStyles.PANE_AXIS);
        Canvas history = canvas(ChartStyles.PANE);
        history.getStyleClass().add(study.indicator().id());
        return new PaneView(study, history, canvas(ChartStyles.LIVE_PANE), axis, legend);
    }

    boolean isPrice() {
        return study == null;
    }

    /** Whether {@link #ticks} were made for the current scale in {@code mode} from {@code base}. */
    boolean ticksFitScale(ScaleMode mode, double base) {
        return scale.equals(ticksScale) && mode == ticksMode && Double.compare(base, ticksBase) == 0;
    }

    /** Writes volumes in {@code units} from now on; the ticks are made again. */
    void volumeUnits(VolumeUnits units) {
        if (!units.equals(volumeUnits)) {
            volumeUnits = units;
            ticksScale = null;
        }
    }

    /** Takes {@code made} as the ticks of the current scale. */
    void ticksFor(List<AxisTick> made, ScaleMode mode, double base) {
        ticks = made;
        ticksScale = scale;
        ticksMode = mode;
        ticksBase = base;
    }

    /** The nodes of the canvases, in paint order. */
    List<Node> canvases() {
        return List.of(history, live);
    }

    /** A value of this pane as its axis and crosshair read it. */
    String format(double value, int priceDecimals) {
        ValueFormat format = indicator == null ? ValueFormat.PRICE : indicator.format();
        return switch (format) {
            case PRICE -> PriceFormat.price(value, priceDecimals);
            case VOLUME -> PriceFormat.volume(value, volumeUnits);
            case OSCILLATOR -> String.format(Locale.ROOT, "%.2f", value);
        };
    }

    private static Canvas canvas(String styleClass) {
        Canvas canvas = new Canvas();
        canvas.getStyleClass().add(styleClass);
        return canvas;
    }
}
