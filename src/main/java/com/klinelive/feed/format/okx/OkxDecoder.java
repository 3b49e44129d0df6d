package com.klinelive.feed.format.okx;

import com.klinelive.feed.format.exchange.TradeColumns;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.Rejections;

/**
 * Decodes OKX v5 public WebSocket pushes of the {@code trades-all} channel (one trade per push, business URL) and
 * the {@code trades} channel (public URL; one push per taker order and price, {@code count} trades aggregated,
 * {@code tradeId} the last of them): each element of {@code data} becomes a tick with {@code tradeId} as its
 * sequence, {@code ts} as its time, {@code px} and {@code sz} as price and size, all four sent as strings.
 *
 * <p>{@code {"event":"error",...}} becomes a {@link ControlMessage.FeedError}, the {@code subscribe} event a
 * {@link ControlMessage.Subscribed}; other events ({@code notice}) and the text {@code pong}, the answer to our
 * {@code ping}, are ignored, as
 * are pushes of other channels. Every element of {@code data} must name the instrument of {@code arg}.
 */
public final class OkxDecoder extends JsonFeedDecoder {

    static final String OTHER_INSTRUMENT = "data names another instrument than arg";
    static final String TOO_MANY = "more trades than one message may hold";

    private static final char[] PONG = "pong".toCharArray();
    private static final String[] CHANNELS = {"trades", "trades-all"};
    private static final String[] EVENTS = {"error", "subscribe"};
    private static final int ERROR_EVENT = 0;
    private static final int SUBSCRIBE_EVENT = 1;

    private static final String[] FIELDS = {"instId", "tradeId", "px", "sz", "ts", "arg", "data", "msg"};
    private static final int INST_ID = 1;
    private static final int TRADE_ID = 1 << 1;
    private static final int PRICE = 1 << 2;
    private static final int SIZE = 1 << 3;
    private static final int TIME = 1 << 4;
    private static final int ARG = 1 << 5;
    private static final int DATA = 1 << 6;
    private static final int MSG = 1 << 7;

    private final TradeColumns trades = new TradeColumns();
    private boolean tradeChannel;
    private String argInstrument;
    private String errorMessage;
    private boolean subscribed;

    public OkxDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        trades.clear();
        errorMessage = null;
        subscribed = false;
        tradeChannel = false;
        argInstrument = null;
        if (cursor.consumeIfNext(PONG)) {
            return false;
        }
        cursor.beginObject(null);
        int start = cursor.mark();
        boolean argFirst = false;
        if (cursor.hasNext()) {
            cursor.nextName();
            argFirst = cursor.nameIs("arg");
        }
        cursor.rewind(start);
        if (!argFirst && cursor.findField("event")) {
            cursor.rewind(start);
            parseEvent();
            return errorMessage != null || subscribed;
        }
        cursor.rewind(start);
        if (!argFirst && cursor.findField("arg")) {
            readArg();
        }
        cursor.rewind(start);
        parsePush(argFirst);
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

    /** The fields of a push; {@code arg} was read already unless it comes first. */
    private void parsePush(boolean argFirst) {
        int seen = 0;
        boolean argKnown = !argFirst;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("arg")) {
                seen = see(seen, ARG, "arg");
                if (argKnown) {
                    cursor.skipValue();
                } else {
                    readArg();
                }
            } else if (cursor.nameIs("data")) {
                seen = see(seen, DATA, "data");
                if (tradeChannel) {
                    parseData();
                } else {
                    cursor.skipValue();
                }
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        if (tradeChannel) {
            requireFields(seen, ARG | DATA, FIELDS);
        }
    }

    private void readArg() {
        cursor.beginObject("arg");
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("channel")) {
                cursor.nextStringToken("arg.channel");
                tradeChannel = cursor.matchString(CHANNELS) >= 0;
            } else if (cursor.nameIs("instId")) {
                argInstrument = cursor.nextSymbol("arg.instId");
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
    }

    private void parseData() {
        cursor.beginArray("data");
        while (cursor.hasNext()) {
            cursor.beginObject("data");
            int seen = 0;
            while (cursor.hasNext()) {
                cursor.nextName();
                if (cursor.nameIs("instId")) {
                    seen = see(seen, INST_ID, "instId");
                    tickSymbol = cursor.nextSymbol("instId");
                } else if (cursor.nameIs("tradeId")) {
                    seen = see(seen, TRADE_ID, "tradeId");
                    tickSeq = validId("tradeId", cursor.nextLongInString("tradeId"));
                } else if (cursor.nameIs("px")) {
                    seen = see(seen, PRICE, "px");
                    tickPrice = validPrice("px", cursor.nextNumberInString("px"));
                } else if (cursor.nameIs("sz")) {
                    seen = see(seen, SIZE, "sz");
                    tickSize = validSize("sz", cursor.nextNumberInString("sz"));
                } else if (cursor.nameIs("ts")) {
                    seen = see(seen, TIME, "ts");
                    tickTime = validTime("ts", cursor.nextLongInString("ts"));
                } else {
                    cursor.skipValue();
                }
            }
            cursor.endObject();
            requireFields(seen, INST_ID | TRADE_ID | PRICE | SIZE | TIME, FIELDS);
            if (argInstrument != null && !argInstrument.equals(tickSymbol)) {
                throw cursor.fail("instId", OTHER_INSTRUMENT, null);
            }
            if (!trades.add(tickSymbol, tickSeq, tickTime, tickPrice, tickSize)) {
                throw cursor.fail("data", TOO_MANY, null);
            }
        }
        cursor.endArray();
    }

    /**
     * {@code {"event":"error","code":"60012","msg":"Invalid request: ..."}} or the {@code subscribe} event that
     * acknowledges a subscription; other events ({@code notice}...) are ignored.
     */
    private void parseEvent() {
        int seen = 0;
        int event = -1;
        String msg = null;
        String code = null;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("event")) {
                cursor.nextStringToken("event");
                event = cursor.matchString(EVENTS);
            } else if (cursor.nameIs("msg")) {
                seen = see(seen, MSG, "msg");
                msg = cursor.nextString("msg");
            } else if (cursor.nameIs("code")) {
                code = cursor.nextString("code");
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        if (event == ERROR_EVENT) {
            requireFields(seen, MSG, FIELDS);
            errorMessage = code == null ? msg : msg + " (" + code + ")";
        }
        subscribed = event == SUBSCRIBE_EVENT;
    }
}
