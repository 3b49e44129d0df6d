package com.klinelive.feed.format.kraken;

import com.klinelive.feed.format.exchange.TradeColumns;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.Rejections;

/**
 * Decodes the Kraken WebSocket v2 {@code trade} channel (docs.kraken.com, websocket-v2/trade): every element of
 * {@code data} in a {@code snapshot} or {@code update} becomes a tick with {@code trade_id} (a sequence number per
 * book, so a jump is a gap) as its sequence, the RFC 3339 {@code timestamp} in epoch milliseconds, and
 * {@code price} and {@code qty}, which Kraken v2 sends as JSON numbers, not strings.
 *
 * <p>A confirmed {@code subscribe} becomes a {@link ControlMessage.Subscribed}; {@code heartbeat} and
 * {@code status} pushes, other channels and {@code pong} are ignored; a reply with {@code "success":false} becomes a {@link ControlMessage.FeedError}
 * with its {@code error}.
 */
public final class KrakenDecoder extends JsonFeedDecoder {

    static final String TOO_MANY = "more trades than one message may hold";

    private static final String[] TRADE_CHANNEL = {"trade"};
    private static final String[] FIELDS = {
        "symbol", "price", "qty", "trade_id", "timestamp", "channel", "data", "success", "error"
    };
    private static final int SYMBOL = 1;
    private static final int PRICE = 1 << 1;
    private static final int QTY = 1 << 2;
    private static final int TRADE_ID = 1 << 3;
    private static final int TIMESTAMP = 1 << 4;
    private static final int CHANNEL = 1 << 5;
    private static final int DATA = 1 << 6;
    private static final int SUCCESS = 1 << 7;
    private static final int ERROR = 1 << 8;

    private final TradeColumns trades = new TradeColumns();
    private String errorMessage;
    private boolean subscribed;

    public KrakenDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        trades.clear();
        errorMessage = null;
        subscribed = false;
        cursor.beginObject(null);
        int start = cursor.mark();
        boolean channelFirst = false;
        if (cursor.hasNext()) {
            cursor.nextName();
            channelFirst = cursor.nameIs("channel");
        }
        cursor.rewind(start);
        if (!channelFirst && cursor.findField("method")) {
            cursor.rewind(start);
            parseReply();
            return errorMessage != null || subscribed;
        }
        cursor.rewind(start);
        boolean tradeChannel = cursor.findField("channel") && isTradeChannel();
        cursor.rewind(start);
        parsePush(tradeChannel);
        return trades.size() > 0;
    }

    @Override
    protected void deliver(FeedSink sink) {
        if (errorMessage != null) {
            sink.onControl(new ControlMessage.FeedError(errorMessage));
        } else if (subscribed) {
            sink.onControl(new ControlMessage.Subscribed());
        } else {
            trades.deliver(sink);
        }
    }

    private boolean isTradeChannel() {
        cursor.nextStringToken("channel");
        return cursor.matchString(TRADE_CHANNEL) == 0;
    }

    private void parsePush(boolean tradeChannel) {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("channel")) {
                seen = see(seen, CHANNEL, "channel");
                cursor.skipValue();
            } else if (cursor.nameIs("data") && tradeChannel) {
                seen = see(seen, DATA, "data");
                parseData();
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        if (tradeChannel) {
            requireFields(seen, CHANNEL | DATA, FIELDS);
        }
    }

    private void parseData() {
        cursor.beginArray("data");
        while (cursor.hasNext()) {
            cursor.beginObject("data");
            int seen = 0;
            while (cursor.hasNext()) {
                cursor.nextName();
                if (cursor.nameIs("symbol")) {
                    seen = see(seen, SYMBOL, "symbol");
                    tickSymbol = cursor.nextSymbol("symbol");
                } else if (cursor.nameIs("price")) {
                    seen = see(seen, PRICE, "price");
                    tickPrice = validPrice("price", cursor.nextDouble("price"));
                } else if (cursor.nameIs("qty")) {
                    seen = see(seen, QTY, "qty");
                    tickSize = validSize("qty", cursor.nextDouble("qty"));
                } else if (cursor.nameIs("trade_id")) {
                    seen = see(seen, TRADE_ID, "trade_id");
                    tickSeq = validId("trade_id", cursor.nextLong("trade_id"));
                } else if (cursor.nameIs("timestamp")) {
                    seen = see(seen, TIMESTAMP, "timestamp");
                    tickTime = validTime("timestamp", cursor.nextInstantInString("timestamp"));
                } else {
                    cursor.skipValue();
                }
            }
            cursor.endObject();
            requireFields(seen, SYMBOL | PRICE | QTY | TRADE_ID | TIMESTAMP, FIELDS);
            if (!trades.add(tickSymbol, tickSeq, tickTime, tickPrice, tickSize)) {
                throw cursor.fail("data", TOO_MANY, null);
            }
        }
        cursor.endArray();
    }

    /** {@code {"error":"Currency pair not supported ZZZ/USD","method":"subscribe","success":false,...}}. */
    private void parseReply() {
        int seen = 0;
        boolean success = true;
        boolean subscribe = false;
        String error = null;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("method")) {
                cursor.nextStringToken("method");
                subscribe = cursor.stringIs("subscribe");
            } else if (cursor.nameIs("success")) {
                seen = see(seen, SUCCESS, "success");
                success = cursor.nextBoolean("success");
            } else if (cursor.nameIs("error")) {
                seen = see(seen, ERROR, "error");
                error = cursor.nextString("error");
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        if (!success) {
            errorMessage = error == null ? "request refused" : error;
        }
        subscribed = success && subscribe;
    }
}
