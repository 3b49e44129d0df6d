package com.klinelive.feed.format.binance;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What we send to a Binance stream and how its replies read (web-socket-streams.md, "Live Subscribing" and
 * "WebSocket Limits"). The server pings every 20 s and the WebSocket layer answers; no application ping exists.
 */
public final class BinanceMessages {

    /** "A single connection to stream.binance.com is only valid for 24 hours": reconnect before that. */
    public static final Duration MAX_CONNECTION_LIFETIME = Duration.ofHours(24);

    /** At most 5 incoming messages a second, pings and pongs included; beyond, the connection is closed. */
    public static final int MAX_MESSAGES_PER_SECOND = 5;

    private BinanceMessages() {}

    /** {@code btcusdt@aggTrade}: stream names are lower case. */
    public static String aggTradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@aggTrade";
    }

    /** {@code btcusdt@trade}. */
    public static String tradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@trade";
    }

    /** {@code {"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}}. */
    public static String subscribe(List<String> streams, long id) {
        StringBuilder sb = new StringBuilder("{\"method\":\"SUBSCRIBE\",\"params\":[");
        for (int i = 0; i < streams.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(requireStreamName(streams.get(i))).append('"');
        }
        return sb.append("],\"id\":").append(id).append('}').toString();
    }

    private static String requireStreamName(String stream) {
        if (!stream.matches("[a-z0-9]{1,40}@[A-Za-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("not a Binance stream name: " + stream);
        }
        return stream;
    }
}
