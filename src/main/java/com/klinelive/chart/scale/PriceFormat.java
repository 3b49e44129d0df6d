package com.klinelive.chart.scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Text for prices, volumes and changes in labels and the legend. Locale-independent (a dot for decimals, no
 * grouping), so what a trader reads does not depend on the machine's language settings; only the suffixes of large
 * volumes follow the chart's language ({@link VolumeUnits}), as Chinese counts in ten thousands.
 */
public final class PriceFormat {

    private PriceFormat() {}

    /**
     * Fraction digits for prices around {@code price}: about six significant digits, at least two and at most
     * eight, so 43250.50, 1.23456 and 0.00001234 all read naturally.
     */
    public static int decimalsFor(double price) {
        double abs = Math.abs(price);
        if (!(abs > 0) || !Double.isFinite(abs)) {
            return 2;
        }
        int digits = 5 - (int) Math.floor(Math.log10(abs));
        return Math.max(2, Math.min(8, digits));
    }

    /**
     * {@code value} with {@code decimals} fraction digits (0 to 8), as {@code String.format("%.2f")} writes it, but
     * without a sign when it rounds to zero ({@code 0.00}, not {@code -0.00}).
     * Written by hand: the legend and the axis labels format a dozen prices per frame, and {@code String.format}
     * was a tenth of a frame's work with three panes and four overlays (render benchmark, section 3).
     */
    public static String price(double value, int decimals) {
        double abs = Math.abs(value);
        if (decimals < 0 || decimals >= POWERS.length || !(abs * POWERS[decimals] < 1e15)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        double exact = abs * POWERS[decimals];
        double fraction = exact - Math.floor(exact);
        if (Math.abs(fraction - 0.5) <= Math.max(1e-9, 4 * Math.ulp(exact))) {
            // Too near a tie for a double product to tell which way it rounds: round the shortest decimal that
            // reads back as the value, as String.format does.
            return BigDecimal.valueOf(value)
                    .setScale(decimals, RoundingMode.HALF_UP)
                    .toPlainString();
        }
        long scaled = Math.round(exact);
        long power = (long) POWERS[decimals];
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && scaled != 0) {
            text.append('-');
        }
        text.append(scaled / power);
        if (decimals > 0) {
            String digits = Long.toString(scaled % power);
            text.append('.');
            for (int i = digits.length(); i < decimals; i++) {
                text.append('0');
            }
            text.append(digits);
        }
        return text.toString();
    }

    private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /** A volume in at most four significant figures with a K/M/B/T suffix: 950, 12.5K, 3.21M. */
    public static String volume(double value) {
        return volume(value, VolumeUnits.THOUSANDS);
    }

    /**
     * A volume in about four significant figures with a suffix of {@code units}: 950, 12.5K, 3.21M in thousands,
     * 9500, 1.25万, 3.21亿 in ten thousands.
     */
    public static String volume(double value, VolumeUnits units) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        int group = 0;
        while (abs >= units.group() - 0.05 && group < units.suffixes().size()) {
            abs /= units.group();
            value /= units.group();
            group++;
        }
        String digits;
        if ((group == 0 && abs == Math.rint(abs)) || abs >= 999.95) {
            digits = String.format(Locale.ROOT, "%.0f", value);
        } else if (abs >= 99.95) {
            digits = String.format(Locale.ROOT, "%.1f", value);
        } else {
            digits = String.format(Locale.ROOT, "%.2f", value);
        }
        return group == 0 ? digits : digits + units.suffixes().get(group - 1);
    }

    /** A signed percentage with two decimals: {@code +0.57%}, {@code -1.20%}, {@code 0.00%}. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "-";
        }
        double pct = fraction * 100;
        String text = String.format(Locale.ROOT, "%.2f%%", Math.abs(pct));
        if (text.equals("0.00%")) {
            return text;
        }
        return (pct > 0 ? "+" : "-") + text;
    }
}
