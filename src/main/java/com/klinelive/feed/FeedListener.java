package com.klinelive.feed;

import java.util.List;

/**
 * Hears what a {@link FeedClient} does. Methods are called on the client's threads (network or control), never
 * on the JavaFX thread and never under the client's own locks; implementations must return quickly and hop
 * threads themselves. {@link #onCandles} runs inside the delivery of a message, which a transport may serialise
 * under a lock of its own (long polling, socket.io): a listener must not close the client from there, or the
 * close waits for that lock. Every method has a default so a listener implements only what it needs.
 */
public interface FeedListener {

    /** The state changed. Any other event may follow; after {@link FeedState#STOPPED} nothing does. */
    default void onStatus(FeedStatus status) {}

    /** The feed named its symbols (our protocol), or the first tick of a new symbol arrived (exchanges). */
    default void onSymbols(List<String> symbols) {}

    /**
     * Candles of {@code symbol} changed: ticks were counted, or history replaced them. Called once per message,
     * not per tick, on a network thread.
     *
     * @param receivedNanos {@link System#nanoTime()} when the message that changed them arrived
     */
    default void onCandles(String symbol, long receivedNanos) {}
}
