package com.klinelive.chart;

import java.util.Objects;

/**
 * A stretch of the time axis the chart marks with a thin band and explains on hover: the feed was down there, or
 * its candles were repaired there ({@link CandleChart#getTimeMarks()}).
 *
 * @param kind       what happened
 * @param fromMillis where it begins, epoch milliseconds UTC
 * @param toMillis   where it ends, epoch milliseconds UTC (at or after {@code fromMillis}); ignored while
 *                   {@code ongoing}
 * @param ongoing    still under way: the band reaches to the newest candle
 * @param text       what happened, in a short line, shown on hover with the stretch's times
 */
public record TimeMark(Kind kind, long fromMillis, long toMillis, boolean ongoing, String text) {

    /** What a mark says; each kind has its colour ({@code -color-mark-outage}, {@code -color-mark-repair}). */
    public enum Kind {
        /** The feed was down: trades of this stretch may be missing. */
        OUTAGE,
        /** The candles of this stretch were repaired: missing trades filled in, history reloaded. */
        REPAIR
    }

    public TimeMark {
        Objects.requireNonNull(kind, "kind");
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("a mark ends before it begins: " + fromMillis + " > " + toMillis);
        }
        text = text == null ? "" : text;
    }
}
