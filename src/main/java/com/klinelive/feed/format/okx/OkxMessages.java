package com.klinelive.feed.format.okx;

import java.time.Duration;
import java.util.List;

/**
 * What we send to the OKX v5 WebSocket and how its replies read (okx.com/docs-v5/en, "WebSocket": Overview,
 * Connect, Subscribe, "Trades channel", "All trades channel"): a {@code subscribe} operation per channel and
 * instrument, answered by a {@code subscribe} event or an {@code error} event, and the text {@code ping} whenever
 * the connection has been quiet, answered by {@code pong}.
 */
public final class OkxMessages {

    /** The application ping, a bare text, not JSON. */
    public static final String PING = "ping";

    /** The connection breaks after 30 s without data; a ping after 25 s of quiet keeps it. */
    public static final Duration PING_AFTER_QUIET = Duration.ofSeconds(25);

    /** One trade per push; served on {@code wss://ws.okx.com:8443/ws/v5/business}. */
    public static final String ALL_TRADES_CHANNEL = "trades-all";

    /** Trades aggregated per taker order and price; served on {@code wss://ws.okx.com:8443/ws/v5/public}. */
    public static final String TRADES_CHANNEL = "trades";

    private OkxMessages() {}

    /** {@code {"op":"subscribe","args":[{"channel":"trades-all","instId":"BTC-USDT"}]}}. */
    public static String subscribe(String channel, List<String> instIds) {
        if (!channel.equals(ALL_TRADES_CHANNEL) && !channel.equals(TRADES_CHANNEL)) {
            throw new IllegalArgumentException("not an OKX trade channel: " + channel);
        }
        StringBuilder sb = new StringBuilder("{\"op\":\"subscribe\",\"args\":[");
        for (int i = 0; i < instIds.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"channel\":\"")
                    .append(channel)
                    .append("\",\"instId\":\"")
                    .append(OkxRest.requireInstId(instIds.get(i)))
                    .append("\"}");
        }
        return sb.append("]}").toString();
    }

    /** The channel for a WebSocket path: {@code trades-all} on {@code /ws/v5/business}, else {@code trades}. */
    public static String tradeChannelFor(String path) {
        return path != null && path.endsWith("/business") ? ALL_TRADES_CHANNEL : TRADES_CHANNEL;
    }
}
