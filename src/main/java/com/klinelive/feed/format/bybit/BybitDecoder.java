package com.klinelive.feed.format.bybit;

import com.klinelive.feed.format.exchange.TradeColumns;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.Rejections;

/**
 * Decodes Bybit v5 spot {@code publicTrade.<symbol>} pushes (bybit-exchange/docs, v5/websocket/public/trade):
 * each element of {@code data} becomes a tick with the trade id {@code i} as its sequence (a decimal string on
 * spot), the fill time {@code T}, price {@code p} and size {@code v} from decimal strings. Spot trade ids grow
 * but are not consecutive, so they tell duplicates, not gaps.
 *
 * <p>A confirmed subscription ({@code {"success":true,"op":"subscribe",...}}) becomes a
 * {@link ControlMessage.Subscribed}, the pong of {@code ping} is ignored, a refused operation ({@code "success":false}) becomes a {@link ControlMessage.FeedError} with its
 * {@code ret_msg}; pushes of other topics are ignored.
 */
public final class BybitDecoder extends JsonFeedDecoder {

    static final String OTHER_SYMBOL = "data names another symbol than the topic";
    static final String TOO_MANY = "more trades than one message may hold";

    private static final String TRADE_TOPIC = "publicTrade.";
    private static final String[] FIELDS = {"T", "s", "v", "p", "i", "topic", "data", "success"};
    private static final int TIME = 1;
    private static final int SYMBOL = 1 << 1;
    private static final int SIZE = 1 << 2;
    private static final int PRICE = 1 << 3;
    private static final int TRADE_ID = 1 << 4;
    private static final int TOPIC = 1 << 5;
    private static final int DATA = 1 << 6;
    private static final int SUCCESS = 1 << 7;

    private final TradeColumns trades = new TradeColumns();
    private String topicSymbol;
    private String errorMessage;
    private boolean subscribed;

    public BybitDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        trades.clear();
        errorMessage = null;
        subscribed = false;
        topicSymbol = null;
        cursor.beginObject(null);
        int start = cursor.mark();
        boolean topicFirst = false;
        if (cursor.hasNext()) {
            cursor.nextName();
            topicFirst = cursor.nameIs("topic");
        }
        cursor.rewind(start);
        if (topicFirst) {
            parsePush();
            return trades.size() > 0;
        }
        if (cursor.findField("op")) {
            cursor.rewind(start);
            parseReply();
            return errorMessage != null || subscribed;
        }
        cursor.rewind(start);
        if (cursor.findField("topic")) {
            cursor.rewind(start);
            parsePush();
            return trades.size() > 0;
        }
        cursor.rewind(start);
        cursor.skipRestOfObject();
        return false;
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

    /**
     * A push; the topic is read before the data (it comes first in every push, and the general path of
     * {@link #parse} finds it otherwise), so a message of another topic skips its data unread.
     */
    private void parsePush() {
        int start = cursor.mark();
        boolean tradeTopic = readTopic();
        cursor.rewind(start);
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("topic")) {
                seen = see(seen, TOPIC, "topic");
                cursor.skipValue();
            } else if (cursor.nameIs("data") && tradeTopic) {
                seen = see(seen, DATA, "data");
                parseData();
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        if (tradeTopic) {
            requireFields(seen, TOPIC | DATA, FIELDS);
        }
    }

    /** Whether the topic is {@code publicTrade.<symbol>}, keeping the symbol; the cursor ends anywhere. */
    private boolean readTopic() {
        cursor.findField("topic");
        cursor.nextStringToken("topic");
        String topic = cursor.stringValue();
        if (!topic.startsWith(TRADE_TOPIC) || topic.length() == TRADE_TOPIC.length()) {
            return false;
        }
        topicSymbol = topic.substring(TRADE_TOPIC.length());
        return true;
    }

    private void parseData() {
        cursor.beginArray("data");
        while (cursor.hasNext()) {
            cursor.beginObject("data");
            int seen = 0;
            while (cursor.hasNext()) {
                cursor.nextName();
                if (cursor.nameIs("T")) {
                    seen = see(seen, TIME, "T");
                    tickTime = validTime("T", cursor.nextLong("T"));
                } else if (cursor.nameIs("s")) {
                    seen = see(seen, SYMBOL, "s");
                    tickSymbol = cursor.nextSymbol("s");
                } else if (cursor.nameIs("v")) {
                    seen = see(seen, SIZE, "v");
                    tickSize = validSize("v", cursor.nextNumberInString("v"));
                } else if (cursor.nameIs("p")) {
                    seen = see(seen, PRICE, "p");
                    tickPrice = validPrice("p", cursor.nextNumberInString("p"));
                } else if (cursor.nameIs("i")) {
                    seen = see(seen, TRADE_ID, "i");
                    tickSeq = validId("i", cursor.nextLongInString("i"));
                } else {
                    cursor.skipValue();
                }
            }
            cursor.endObject();
            requireFields(seen, TIME | SYMBOL | SIZE | PRICE | TRADE_ID, FIELDS);
            if (!tickSymbol.equals(topicSymbol)) {
                throw cursor.fail("s", OTHER_SYMBOL, null);
            }
            if (!trades.add(tickSymbol, tickSeq, tickTime, tickPrice, tickSize)) {
                throw cursor.fail("data", TOO_MANY, null);
            }
        }
        cursor.endArray();
    }

    /** {@code {"success":false,"ret_msg":"error:handler not found","op":"subscribe",...}}. */
    private void parseReply() {
        int seen = 0;
        boolean success = true;
        boolean subscribe = false;
        String message = "";
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("op")) {
                cursor.nextStringToken("op");
                subscribe = cursor.stringIs("subscribe");
            } else if (cursor.nameIs("success")) {
                seen = see(seen, SUCCESS, "success");
                success = cursor.nextBoolean("success");
            } else if (cursor.nameIs("ret_msg")) {
                message = cursor.nextString("ret_msg");
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        if (!success) {
            errorMessage = message.isEmpty() ? "request refused" : message;
        }
        subscribed = success && subscribe;
    }
}
