package com.klinelive.scrollback;

/**
 * What one {@link ScrollBackLoader#loadBefore} did.
 *
 * @param source where the candles came from (for a page with none: the last one asked)
 * @param added  how many candles went in front of the book's oldest
 * @param state  whether more can come
 */
public record ScrollBackPage(Source source, int added, State state) {

    /** Where a page came from. */
    public enum Source {
        CACHE,
        FEED
    }

    /** Whether asking for the page before this one makes sense. */
    public enum State {
        /** Older candles may follow: ask again when the oldest candle shows. */
        MORE,
        /** Neither the feed nor the cache has older candles: asking again is no use. */
        END,
        /** The book holds its most candles in this timeframe: no older one fits. */
        FULL,
        /** The book's oldest candle changed meanwhile (history reloaded): nothing went in; ask from the new one. */
        MOVED
    }

    /** Whether the book can take no older candles from here on, from anywhere. */
    public boolean isLast() {
        return state == State.END || state == State.FULL;
    }
}
