package com.klinelive.chart;

import com.klinelive.chart.scale.NiceTicks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;

/**
 * A vertical value axis (price, or volume) whose ticks are {@link NiceTicks}: round values at least
 * {@link #MIN_LABEL_SPACING} pixels apart. The chart sets its range every frame; it never ranges itself.
 */
public final class PriceAxis extends ValueAxis<Number> {

    /** Smallest distance between two tick labels, in pixels. */
    public static final double MIN_LABEL_SPACING = 36;

    /** Ticks closer than this to either end are left out, so no label is cut in half or meets the next pane's. */
    public static final double EDGE_MARGIN = 9;

    /** Half the height of a tick label, about: a label this close to a covered band would be cut by it. */
    private static final double LABEL_HALF_HEIGHT = 8;

    private final DoubleFunction<String> labels;
    private NiceTicks ticks = NiceTicks.of(0, 1, 1);
    private double coveredTop = Double.NaN;
    private double coveredBottom = Double.NaN;
    private long coveredTicks;

    /** An axis on the right that labels values with as many decimals as its step needs. */
    public PriceAxis() {
        this(null);
    }

    /**
     * An axis on the right.
     *
     * @param labels turns a tick value into its label; null labels with the decimals of the tick step
     */
    public PriceAxis(DoubleFunction<String> labels) {
        this.labels = labels;
        setSide(Side.RIGHT);
        setAutoRanging(false);
        setAnimated(false);
        setMinorTickVisible(false);
    }

    /** Shows {@code lower ... upper} over the axis height. */
    public void setRange(double lower, double upper) {
        setLowerBound(lower);
        setUpperBound(upper);
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
        NiceTicks current = ticks(getHeight());
        for (int i = 0; i < Math.min(Long.SIZE, current.count()); i++) {
            if (isCovered(current.value(i), getHeight())) {
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

    /** The ticks of the current range over {@code length} pixels, the same the axis labels. */
    public NiceTicks ticks(double length) {
        return NiceTicks.of(getLowerBound(), getUpperBound(), Math.max(1, (int) (length / MIN_LABEL_SPACING)));
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        ticks = NiceTicks.of(bounds[0], bounds[1], Math.max(1, (int) (length / MIN_LABEL_SPACING)));
        double margin = (bounds[1] - bounds[0]) * EDGE_MARGIN / Math.max(1, length);
        List<Number> values = new ArrayList<>(ticks.count());
        for (int i = 0; i < ticks.count(); i++) {
            double value = ticks.value(i);
            if (value >= bounds[0] + margin && value <= bounds[1] - margin && !isCovered(value, length)) {
                values.add(value);
            }
        }
        return values;
    }

    private boolean isCovered(double value, double length) {
        if (!(coveredBottom >= coveredTop) || getUpperBound() <= getLowerBound()) {
            return false;
        }
        double y = (getUpperBound() - value) / (getUpperBound() - getLowerBound()) * length;
        return y >= coveredTop - LABEL_HALF_HEIGHT && y <= coveredBottom + LABEL_HALF_HEIGHT;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return labels != null ? labels.apply(value.doubleValue()) : ticks.format(value.doubleValue());
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setRange(bounds[0], bounds[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }
}
