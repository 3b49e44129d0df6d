package com.klinelive.candle;

/** What the candle engine did with one tick. */
public enum TickOutcome {
    /** Counted in the candle of every timeframe. */
    ACCEPTED,
    /** Its symbol and sequence were already counted: ignored. */
    DUPLICATE,
    /** Older than the candles still held for late updates (or the sequence window): ignored. */
    TOO_LATE,
    /** A new symbol beyond the aggregator's symbol limit: ignored. */
    TOO_MANY_SYMBOLS
}
