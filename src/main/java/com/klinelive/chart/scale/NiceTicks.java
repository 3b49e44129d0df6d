package com.klinelive.chart.scale;

import java.util.Locale;

/**
 * Round tick values for a numeric axis: steps of 1, 2 or 5 times a power of ten, as many as fit.
 *
 * @param first    the smallest tick value, a multiple of {@code step}
 * @param step     distance between ticks, 1, 2 or 5 times a power of ten
 * @param count    number of ticks from {@code first} up to the maximum, 0 when the range is empty or not finite
 * @param decimals fraction digits that show every tick value exactly
 */
public record NiceTicks(double first, double step, int count, int decimals) {

    private static final NiceTicks NONE = new NiceTicks(0, 1, 0, 0);

    /**
     * Ticks covering {@code [min, max]}, at most about {@code maxTicks} of them.
     *
     * @param min      lower end of the range
     * @param max      upper end of the range, &ge; {@code min}
     * @param maxTicks how many ticks fit, at least 1 (typically the axis length over the smallest label spacing)
     */
    public static NiceTicks of(double min, double max, int maxTicks) {
        if (!(Double.isFinite(min) && Double.isFinite(max)) || max <= min || maxTicks < 1) {
            return NONE;
        }
        double step = niceStep((max - min) / maxTicks);
        // The relative epsilon keeps a bound that sits on a multiple (up to rounding) as a tick.
        double eps = step * 1e-9;
        long firstMultiple = (long) Math.ceil((min - eps) / step);
        long lastMultiple = (long) Math.floor((max + eps) / step);
        int count = (int) Math.max(0, lastMultiple - firstMultiple + 1);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return new NiceTicks(firstMultiple * step, step, count, decimals);
    }

    /** The smallest step of 1, 2 or 5 times a power of ten that is at least {@code raw} (&gt; 0). */
    public static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalized = raw / magnitude;
        double nice;
        if (normalized <= 1 + 1e-9) {
            nice = 1;
        } else if (normalized <= 2 + 1e-9) {
            nice = 2;
        } else if (normalized <= 5 + 1e-9) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * magnitude;
    }

    /** The {@code i}-th tick value, 0 &le; i &lt; count, rounded to {@link #decimals()} so labels stay clean. */
    public double value(int i) {
        double v = first + i * step;
        double scaled = v * Math.pow(10, decimals);
        // Beyond 2^53 rounding cannot help and Math.round would saturate.
        return Math.abs(scaled) < 1e15 ? Math.round(scaled) / Math.pow(10, decimals) : v;
    }

    /** {@code value} with {@link #decimals()} fraction digits, as an axis label. */
    public String format(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
