package com.klinelive.chart;

import com.klinelive.chart.scale.AxisTick;
import com.klinelive.chart.scale.PriceScale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;

/**
 * A vertical value axis (price, or an indicator's values) that shows the ticks the chart computed, at the pixels its
 * {@link PriceScale} puts them: the axis ranges over the scale's values, or their logarithms on a log scale, so a
 * linear, logarithmic or percent scale all place their labels exactly where the grid lines are. A label belongs to
 * its tick's value, not to a pixel: the axis keeps a tick mark whose value stays from one frame to the next, and
 * its label stays right as the range moves. The chart sets it every frame; it never ranges itself.
 */
public final class PriceAxis extends ValueAxis<Number> {

    /** Smallest distance between two tick labels, in pixels. */
    public static final double MIN_LABEL_SPACING = 36;

    /** Ticks closer than this to either end are left out, so no label is cut in half or meets the next pane's. */
    public static final double EDGE_MARGIN = 9;

    /** Half the height of a tick label, about: a label this close to a covered band would be cut by it. */
    private static final double LABEL_HALF_HEIGHT = 8;

    private final Map<Double, String> labels = new HashMap<>();
    private List<AxisTick> ticks = List.of();
    private PriceScale scale = new PriceScale(0, 1, 1);
    private double coveredTop = Double.NaN;
    private double coveredBottom = Double.NaN;
    private long coveredTicks;

    /** An axis on the right. */
    public PriceAxis() {
        setSide(Side.RIGHT);
        setAutoRanging(false);
        setAnimated(false);
        setMinorTickVisible(false);
    }

    /** Shows {@code newTicks} placed by {@code newScale}; lays out again only when they changed. */
    public void setTicks(PriceScale newScale, List<AxisTick> newTicks) {
        if (newScale.equals(scale) && newTicks.equals(ticks)) {
            return;
        }
        scale = newScale;
        ticks = List.copyOf(newTicks);
        labels.clear();
        for (AxisTick tick : ticks) {
            labels.put(unit(tick.value()), tick.label());
        }
        boolean same = getLowerBound() == unit(scale.min()) && getUpperBound() == unit(scale.max());
        setLowerBound(unit(scale.min()));
        setUpperBound(unit(scale.max()));
        if (same) {
            // Same bounds, new ticks: the bounds alone would not say so.
            invalidateRange();
            requestAxisLayout();
        }
    }

    /** Where a value stands on the axis: itself, or its logarithm on a log scale. */
    private double unit(double value) {
        return scale.log() ? Math.log(value) : value;
    }

    /** The ticks shown (before those near the edges or covered are left out). */
    public List<AxisTick> ticks() {
        return ticks;
    }

    /** The scale the ticks are placed by. */
    public PriceScale scale() {
        return scale;
    }

    /**
     * Leaves out the tick labels that a label placed over the axis from {@code top} to {@code bottom} (pixels
     * from the axis top) would partly hide, such as the last price; NaN for none. Lays the axis out again only
     * when that changes which ticks are left out, not whenever the covering label moves.
     */
    public void setCovered(double top, double bottom) {
        coveredTop = top;
        coveredBottom = bottom;
        long covered = 0;
        for (int i = 0; i < Math.min(Long.SIZE, ticks.size()); i++) {
            if (isCovered(scale.y(ticks.get(i).value()))) {
                covered |= 1L << i;
            }
        }
        if (covered != coveredTicks) {
            coveredTicks = covered;
            invalidateRange();
            requestAxisLayout();
        }
    }

    /** The width that fits {@code label} with the tick marks, from the label font. */
    public double widthFor(String label) {
        double tick = isTickMarkVisible() ? Math.max(0, getTickLength()) : 0;
        return Math.ceil(measureTickMarkLabelSize(label, 0).getWidth() + getTickLabelGap() + tick) + 6;
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        List<Number> values = new ArrayList<>(ticks.size());
        double height = scale.height();
        for (AxisTick tick : ticks) {
            double y = scale.y(tick.value());
            if (y >= EDGE_MARGIN && y <= height - EDGE_MARGIN && !isCovered(y)) {
                values.add(unit(tick.value()));
            }
        }
        return values;
    }

    private boolean isCovered(double y) {
        return coveredBottom >= coveredTop
                && y >= coveredTop - LABEL_HALF_HEIGHT
                && y <= coveredBottom + LABEL_HALF_HEIGHT;
    }

    /** The label of a tick mark, by its value on the axis (the tick's value, or its logarithm on a log scale). */
    public String labelAt(Number value) {
        return getTickMarkLabel(value);
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        String label = labels.get(value.doubleValue());
        return label != null ? label : "";
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }
}
