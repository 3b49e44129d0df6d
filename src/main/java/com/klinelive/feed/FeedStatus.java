package com.klinelive.feed;

import com.klinelive.feed.transport.TransportKind;

/**
 * A {@link FeedClient}'s state as the user sees it.
 *
 * @param state          where the connection stands
 * @param transport      the transport ticks arrive on, or null while none does
 * @param detail         what happened, in words (the reason of a failure or of the last reconnect); never null
 * @param retryInMillis  for {@link FeedState#RECONNECTING}: how long until the next attempt; otherwise 0
 * @param thirdParty     the feed has no long-polling fallback (an exchange stream)
 * @param sync           whether the candles are live, backfilling, repairing or stale
 * @param checksSequence whether the feed's sequence numbers are checked for gaps; false for a feed without them
 *                       (a mapped JSON feed with no {@code seq}): missed trades cannot be noticed
 */
public record FeedStatus(
        FeedState state,
        TransportKind transport,
        String detail,
        long retryInMillis,
        boolean thirdParty,
        SyncState sync,
        boolean checksSequence) {

    public FeedStatus {
        detail = detail == null ? "" : detail;
        sync = sync == null ? SyncState.LIVE : sync;
    }

    /** A status with live candles and checked sequences. */
    public FeedStatus(FeedState state, TransportKind transport, String detail, long retryInMillis, boolean thirdParty) {
        this(state, transport, detail, retryInMillis, thirdParty, SyncState.LIVE, true);
    }

    /** This status with {@code newSync}. */
    public FeedStatus withSync(SyncState newSync) {
        return new FeedStatus(state, transport, detail, retryInMillis, thirdParty, newSync, checksSequence);
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
        if ((state == FeedState.WEBSOCKET || state == FeedState.LONG_POLLING) && sync != SyncState.LIVE) {
            text += ", " + sync.name().toLowerCase(java.util.Locale.ROOT);
        }
        return detail.isEmpty() ? text : text + " (" + detail + ")";
    }
}
