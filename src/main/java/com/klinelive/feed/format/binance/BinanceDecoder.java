package com.klinelive.feed.format.binance;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.JsonKind;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;

/**
 * Decodes Binance market streams: {@code trade} events become ticks (trade id {@code t} as the sequence, trade
 * time {@code T}), {@code kline} events become candles that replace the open candle of their interval.
 * Combined-stream wrappers {@code {"stream":..,"data":{..}}} are unwrapped. Other events, klines of intervals we
 * have no timeframe for, and subscription replies are ignored; an error reply with a {@code msg} becomes a
 * {@link ControlMessage.FeedError}.
 */
final class BinanceDecoder extends JsonFeedDecoder {

    static final String MISALIGNED = "open time not aligned to the interval";
    static final String HIGH_LOW = "high and low do not enclose open and close";

    private static final String EVENT = "e";
    private static final String[] EVENTS = {"trade", "kline"};
    private static final int TRADE = 0;
    private static final int KLINE = 1;
    private static final Timeframe[] TIMEFRAMES = Timeframe.values();
    private static final String[] TIMEFRAME_LABELS = timeframeLabels();

    private static final String[] FIELDS = {
        "s", "t", "p", "q", "T", "k", "k.t", "k.i", "k.o", "k.h", "k.l", "k.c", "k.v", "k.n", "k.x", "data",
    };
    private static final int SYMBOL = 1;
    private static final int TRADE_ID = 1 << 1;
    private static final int PRICE = 1 << 2;
    private static final int QUANTITY = 1 << 3;
    private static final int TRADE_TIME = 1 << 4;
    private static final int KLINE_OBJECT = 1 << 5;
    private static final int OPEN_TIME = 1 << 6;
    private static final int INTERVAL = 1 << 7;
    private static final int OPEN = 1 << 8;
    private static final int HIGH = 1 << 9;
    private static final int LOW = 1 << 10;
    private static final int CLOSE = 1 << 11;
    private static final int VOLUME = 1 << 12;
    private static final int TRADES = 1 << 13;
    private static final int CLOSED = 1 << 14;
    private static final int DATA = 1 << 15;
    private static final int KLINE_FIELDS = OPEN_TIME | INTERVAL | OPEN | HIGH | LOW | CLOSE | VOLUME | TRADES | CLOSED;

    /**
     * A trade event in Binance's documented field order without whitespace, in the pieces around its values:
     * {@link #parseCompactTrade} matches these literally instead of looking up names.
     */
    private static final char[] COMPACT_TRADE_START = "{\"e\":\"trade\",\"E\":".toCharArray();

    private static final char[] COMPACT_SYMBOL = ",\"s\":".toCharArray();
    private static final char[] COMPACT_TRADE_ID = ",\"t\":".toCharArray();
    private static final char[] COMPACT_PRICE = ",\"p\":".toCharArray();
    private static final char[] COMPACT_QUANTITY = ",\"q\":".toCharArray();
    private static final char[] COMPACT_TRADE_TIME = ",\"T\":".toCharArray();
    private static final char[] COMPACT_MAKER = ",\"m\":".toCharArray();
    private static final char[] COMPACT_IGNORE = ",\"M\":".toCharArray();
    private static final char[] COMPACT_END = "}".toCharArray();

    private enum Parsed {
        NOTHING,
        TICK,
        KLINE,
        ERROR
    }

    private Parsed parsed;
    private Timeframe klineTimeframe;
    private long klineOpenTime;
    private double klineOpen;
    private double klineHigh;
    private double klineLow;
    private double klineClose;
    private double klineVolume;
    private long klineTrades;
    private boolean klineClosed;
    private String errorMessage;

    BinanceDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        if (parseCompactTrade()) {
            parsed = Parsed.TICK;
            return true;
        }
        parsed = Parsed.NOTHING;
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
            int event = readType(EVENT, EVENTS);
            if (event == NO_TYPE) {
                parseReply();
            } else {
                parseEvent(event);
            }
        }
        return parsed != Parsed.NOTHING;
    }

    @Override
    protected void deliver(FeedSink sink) {
        switch (parsed) {
            case TICK -> deliverTick(sink);
            case KLINE ->
                sink.onKline(
                        tickSymbol,
                        klineTimeframe,
                        new Candle(klineOpenTime, klineOpen, klineHigh, klineLow, klineClose, klineVolume, klineTrades),
                        klineClosed);
            case ERROR -> sink.onControl(new ControlMessage.FeedError(errorMessage));
            case NOTHING -> throw new IllegalStateException("nothing to deliver");
        }
    }

    private void parseWrapper() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("data")) {
                seen = see(seen, DATA, "data");
                cursor.beginObject("data");
                int event = readType(EVENT, EVENTS);
                if (event == NO_TYPE) {
                    cursor.skipRestOfObject();
                } else {
                    parseEvent(event);
                }
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
    }

    /** Reads an event object after its type; the object has been begun. */
    private void parseEvent(int event) {
        switch (event) {
            case TRADE -> parseTrade();
            case KLINE -> parseKline();
            default -> cursor.skipRestOfObject();
        }
    }

    /**
     * Reads a trade event laid out exactly as Binance sends it, the common case, with the same value reads and
     * checks as {@link #parseTrade} in the same order (so a bad value fails with the same reason); the fields we
     * do not use are skipped as strictly. At the first difference in layout the cursor goes back to the start
     * and returns {@code false}, and {@link #parse} reads the message the general way.
     */
    private boolean parseCompactTrade() {
        int start = cursor.mark();
        if (!cursor.consumeIfNext(COMPACT_TRADE_START)) {
            return false;
        }
        cursor.skipValue();
        if (!cursor.consumeIfNext(COMPACT_SYMBOL)) {
            return notCompact(start);
        }
        tickSymbol = cursor.nextSymbol("s");
        if (!cursor.consumeIfNext(COMPACT_TRADE_ID)) {
            return notCompact(start);
        }
        tickSeq = validId("t", cursor.nextLong("t"));
        if (!cursor.consumeIfNext(COMPACT_PRICE)) {
            return notCompact(start);
        }
        tickPrice = validPrice("p", cursor.nextNumberInString("p"));
        if (!cursor.consumeIfNext(COMPACT_QUANTITY)) {
            return notCompact(start);
        }
        tickSize = validSize("q", cursor.nextNumberInString("q"));
        if (!cursor.consumeIfNext(COMPACT_TRADE_TIME)) {
            return notCompact(start);
        }
        tickTime = validTime("T", cursor.nextLong("T"));
        if (!cursor.consumeIfNext(COMPACT_MAKER)) {
            return notCompact(start);
        }
        cursor.skipValue();
        if (!cursor.consumeIfNext(COMPACT_IGNORE)) {
            return notCompact(start);
        }
        cursor.skipValue();
        return cursor.consumeIfNext(COMPACT_END) || notCompact(start);
    }

    private void parseTrade() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("s")) {
                seen = see(seen, SYMBOL, "s");
                tickSymbol = cursor.nextSymbol("s");
            } else if (cursor.nameIs("t")) {
                seen = see(seen, TRADE_ID, "t");
                tickSeq = validId("t", cursor.nextLong("t"));
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
        requireFields(seen, SYMBOL | TRADE_ID | PRICE | QUANTITY | TRADE_TIME, FIELDS);
        parsed = Parsed.TICK;
    }

    private void parseKline() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("s")) {
                seen = see(seen, SYMBOL, "s");
                tickSymbol = cursor.nextSymbol("s");
            } else if (cursor.nameIs("k")) {
                seen = see(seen, KLINE_OBJECT, "k");
                parseKlineObject();
            } else if (cursor.nameIs(EVENT)) {
                skipTypeField(EVENT);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, SYMBOL | KLINE_OBJECT, FIELDS);
        if (klineTimeframe == null) {
            return;
        }
        if (klineTimeframe.bucketStart(klineOpenTime) != klineOpenTime) {
            throw cursor.fail("k.t", MISALIGNED, null);
        }
        if (klineHigh < Math.max(Math.max(klineOpen, klineClose), klineLow)
                || klineLow > Math.min(klineOpen, klineClose)) {
            throw cursor.fail("k", HIGH_LOW, null);
        }
        parsed = Parsed.KLINE;
    }

    private void parseKlineObject() {
        int seen = 0;
        klineTimeframe = null;
        cursor.beginObject("k");
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("t")) {
                seen = see(seen, OPEN_TIME, "k.t");
                klineOpenTime = validTime("k.t", cursor.nextLong("k.t"));
            } else if (cursor.nameIs("i")) {
                seen = see(seen, INTERVAL, "k.i");
                cursor.nextStringToken("k.i");
                int index = cursor.matchString(TIMEFRAME_LABELS);
                klineTimeframe = index < 0 ? null : TIMEFRAMES[index];
            } else if (cursor.nameIs("o")) {
                seen = see(seen, OPEN, "k.o");
                klineOpen = validPrice("k.o", cursor.nextNumberInString("k.o"));
            } else if (cursor.nameIs("h")) {
                seen = see(seen, HIGH, "k.h");
                klineHigh = validPrice("k.h", cursor.nextNumberInString("k.h"));
            } else if (cursor.nameIs("l")) {
                seen = see(seen, LOW, "k.l");
                klineLow = validPrice("k.l", cursor.nextNumberInString("k.l"));
            } else if (cursor.nameIs("c")) {
                seen = see(seen, CLOSE, "k.c");
                klineClose = validPrice("k.c", cursor.nextNumberInString("k.c"));
            } else if (cursor.nameIs("v")) {
                seen = see(seen, VOLUME, "k.v");
                klineVolume = validSize("k.v", cursor.nextNumberInString("k.v"));
            } else if (cursor.nameIs("n")) {
                seen = see(seen, TRADES, "k.n");
                klineTrades = validId("k.n", cursor.nextLong("k.n"));
            } else if (cursor.nameIs("x")) {
                seen = see(seen, CLOSED, "k.x");
                klineClosed = cursor.nextBoolean("k.x");
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, KLINE_FIELDS, FIELDS);
    }

    /** A reply to a subscription request rather than a stream event: an error if it has a message. */
    private void parseReply() {
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("msg")) {
                errorMessage = cursor.nextString("msg");
                parsed = Parsed.ERROR;
            } else if (cursor.nameIs("error") && cursor.peek("error") == JsonKind.OBJECT) {
                cursor.beginObject("error");
                parseReply();
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
    }

    private static String[] timeframeLabels() {
        String[] labels = new String[TIMEFRAMES.length];
        for (int i = 0; i < TIMEFRAMES.length; i++) {
            labels[i] = TIMEFRAMES[i].label();
        }
        return labels;
    }
}
