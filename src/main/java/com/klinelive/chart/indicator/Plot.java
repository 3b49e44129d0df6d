package com.klinelive.chart.indicator;

import java.util.List;

/**
 * How one or two outputs of an indicator are drawn. Colours are palette keys of the chart's stylesheet
 * ({@code line-1} is the looked-up colour {@code -color-line-1}) or explicit colours ({@code #ff9800}).
 *
 * @param kind    the shape
 * @param output  the output drawn (for {@link Kind#FILL}, the upper edge)
 * @param other   for {@link Kind#FILL}, the output of the lower edge; otherwise -1
 * @param colours default colours: one for lines and fills; rising and falling for histograms and volumes
 */
public record Plot(Kind kind, int output, int other, List<String> colours) {

    /** The shapes a plot can take. */
    public enum Kind {
        /** A polyline through the values. */
        LINE,
        /** Bars from zero, in the first colour at or above zero and in the second below. */
        HISTOGRAM,
        /**
         * Bars from zero, in the first colour under a rising candle and in the second under a falling one; when
         * zoomed out so that candles share a pixel column, the column's values are summed, as volumes add up.
         */
        VOLUME,
        /** The area between two outputs, filled, under the candles. */
        FILL
    }

    public Plot {
        colours = List.copyOf(colours);
        int expected = kind == Kind.HISTOGRAM || kind == Kind.VOLUME ? 2 : 1;
        if (colours.size() != expected || output < 0 || (kind == Kind.FILL) != (other >= 0)) {
            throw new IllegalArgumentException("bad plot " + kind + " " + output + " " + other + " " + colours);
        }
    }

    public static Plot line(int output, String colour) {
        return new Plot(Kind.LINE, output, -1, List.of(colour));
    }

    public static Plot histogram(int output, String up, String down) {
        return new Plot(Kind.HISTOGRAM, output, -1, List.of(up, down));
    }

    public static Plot volume(int output, String up, String down) {
        return new Plot(Kind.VOLUME, output, -1, List.of(up, down));
    }

    public static Plot fill(int upper, int lower, String colour) {
        return new Plot(Kind.FILL, upper, lower, List.of(colour));
    }
}
