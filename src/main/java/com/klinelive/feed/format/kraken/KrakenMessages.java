package com.klinelive.feed.format.kraken;

import java.time.Duration;
import java.util.List;

/**
 * What we send to Kraken's WebSocket v2 and how its replies read (docs.kraken.com, websocket-v2: trade, ping,
 * heartbeat): a {@code subscribe} to the {@code trade} channel without a snapshot (history comes from REST, so
 * the 50-trade snapshot would only repeat it), answered per symbol with {@code "success":true}; an application
 * {@code ping}, answered by {@code pong}. Kraken sends a {@code heartbeat} every second by itself.
 */
public final class KrakenMessages {

    /** A ping after this much quiet; heartbeats normally keep the connection busy. */
    public static final Duration PING_AFTER_QUIET = Duration.ofSeconds(30);

    private KrakenMessages() {}

    /** {@code {"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"],"snapshot":false},"req_id":1}}. */
    public static String subscribe(List<String> symbols, long reqId) {
        StringBuilder sb =
                new StringBuilder("{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[");
        for (int i = 0; i < symbols.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(KrakenRest.requireSymbol(symbols.get(i))).append('"');
        }
        return sb.append("],\"snapshot\":false},\"req_id\":")
                .append(reqId)
                .append('}')
                .toString();
    }

    /** {@code {"method":"ping","req_id":7}}. */
    public static String ping(long reqId) {
        return "{\"method\":\"ping\",\"req_id\":" + reqId + "}";
    }
}
