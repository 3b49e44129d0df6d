package com.klinelive.feed;

import com.klinelive.feed.transport.TransportKind;

/**
 * A {@link FeedClient}'s state as the user sees it.
 *
 * @param state         where the connection stands
 * @param transport     the transport ticks arrive on, or null while none does
 * @param detail        what happened, in words (the reason of a failure or of the last reconnect); never null
 * @param retryInMillis for {@link FeedState#RECONNECTING}: how long until the next attempt; otherwise 0
 * @param thirdParty    the feed is a third-party stream (Binance, Coinbase): no long-polling fallback, no history
 */
public record FeedStatus(
        FeedState state, TransportKind transport, String detail, long retryInMillis, boolean thirdParty) {

    public FeedStatus {
        detail = detail == null ? "" : detail;
    }

    /** One line for a status bar or a log, such as "long polling (WebSocket refused: 403)". */
    public String describe() {
        String text = switch (state) {
            case CONNECTING -> "connecting";
            case WEBSOCKET -> "WebSocket";
            case LONG_POLLING -> "long polling";
            case RECONNECTING -> "reconnecting in " + Math.max(1, (retryInMillis + 999) / 1000) + " s";
            case STALE -> "stale";
            case FAILED -> "failed";
            case STOPPED -> "stopped";
        };
        return detail.isEmpty() ? text : text + " (" + detail + ")";
    }
}
