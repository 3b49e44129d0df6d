package com.klinelive.chart.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Round tick values for a value axis, at least a given number of pixels apart: 1, 2 or 5 times a power of ten on a
 * linear scale; on a logarithmic scale the same locally, walking down from the top, so ticks thin out where a
 * step takes fewer pixels; on a percent scale round percentages from a base price.
 */
public final class ValueTicks {

    private ValueTicks() {}

    /**
     * Ticks of a linear scale.
     *
     * @param format the label of a value; null labels with as many decimals as the step needs
     */
    public static List<AxisTick> linear(PriceScale scale, double minSpacing, DoubleFunction<String> format) {
        NiceTicks ticks = NiceTicks.of(scale.min(), scale.max(), count(scale, minSpacing));
        List<AxisTick> out = new ArrayList<>(ticks.count());
        for (int i = 0; i < ticks.count(); i++) {
            double v = ticks.value(i);
            out.add(new AxisTick(v, format != null ? format.apply(v) : ticks.format(v)));
        }
        return out;
    }

    /** Ticks of a percent scale: round changes from {@code base}, labelled {@code +2.5%}; linear ticks without one. */
    public static List<AxisTick> percent(PriceScale scale, double minSpacing, double base) {
        if (!(base > 0) || !Double.isFinite(base)) {
            return linear(scale, minSpacing, null);
        }
        NiceTicks ticks =
                NiceTicks.of(percent(scale.min(), base), percent(scale.max(), base), count(scale, minSpacing));
        List<AxisTick> out = new ArrayList<>(ticks.count());
        for (int i = 0; i < ticks.count(); i++) {
            double p = ticks.value(i);
            out.add(new AxisTick(base * (1 + p / 100), signed(p, ticks.decimals())));
        }
        return out;
    }

    /** Ticks of a logarithmic scale, top to bottom. */
    public static List<AxisTick> log(PriceScale scale, double minSpacing) {
        if (!scale.log()) {
            return linear(scale, minSpacing, null);
        }
        List<AxisTick> out = new ArrayList<>();
        double spacing = Math.max(1, minSpacing);
        double below = scale.value(spacing);
        double step = NiceTicks.niceStep(scale.max() - below);
        double tick = Math.floor(scale.max() / step) * step;
        // Bounded: each tick is at least `spacing` pixels below the last.
        for (int guard = 0; guard < 1_000 && tick >= scale.min() && tick > 0; guard++) {
            int decimals = decimals(step);
            double value = round(tick, decimals);
            out.add(new AxisTick(value, String.format(Locale.ROOT, "%." + decimals + "f", value)));
            double target = scale.value(scale.y(tick) + spacing);
            step = NiceTicks.niceStep(tick - target);
            double next = Math.floor(target / step * (1 + 1e-12)) * step;
            if (!(next < tick)) {
                break;
            }
            tick = next;
        }
        return out;
    }

    /** {@code value} as a change in percent from {@code base}. */
    public static double percent(double value, double base) {
        return (value / base - 1) * 100;
    }

    /** A change in percent with a sign: {@code +2.50%}, {@code -1%}, {@code 0%}. */
    public static String signed(double percent, int decimals) {
        String digits = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(percent));
        boolean zero = Double.parseDouble(digits) == 0;
        return (zero ? "" : percent > 0 ? "+" : "-") + digits + "%";
    }

    private static int count(PriceScale scale, double minSpacing) {
        return Math.max(1, (int) (scale.height() / Math.max(1, minSpacing)));
    }

    private static int decimals(double step) {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.abs(value * scale) < 1e15 ? Math.round(value * scale) / scale : value;
    }
}
