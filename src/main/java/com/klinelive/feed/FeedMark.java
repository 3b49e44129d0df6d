package com.klinelive.feed;

/**
 * A stretch of one symbol's time axis worth marking on the chart: the feed was down there, or its candles were
 * repaired there.
 *
 * @param kind       what happened
 * @param fromMillis where it begins, epoch milliseconds UTC
 * @param toMillis   where it ends, epoch milliseconds UTC (at or after {@code fromMillis}); for an ongoing outage
 *                   the time it began: the band reaches to now
 * @param ongoing    an outage still under way
 * @param text       what happened, in a short line for a tooltip, such as "no feed for 2.4 s (WebSocket closed)"
 *                   or "20 missing trades fetched by id (1001 to 1020)"
 */
public record FeedMark(Kind kind, long fromMillis, long toMillis, boolean ongoing, String text) {

    /** What a mark says. */
    public enum Kind {
        /** The feed was down: disconnected, or connected and silent (stale). Trades of this time may be missing. */
        OUTAGE,
        /** Candles of this time were repaired: missing trades fetched, history reloaded, or candles replaced. */
        REPAIR
    }

    public FeedMark {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("a mark ends before it begins: " + fromMillis + " > " + toMillis);
        }
        text = text == null ? "" : text;
    }
}
