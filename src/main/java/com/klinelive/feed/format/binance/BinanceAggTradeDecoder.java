package com.klinelive.feed.format.binance;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.JsonKind;
import com.klinelive.feed.protocol.Rejections;

/**
 * Decodes Binance aggregate trade streams ({@code <symbol>@aggTrade}), spot and USDⓈ-M futures alike: each
 * {@code aggTrade} event becomes one tick with the aggregate trade id {@code a} as its sequence (consecutive per
 * symbol, so a jump is a gap that {@code aggTrades?fromId=} repairs), trade time {@code T}, price {@code p} and
 * quantity {@code q} from decimal strings. Combined-stream wrappers are unwrapped; other events and
 * subscription replies are ignored; a reply with {@code msg} becomes a {@link ControlMessage.FeedError}.
 *
 * <p>The spot layout ({@code ...,"m":true,"M":true}) and the futures one (no {@code M}) are read literally on a
 * fast path, as {@code BinanceDecoder} reads trades; any other layout goes through the general strict reader.
 */
public final class BinanceAggTradeDecoder extends JsonFeedDecoder {

    private static final String EVENT = "e";
    private static final String[] EVENTS = {"aggTrade"};
    private static final int AGG_TRADE = 0;

    private static final String[] FIELDS = {"s", "a", "p", "q", "T", "data"};
    private static final int SYMBOL = 1;
    private static final int AGG_ID = 1 << 1;
    private static final int PRICE = 1 << 2;
    private static final int QUANTITY = 1 << 3;
    private static final int TRADE_TIME = 1 << 4;
    private static final int DATA = 1 << 5;

    private static final char[] COMPACT_START = "{\"e\":\"aggTrade\",\"E\":".toCharArray();
    private static final char[] COMPACT_SYMBOL = ",\"s\":".toCharArray();
    private static final char[] COMPACT_AGG_ID = ",\"a\":".toCharArray();
    private static final char[] COMPACT_PRICE = ",\"p\":".toCharArray();
    private static final char[] COMPACT_QUANTITY = ",\"q\":".toCharArray();
    private static final char[] COMPACT_FIRST = ",\"f\":".toCharArray();
    private static final char[] COMPACT_LAST = ",\"l\":".toCharArray();
    private static final char[] COMPACT_TRADE_TIME = ",\"T\":".toCharArray();
    private static final char[] COMPACT_MAKER = ",\"m\":".toCharArray();
    private static final char[] COMPACT_IGNORE = ",\"M\":".toCharArray();
    private static final char[] COMPACT_END = "}".toCharArray();

    private boolean parsedTick;
    private String errorMessage;

    public BinanceAggTradeDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        parsedTick = false;
        errorMessage = null;
        if (parseCompact()) {
            parsedTick = true;
            return true;
        }
        cursor.beginObject(null);
        int start = cursor.mark();
        boolean wrapper = false;
        if (cursor.hasNext()) {
            cursor.nextName();
            wrapper = cursor.nameIs("stream") || cursor.nameIs("data");
        }
        cursor.rewind(start);
        if (wrapper) {
            parseWrapper();
        } else {
            parseEventOrReply();
        }
        return parsedTick || errorMessage != null;
    }

    @Override
    protected void deliver(FeedSink sink) {
        if (parsedTick) {
            deliverTick(sink);
        } else {
            sink.onControl(new ControlMessage.FeedError(errorMessage));
        }
    }

    private void parseWrapper() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("data")) {
                seen = see(seen, DATA, "data");
                cursor.beginObject("data");
                if (readType(EVENT, EVENTS) == AGG_TRADE) {
                    parseAggTrade();
                } else {
                    cursor.skipRestOfObject();
                }
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
    }

    private void parseEventOrReply() {
        int event = readType(EVENT, EVENTS);
        if (event == AGG_TRADE) {
            parseAggTrade();
        } else if (event == NO_TYPE) {
            parseReply();
        } else {
            cursor.skipRestOfObject();
        }
    }

    /**
     * The documented layout, read literally; the same reads and checks as {@link #parseAggTrade} in the same
     * order, so a bad value fails with the same reason. At the first difference in layout: back to the start.
     */
    private boolean parseCompact() {
        int start = cursor.mark();
        if (!cursor.consumeIfNext(COMPACT_START)) {
            return false;
        }
        cursor.skipValue();
        if (!cursor.consumeIfNext(COMPACT_SYMBOL)) {
            return notCompact(start);
        }
        tickSymbol = cursor.nextSymbol("s");
        if (!cursor.consumeIfNext(COMPACT_AGG_ID)) {
            return notCompact(start);
        }
        tickSeq = validId("a", cursor.nextLong("a"));
        if (!cursor.consumeIfNext(COMPACT_PRICE)) {
            return notCompact(start);
        }
        tickPrice = validPrice("p", cursor.nextNumberInString("p"));
        if (!cursor.consumeIfNext(COMPACT_QUANTITY)) {
            return notCompact(start);
        }
        tickSize = validSize("q", cursor.nextNumberInString("q"));
        if (!cursor.consumeIfNext(COMPACT_FIRST)) {
            return notCompact(start);
        }
        cursor.skipValue();
        if (!cursor.consumeIfNext(COMPACT_LAST)) {
            return notCompact(start);
        }
        cursor.skipValue();
        if (!cursor.consumeIfNext(COMPACT_TRADE_TIME)) {
            return notCompact(start);
        }
        tickTime = validTime("T", cursor.nextLong("T"));
        if (!cursor.consumeIfNext(COMPACT_MAKER)) {
            return notCompact(start);
        }
        cursor.skipValue();
        if (cursor.consumeIfNext(COMPACT_IGNORE)) {
            cursor.skipValue();
        }
        return cursor.consumeIfNext(COMPACT_END) || notCompact(start);
    }

    private void parseAggTrade() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("s")) {
                seen = see(seen, SYMBOL, "s");
                tickSymbol = cursor.nextSymbol("s");
            } else if (cursor.nameIs("a")) {
                seen = see(seen, AGG_ID, "a");
                tickSeq = validId("a", cursor.nextLong("a"));
            } else if (cursor.nameIs("p")) {
                seen = see(seen, PRICE, "p");
                tickPrice = validPrice("p", cursor.nextNumberInString("p"));
            } else if (cursor.nameIs("q")) {
                seen = see(seen, QUANTITY, "q");
                tickSize = validSize("q", cursor.nextNumberInString("q"));
            } else if (cursor.nameIs("T")) {
                seen = see(seen, TRADE_TIME, "T");
                tickTime = validTime("T", cursor.nextLong("T"));
            } else if (cursor.nameIs(EVENT)) {
                skipTypeField(EVENT);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, SYMBOL | AGG_ID | PRICE | QUANTITY | TRADE_TIME, FIELDS);
        parsedTick = true;
    }

    /** A reply to a request ({@code {"result":null,"id":1}}), or an error if it has a message. */
    private void parseReply() {
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("msg")) {
                errorMessage = cursor.nextString("msg");
            } else if (cursor.nameIs("error") && cursor.peek("error") == JsonKind.OBJECT) {
                cursor.beginObject("error");
                parseReply();
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
    }
}
