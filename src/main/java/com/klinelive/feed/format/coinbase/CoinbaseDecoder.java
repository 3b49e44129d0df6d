package com.klinelive.feed.format.coinbase;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.Rejections;

/**
 * Decodes the Coinbase Exchange {@code matches} channel: {@code match} and {@code last_match} become ticks
 * ({@code trade_id} as the sequence, {@code product_id} as the symbol, the ISO-8601 {@code time} in epoch
 * milliseconds, price and size from decimal strings); {@code error} becomes a {@link ControlMessage.FeedError};
 * {@code subscriptions}, the answer to our subscribe, becomes {@link ControlMessage.Subscribed}; every other type
 * ({@code heartbeat}, {@code ticker}, {@code l2update}...) is ignored.
 */
final class CoinbaseDecoder extends JsonFeedDecoder {

    private static final String TYPE = "type";
    private static final String[] TYPES = {"match", "last_match", "error", "subscriptions"};
    private static final int MATCH = 0;
    private static final int LAST_MATCH = 1;
    private static final int ERROR = 2;

    private static final String[] FIELDS = {"trade_id", "product_id", "time", "price", "size", "message", "reason"};
    private static final int TRADE_ID = 1;
    private static final int PRODUCT_ID = 1 << 1;
    private static final int TIME = 1 << 2;
    private static final int PRICE = 1 << 3;
    private static final int SIZE = 1 << 4;
    private static final int MESSAGE = 1 << 5;
    private static final int REASON = 1 << 6;

    private static final ControlMessage.Subscribed SUBSCRIBED = new ControlMessage.Subscribed();

    private enum Parsed {
        MATCH,
        ERROR,
        SUBSCRIBED
    }

    private Parsed parsed;
    private String errorMessage;

    CoinbaseDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        cursor.beginObject(null);
        int type = readType(TYPE, TYPES);
        switch (type) {
            case NO_TYPE -> throw cursor.fail(TYPE, MISSING, null);
            case UNKNOWN_TYPE -> {
                cursor.skipRestOfObject();
                return false;
            }
            case MATCH, LAST_MATCH -> parseMatch();
            case ERROR -> parseError();
            default -> {
                cursor.skipRestOfObject();
                parsed = Parsed.SUBSCRIBED;
            }
        }
        return true;
    }

    @Override
    protected void deliver(FeedSink sink) {
        switch (parsed) {
            case MATCH -> deliverTick(sink);
            case ERROR -> sink.onControl(new ControlMessage.FeedError(errorMessage));
            case SUBSCRIBED -> sink.onControl(SUBSCRIBED);
        }
    }

    private void parseMatch() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("trade_id")) {
                seen = see(seen, TRADE_ID, "trade_id");
                tickSeq = validId("trade_id", cursor.nextLong("trade_id"));
            } else if (cursor.nameIs("product_id")) {
                seen = see(seen, PRODUCT_ID, "product_id");
                tickSymbol = cursor.nextSymbol("product_id");
            } else if (cursor.nameIs("time")) {
                seen = see(seen, TIME, "time");
                tickTime = validTime("time", cursor.nextInstantInString("time"));
            } else if (cursor.nameIs("price")) {
                seen = see(seen, PRICE, "price");
                tickPrice = validPrice("price", cursor.nextNumberInString("price"));
            } else if (cursor.nameIs("size")) {
                seen = see(seen, SIZE, "size");
                tickSize = validSize("size", cursor.nextNumberInString("size"));
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, TRADE_ID | PRODUCT_ID | TIME | PRICE | SIZE, FIELDS);
        parsed = Parsed.MATCH;
    }

    /** {@code {"type":"error","message":"Failed to subscribe","reason":"BTC-XYZ is not a valid product"}}. */
    private void parseError() {
        int seen = 0;
        String message = null;
        String reason = null;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("message")) {
                seen = see(seen, MESSAGE, "message");
                message = cursor.nextString("message");
            } else if (cursor.nameIs("reason")) {
                seen = see(seen, REASON, "reason");
                reason = cursor.nextString("reason");
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, MESSAGE, FIELDS);
        errorMessage = reason == null ? message : message + ": " + reason;
        parsed = Parsed.ERROR;
    }
}
