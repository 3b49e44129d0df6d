package com.klinelive.feed;

/** Whether the candles shown can be trusted right now, for the status bar: a broken chart never looks live. */
public enum SyncState {
    /** Every symbol's candles hold every trade up to the newest that arrived. */
    LIVE,
    /** History is loading under the live ticks (first connect, or a restarted feed). */
    BACKFILLING,
    /** A gap is being repaired: missing trades fetched, history reloaded, or candles awaiting replacement. */
    REPAIRING,
    /** Nothing arrived for longer than the heartbeat allows: the newest candles may be behind. */
    STALE
}
