package com.klinelive.recording;

/**
 * Where a {@link RecordingPlayer} sends the trades it plays: the simulator's publisher (the {@code replay}
 * command) or a chart's candle books ({@link AggregatorSink}). Called on the player's thread only.
 */
public interface TradeSink {

    /** One trade, in the order recorded. */
    void trade(String symbol, long seq, long time, double price, double size);

    /** A run of trades is over (the player waits now): deliver what is buffered. */
    default void flush() {}

    /**
     * Forget every trade played so far: the player seeks backwards and plays again from the start.
     *
     * @throws UnsupportedOperationException from a sink that cannot take trades back (a live server)
     */
    void reset();
}
