package com.klinelive.chart;

import com.klinelive.chart.scale.TimeTicks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;

/**
 * The horizontal axis in candle index space (candle {@code i} spans {@code [i, i+1)}), labelled with the
 * calendar-aware {@link TimeTicks} the chart computes from the candles' times; each label stands at its
 * tick's position (the centre of its candle, or the edge before it for a boundary in a gap). The chart sets
 * range and ticks every frame; it never ranges itself.
 */
public final class TimeAxis extends ValueAxis<Number> {

    private List<TimeTicks.Tick> ticks = List.of();

    /** An axis at the bottom, without labels until the chart sets them. */
    public TimeAxis() {
        setSide(Side.BOTTOM);
        setAutoRanging(false);
        setAnimated(false);
        setMinorTickVisible(false);
    }

    /** Shows index space {@code lower ... upper} over the axis width, with these labels. */
    public void setTicks(double lower, double upper, List<TimeTicks.Tick> newTicks) {
        boolean same = lower == getLowerBound() && upper == getUpperBound();
        if (same && newTicks.equals(ticks)) {
            return;
        }
        ticks = List.copyOf(newTicks);
        setLowerBound(lower);
        setUpperBound(upper);
        if (same) {
            // Same range, new labels (new candles or another timeframe): the bounds alone would not say so.
            invalidateRange();
            requestAxisLayout();
        }
    }

    /**
     * The height that fits a row of labels with the tick marks, from the label font: the preferred height of an
     * axis depends on its current ticks, and there may be none yet.
     */
    public double labelRowHeight() {
        double tick = isTickMarkVisible() ? Math.max(0, getTickLength()) : 0;
        return Math.ceil(measureTickMarkLabelSize("Nov 25 00:00", 0).getHeight() + getTickLabelGap() + tick) + 2;
    }

    /** The labels shown. */
    public List<TimeTicks.Tick> ticks() {
        return ticks;
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        List<Number> values = new ArrayList<>(ticks.size());
        for (TimeTicks.Tick tick : ticks) {
            values.add(tick.position());
        }
        return values;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        for (TimeTicks.Tick tick : ticks) {
            if (tick.position() == value.doubleValue()) {
                return tick.label();
            }
        }
        return Objects.toString(value);
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
