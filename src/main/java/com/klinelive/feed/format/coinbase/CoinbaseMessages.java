package com.klinelive.feed.format.coinbase;

import com.klinelive.feed.format.exchange.ExchangeReply;
import com.klinelive.feed.format.exchange.ReplyReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What we send to the Coinbase Exchange WebSocket feed and how its replies read (docs.cdp.coinbase.com, "Exchange
 * WebSocket Overview" and "Channels"): one {@code subscribe} to the {@code matches} channel, answered by a
 * {@code subscriptions} message; a refusal is an {@code error} message.
 */
public final class CoinbaseMessages {

    /** "You are disconnected if no subscribe has been received within 5 seconds." */
    public static final Duration SUBSCRIBE_DEADLINE = Duration.ofSeconds(5);

    private CoinbaseMessages() {}

    /** {@code {"type":"subscribe","product_ids":["BTC-USD"],"channels":["matches"]}}. */
    public static String subscribe(List<String> productIds) {
        StringBuilder sb = new StringBuilder("{\"type\":\"subscribe\",\"product_ids\":[");
        for (int i = 0; i < productIds.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(requireProductId(productIds.get(i))).append('"');
        }
        return sb.append("],\"channels\":[\"matches\"]}").toString();
    }

    /** {@code subscriptions} confirms; {@code error} refuses (message and reason); anything else is nothing. */
    public static ExchangeReply reply(String message) {
        Map<String, String> fields = ReplyReader.fields(message, null);
        String type = fields.get("type");
        if ("subscriptions".equals(type)) {
            return ExchangeReply.SUBSCRIBED;
        }
        if ("error".equals(type)) {
            String reason = fields.get("reason");
            String text = fields.getOrDefault("message", "error");
            return ExchangeReply.refused(reason == null ? text : text + ": " + reason);
        }
        return ExchangeReply.NOTHING;
    }

    private static String requireProductId(String id) {
        if (!id.matches("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}")) {
            throw new IllegalArgumentException("not a Coinbase product id: " + id);
        }
        return id;
    }
}
