package com.klinelive.feed.protocol;

/** What {@link FeedDecoder#decode} did with one message. */
public enum DecodeOutcome {
    /** The message was valid and everything in it went to the sink (an empty {@code ticks} batch included). */
    DELIVERED,
    /**
     * The message was well-formed but of a kind we do not chart, such as Coinbase {@code subscriptions} or
     * {@code ticker}, other Binance events, Binance klines of an interval we have no timeframe for, or an unknown
     * native {@code type}. Nothing went to the sink.
     */
    IGNORED,
    /** The message was malformed or invalid; it was counted in {@link Rejections} and nothing went to the sink. */
    REJECTED
}
