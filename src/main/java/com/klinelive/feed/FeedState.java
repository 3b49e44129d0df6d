package com.klinelive.feed;

/**
 * Where a {@link FeedClient} stands. The machine:
 *
 * <pre>
 *  CONNECTING ──ws open──► WEBSOCKET ──dies──► RECONNECTING ──retry──► CONNECTING
 *      │                      ▲   │                                      │
 *      │ upgrade refused,     │   └─ silent too long ─► STALE ──► RECONNECTING
 *      │ handshake error,     │ probe succeeds
 *      │ ~3 s timeout,        │
 *      ▼ keeps dying          │
 *  LONG_POLLING ──────────────┘ (probes the WebSocket in the background with backoff)
 *
 *  any ──close()──► STOPPED          any ──unrecoverable (not a feed)──► FAILED
 * </pre>
 */
public enum FeedState {
    /** Opening the first connection (or the next one after a planned wait). */
    CONNECTING,
    /** Receiving over WebSocket. */
    WEBSOCKET,
    /** Receiving over HTTP long polling, WebSocket not available; the WebSocket is probed in the background. */
    LONG_POLLING,
    /** Lost the connection; the next attempt is scheduled (see {@link FeedStatus#retryInMillis()}). */
    RECONNECTING,
    /** Connected, but nothing arrived for longer than the heartbeat allows; reconnects if it stays silent. */
    STALE,
    /** Gave up: the URL does not lead to a feed we can read (see {@link FeedStatus#detail()}). */
    FAILED,
    /** Closed by the user. */
    STOPPED
}
