package com.klinelive.feed.format.klinelive;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.JsonFeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the native messages of docs/PROTOCOL.md. Every documented field is required except the {@code epoch}
 * of a {@code ticks} batch; unknown fields are skipped and unknown types ignored. A batch is validated element by
 * element into reusable primitive columns and delivered only when all of it is valid.
 */
final class NativeDecoder extends JsonFeedDecoder {

    /** More than a 64 KiB message can hold; a second line of defence should the size limit ever grow. */
    static final int MAX_BATCH_TICKS = 100_000;

    static final String BATCH_TOO_LARGE = "batch of more than 100000 ticks";
    static final String BATCH_ELEMENT = "each element must be [seq, time, price, size]";

    private static final String TYPE = "type";
    private static final String[] TYPES = {"tick", "ticks", "hello", "heartbeat", "reset", "error"};
    private static final int TICK = 0;
    private static final int TICKS = 1;
    private static final int HELLO = 2;
    private static final int HEARTBEAT = 3;
    private static final int RESET = 4;
    private static final int ERROR = 5;

    /** Field names by bit, for duplicate and missing-field reasons. */
    private static final String[] FIELDS = {
        "symbol", "seq", "time", "price", "size", "ticks", "epoch", "server", "symbols", "reason", "message",
    };

    private static final int SYMBOL = 1;
    private static final int SEQ = 1 << 1;
    private static final int TIME = 1 << 2;
    private static final int PRICE = 1 << 3;
    private static final int SIZE = 1 << 4;
    private static final int BATCH = 1 << 5;
    private static final int EPOCH = 1 << 6;
    private static final int SERVER = 1 << 7;
    private static final int SYMBOLS = 1 << 8;
    private static final int REASON = 1 << 9;
    private static final int MESSAGE = 1 << 10;

    /**
     * A {@code tick} as our encoder writes it (docs/PROTOCOL.md's field order, no whitespace), in the pieces
     * around its values: {@link #parseCompactTick} matches these literally instead of looking up names.
     */
    private static final char[] COMPACT_TICK_START = "{\"type\":\"tick\",\"symbol\":".toCharArray();

    private static final char[] COMPACT_SEQ = ",\"seq\":".toCharArray();
    private static final char[] COMPACT_TIME = ",\"time\":".toCharArray();
    private static final char[] COMPACT_PRICE = ",\"price\":".toCharArray();
    private static final char[] COMPACT_SIZE = ",\"size\":".toCharArray();
    private static final char[] COMPACT_END = "}".toCharArray();

    private int parsedType;
    private long[] seqs = new long[64];
    private long[] times = new long[64];
    private double[] prices = new double[64];
    private double[] sizes = new double[64];
    private int batchLength;
    private ControlMessage.Epoch batchEpoch;
    /** The epoch of the previous batch, reused while the server's epoch stays the same. */
    private ControlMessage.Epoch lastEpoch;

    private ControlMessage control;

    NativeDecoder(Rejections rejections) {
        super(rejections);
    }

    @Override
    protected boolean parse() {
        if (parseCompactTick()) {
            parsedType = TICK;
            return true;
        }
        cursor.beginObject(null);
        parsedType = readType(TYPE, TYPES);
        switch (parsedType) {
            case NO_TYPE -> throw cursor.fail(TYPE, MISSING, null);
            case UNKNOWN_TYPE -> {
                cursor.skipRestOfObject();
                return false;
            }
            case TICK -> parseTick();
            case TICKS -> parseBatch();
            case HELLO -> parseHello();
            case HEARTBEAT -> parseHeartbeat();
            case RESET -> parseReset();
            default -> parseError();
        }
        return true;
    }

    @Override
    protected void deliver(FeedSink sink) {
        if (parsedType == TICK) {
            deliverTick(sink);
        } else if (parsedType == TICKS) {
            if (batchEpoch != null) {
                sink.onControl(batchEpoch);
            }
            sink.onTicks(tickSymbol, seqs, times, prices, sizes, batchLength);
        } else {
            sink.onControl(control);
        }
    }

    /**
     * Reads a {@code tick} laid out exactly as our encoder writes it, the common case, with the same value reads
     * and checks as {@link #parseTick} in the same order (so a bad value fails with the same reason). At the
     * first difference in layout the cursor goes back to the start and returns {@code false}, and {@link #parse}
     * reads the message the general way.
     */
    private boolean parseCompactTick() {
        int start = cursor.mark();
        if (!cursor.consumeIfNext(COMPACT_TICK_START)) {
            return false;
        }
        tickSymbol = cursor.nextSymbol("symbol");
        if (!cursor.consumeIfNext(COMPACT_SEQ)) {
            return notCompact(start);
        }
        tickSeq = validId("seq", cursor.nextLong("seq"));
        if (!cursor.consumeIfNext(COMPACT_TIME)) {
            return notCompact(start);
        }
        tickTime = validTime("time", cursor.nextLong("time"));
        if (!cursor.consumeIfNext(COMPACT_PRICE)) {
            return notCompact(start);
        }
        tickPrice = validPrice("price", cursor.nextDouble("price"));
        if (!cursor.consumeIfNext(COMPACT_SIZE)) {
            return notCompact(start);
        }
        tickSize = validSize("size", cursor.nextDouble("size"));
        return cursor.consumeIfNext(COMPACT_END) || notCompact(start);
    }

    private void parseTick() {
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("symbol")) {
                seen = see(seen, SYMBOL, "symbol");
                tickSymbol = cursor.nextSymbol("symbol");
            } else if (cursor.nameIs("seq")) {
                seen = see(seen, SEQ, "seq");
                tickSeq = validId("seq", cursor.nextLong("seq"));
            } else if (cursor.nameIs("time")) {
                seen = see(seen, TIME, "time");
                tickTime = validTime("time", cursor.nextLong("time"));
            } else if (cursor.nameIs("price")) {
                seen = see(seen, PRICE, "price");
                tickPrice = validPrice("price", cursor.nextDouble("price"));
            } else if (cursor.nameIs("size")) {
                seen = see(seen, SIZE, "size");
                tickSize = validSize("size", cursor.nextDouble("size"));
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, SYMBOL | SEQ | TIME | PRICE | SIZE, FIELDS);
    }

    private void parseBatch() {
        int seen = 0;
        batchEpoch = null;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("symbol")) {
                seen = see(seen, SYMBOL, "symbol");
                tickSymbol = cursor.nextSymbol("symbol");
            } else if (cursor.nameIs("epoch")) {
                seen = see(seen, EPOCH, "epoch");
                batchEpoch = readEpoch();
            } else if (cursor.nameIs("ticks")) {
                seen = see(seen, BATCH, "ticks");
                parseBatchElements();
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, SYMBOL | BATCH, FIELDS);
    }

    private ControlMessage.Epoch readEpoch() {
        String epoch = cursor.nextSymbol("epoch");
        if (lastEpoch == null || !lastEpoch.epoch().equals(epoch)) {
            lastEpoch = new ControlMessage.Epoch(epoch);
        }
        return lastEpoch;
    }

    private void parseBatchElements() {
        batchLength = 0;
        cursor.beginArray("ticks");
        while (cursor.hasNext()) {
            if (batchLength == MAX_BATCH_TICKS) {
                throw cursor.fail("ticks", BATCH_TOO_LARGE, null);
            }
            ensureBatchCapacity(batchLength + 1);
            cursor.beginArray("ticks");
            requireElementItem();
            seqs[batchLength] = validId("ticks[].seq", cursor.nextLong("ticks[].seq"));
            requireElementItem();
            times[batchLength] = validTime("ticks[].time", cursor.nextLong("ticks[].time"));
            requireElementItem();
            prices[batchLength] = validPrice("ticks[].price", cursor.nextDouble("ticks[].price"));
            requireElementItem();
            sizes[batchLength] = validSize("ticks[].size", cursor.nextDouble("ticks[].size"));
            if (cursor.hasNext()) {
                throw cursor.fail("ticks", BATCH_ELEMENT, null);
            }
            cursor.endArray();
            batchLength++;
        }
        cursor.endArray();
    }

    private void requireElementItem() {
        if (!cursor.hasNext()) {
            throw cursor.fail("ticks", BATCH_ELEMENT, null);
        }
    }

    private void ensureBatchCapacity(int capacity) {
        if (capacity > seqs.length) {
            int grown = Math.min(MAX_BATCH_TICKS, seqs.length * 2);
            seqs = Arrays.copyOf(seqs, grown);
            times = Arrays.copyOf(times, grown);
            prices = Arrays.copyOf(prices, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
    }

    private void parseHello() {
        int seen = 0;
        String server = null;
        String epoch = null;
        List<String> symbols = null;
        long time = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("server")) {
                seen = see(seen, SERVER, "server");
                server = cursor.nextString("server");
            } else if (cursor.nameIs("epoch")) {
                seen = see(seen, EPOCH, "epoch");
                epoch = cursor.nextSymbol("epoch");
            } else if (cursor.nameIs("symbols")) {
                seen = see(seen, SYMBOLS, "symbols");
                symbols = readSymbols();
            } else if (cursor.nameIs("time")) {
                seen = see(seen, TIME, "time");
                time = validTime("time", cursor.nextLong("time"));
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, SERVER | EPOCH | SYMBOLS | TIME, FIELDS);
        control = new ControlMessage.Hello(server, epoch, symbols, time);
    }

    private List<String> readSymbols() {
        List<String> symbols = new ArrayList<>();
        cursor.beginArray("symbols");
        while (cursor.hasNext()) {
            symbols.add(cursor.nextSymbol("symbols[]"));
        }
        cursor.endArray();
        return symbols;
    }

    private void parseHeartbeat() {
        int seen = 0;
        long time = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("time")) {
                seen = see(seen, TIME, "time");
                time = validTime("time", cursor.nextLong("time"));
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, TIME, FIELDS);
        control = new ControlMessage.Heartbeat(time);
    }

    private void parseReset() {
        int seen = 0;
        String symbol = null;
        long seq = 0;
        String reason = null;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("symbol")) {
                seen = see(seen, SYMBOL, "symbol");
                symbol = cursor.nextSymbol("symbol");
            } else if (cursor.nameIs("seq")) {
                seen = see(seen, SEQ, "seq");
                seq = validId("seq", cursor.nextLong("seq"));
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
        requireFields(seen, SYMBOL | SEQ | REASON, FIELDS);
        control = new ControlMessage.Reset(symbol, seq, reason);
    }

    private void parseError() {
        int seen = 0;
        String message = null;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("message")) {
                seen = see(seen, MESSAGE, "message");
                message = cursor.nextString("message");
            } else if (cursor.nameIs(TYPE)) {
                skipTypeField(TYPE);
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        requireFields(seen, MESSAGE, FIELDS);
        control = new ControlMessage.FeedError(message);
    }
}
