package com.klinelive.feed.format.bybit;

import java.time.Duration;
import java.util.List;

/**
 * What we send to Bybit's v5 public spot stream and how its replies read (bybit-exchange/docs, v5/ws/connect):
 * a {@code subscribe} operation with topics {@code publicTrade.<symbol>} (at most 10 per request on spot),
 * answered by {@code {"success":true,"ret_msg":"subscribe","op":"subscribe",...}}, and a {@code ping} operation
 * every 20 s, answered by {@code {"success":true,"ret_msg":"pong","op":"ping",...}}.
 */
public final class BybitMessages {

    /** "We recommend that you send the ping heartbeat packet every 20 seconds." */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(20);

    /** "Spot can input up to 10 args for each subscription request." */
    public static final int MAX_TOPICS_PER_REQUEST = 10;

    private BybitMessages() {}

    /** {@code {"req_id":"1","op":"subscribe","args":["publicTrade.BTCUSDT"]}}. */
    public static String subscribe(List<String> symbols, long reqId) {
        if (symbols.isEmpty() || symbols.size() > MAX_TOPICS_PER_REQUEST) {
            throw new IllegalArgumentException("1 to " + MAX_TOPICS_PER_REQUEST + " symbols per request");
        }
        StringBuilder sb =
                new StringBuilder("{\"req_id\":\"").append(reqId).append("\",\"op\":\"subscribe\",\"args\":[");
        for (int i = 0; i < symbols.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("\"publicTrade.")
                    .append(BybitRest.requireSymbol(symbols.get(i)))
                    .append('"');
        }
        return sb.append("]}").toString();
    }

    /** {@code {"req_id":"7","op":"ping"}}. */
    public static String ping(long reqId) {
        return "{\"req_id\":\"" + reqId + "\",\"op\":\"ping\"}";
    }
}
