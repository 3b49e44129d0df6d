package com.klinelive.feed.transport;

/**
 * What a {@link Transport} reports, on its own threads. For one transport: at most one {@code onOpen}, then any
 * number of messages, round trips and rejections, and at most one {@code onClosed}, after which nothing follows.
 *
 * <p>A transport calls {@code onOpen}, {@code onMessage}, {@code onRejected} and {@code onRoundTrip} one at a time,
 * each call happening-before the next, even when it receives on several threads: so a receiver decodes without a
 * lock of its own, which would cost every message two atomic operations.
 */
public interface TransportEvents {

    /** Connected: the WebSocket handshake completed, or the first poll was answered. */
    void onOpen(Transport transport);

    /**
     * One whole text message.
     *
     * @param receivedNanos {@link System#nanoTime()} when it arrived
     */
    void onMessage(Transport transport, String text, long receivedNanos);

    /** Something arrived that is not a message we read (a binary frame, say); the connection goes on. */
    void onRejected(Transport transport, String reason);

    /** A round trip was measured (WebSocket ping to pong, or an immediate poll answer). */
    void onRoundTrip(Transport transport, long nanos);

    /**
     * The connection ended, or could not be made.
     *
     * @param reason what happened, in words fit for a status bar (no credentials)
     * @param opened whether {@link #onOpen} came first: false means the transport is not available
     */
    void onClosed(Transport transport, String reason, boolean opened);
}
