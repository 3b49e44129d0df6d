package com.klinelive.candle;

/**
 * What {@link CandleBook#prepend} did with a page of older candles.
 *
 * @param added  how many candles went in front of the oldest, 0 or more
 * @param status why no more (or none) went in
 */
public record Prepended(int added, Status status) {

    /** How the page fared. */
    public enum Status {
        /** Every candle of the page is in (none if it was empty). */
        ADDED,
        /**
         * The series is at its capacity: only the newest {@code added} of the page fitted, and no older candle
         * will: the newest candles are never dropped to make room for older ones.
         */
        FULL,
        /**
         * The series' oldest candle no longer starts where the page ends (history reloaded or cleared it, or
         * another page landed first): nothing changed, since the page might leave a hole or overlap.
         */
        MOVED
    }
}
