package com.klinelive.chart.indicator;

import java.util.Locale;

/**
 * A parameter of an indicator, with its default and the values it accepts.
 *
 * @param name         shown in the settings dialog: {@code Length}
 * @param defaultValue the value a new study starts with
 * @param min          smallest value accepted
 * @param max          largest value accepted
 * @param integer      whether only whole numbers are accepted (lengths)
 */
public record Parameter(String name, double defaultValue, double min, double max, boolean integer) {

    public Parameter {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /** A whole-number parameter such as a length. */
    public static Parameter integer(String name, int defaultValue, int min, int max) {
        return new Parameter(name, defaultValue, min, max, true);
    }

    /** A parameter that takes fractions, such as a width in standard deviations. */
    public static Parameter decimal(String name, double defaultValue, double min, double max) {
        return new Parameter(name, defaultValue, min, max, false);
    }

    /**
     * {@code value} if this parameter accepts it.
     *
     * @throws IllegalArgumentException saying what is accepted, for a value out of range, not finite, or a
     *                                  fraction where a whole number is needed
     */
    public double check(double value) {
        if (!(value >= min && value <= max) || (integer && value != Math.rint(value))) {
            throw new IllegalArgumentException(name.toLowerCase(Locale.ROOT) + " must be "
                    + (integer ? "a whole number " : "") + "from " + format(min) + " to " + format(max) + ", not "
                    + format(value));
        }
        return value;
    }

    /** The value as written in labels and command lines: {@code 20}, {@code 2.5}. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
