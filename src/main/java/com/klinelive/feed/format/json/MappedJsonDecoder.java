package com.klinelive.feed.format.json;

import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.FieldRules;
import com.klinelive.feed.protocol.InvalidMessageException;
import com.klinelive.feed.protocol.JsonCursor;
import com.klinelive.feed.protocol.JsonKind;
import com.klinelive.feed.protocol.Rejections;
import java.util.Objects;

/**
 * Reads trades out of any JSON message where a {@link FieldMapping} says they are, in one pass with the strict
 * streaming {@link JsonCursor}: it descends only into members on a mapped path and skips the rest, builds no
 * tree, and allocates nothing per message once its buffers have grown.
 *
 * <p><b>Arrays of trades.</b> Where a path names an object key but the message holds an array, each element of
 * that array is one trade: with {@code price=data.p}, {@code {"data":{"p":"1.5",..}}} is one trade and
 * {@code {"data":[{"p":"1.5",..},{"p":"1.6",..}]}} two, oldest first. Fields mapped outside the array (a
 * symbol at {@code arg.instId}, say) hold for every trade in it. A message holds at most one such array; an empty
 * one is ignored. A path segment of digits that meets an array picks that element instead ({@code data.0.p}).
 *
 * <p><b>Values.</b> symbol a string; seq an integer (number or numeric string); price and size numbers or
 * numeric strings; time epoch seconds, milliseconds, microseconds or nanoseconds (number or numeric string, the
 * unit told apart by magnitude) or ISO-8601. Each is checked as every decoder checks it (docs/PROTOCOL.md,
 * Validation); anything missing, repeated, of the wrong type or out of range rejects the whole message, counted
 * with a reason that names the path.
 *
 * <p><b>Without seq</b> trades are numbered in arrival order ({@link ArrivalSequence}): nothing can detect a gap
 * or a trade sent twice ({@link #detectsGaps()}). Not thread-safe: one decoder per connection.
 */
public final class MappedJsonDecoder implements FeedDecoder {

    static final String MISSING = "missing required field";
    static final String DUPLICATE = "duplicate field";
    static final String EXPECTED_CONTAINER = "expected an object or an array on the mapped path";
    static final String EXPECTED_NUMBER = "expected a number or a numeric string";
    static final String EXPECTED_TRADE = "expected an object for each trade of the array";
    static final String SECOND_ARRAY = "a message may hold only one array of trades";
    static final String SEQ_PER_MESSAGE =
            "one seq for several trades: map seq inside the array of trades, or leave it out";
    static final String TIME_RANGE =
            "must be from 2000-01-01 to 2100-01-01 UTC (epoch s, ms, us or ns, told apart by magnitude)";
    static final String INTERNAL_ERROR = "internal decoder error: ";

    private static final int SYMBOL = bit(TradeField.SYMBOL);
    private static final int SEQ = bit(TradeField.SEQ);
    private static final int TIME = bit(TradeField.TIME);
    private static final int PRICE = bit(TradeField.PRICE);
    private static final int SIZE = bit(TradeField.SIZE);

    private final FieldMapping mapping;
    private final Rejections rejections;
    private final PathNode root;
    /** The path of each field, by ordinal, for reasons about a field that is missing. */
    private final String[] fieldPaths = new String[TradeField.values().length];

    private final JsonCursor cursor = new JsonCursor();
    private final TradeColumns trades = new TradeColumns();
    private final ArrivalSequence arrivals = new ArrivalSequence();
    /** The learned layout of a flat mapping's messages, or null for a mapping that reaches deeper. */
    private final FlatLayout layout;

    private final FlatLayout.FieldReader fieldReader = this::readField;

    // What the message holds outside any array of trades, and which of those fields it had.
    private String symbol;
    private long seq;
    private long time;
    private double price;
    private double size;
    private int seen;
    /** The node whose array holds the trades, or null for a message of one trade. */
    private PathNode tradeArray;
    /** Whether the cursor is inside that array, and which fields the current trade had. */
    private boolean inTrade;

    private int seenInTrade;

    /** A decoder for {@code mapping}, counting its rejections in {@code rejections}. */
    public MappedJsonDecoder(FieldMapping mapping, Rejections rejections) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.root = PathNode.compile(mapping.paths());
        mapping.paths().forEach((field, path) -> fieldPaths[field.ordinal()] = path.text());
        this.layout = FlatLayout.forRoot(root);
    }

    /** The mapping this decoder reads by. */
    public FieldMapping mapping() {
        return mapping;
    }

    /** Whether trades carry a mapped seq, so that gaps and trades sent twice can be told; see the class doc. */
    public boolean detectsGaps() {
        return mapping.sequenced();
    }

    @Override
    public DecodeOutcome decode(String message, FeedSink sink) {
        try {
            cursor.reset(message);
            seen = 0;
            tradeArray = null;
            inTrade = false;
            trades.count = 0;
            boolean literal = layout != null && layout.usable() && layout.read(cursor, fieldReader);
            if (!literal) {
                seen = 0;
                read(root);
            }
            cursor.finish();
            if (!checkComplete()) {
                return DecodeOutcome.IGNORED;
            }
            if (!literal && layout != null && layout.wantsToLearn() && tradeArray == null) {
                layout.learn(cursor, message);
            }
        } catch (InvalidMessageException e) {
            rejections.reject(e.reason(), message);
            return DecodeOutcome.REJECTED;
        } catch (RuntimeException e) {
            // A decoder bug must cost one message, not the connection.
            rejections.reject(INTERNAL_ERROR + e, message);
            return DecodeOutcome.REJECTED;
        }
        deliver(sink);
        return DecodeOutcome.DELIVERED;
    }

    /** Reads the value at the cursor, which {@code node} names. */
    private void read(PathNode node) {
        if (node.field != null) {
            readField(node);
            return;
        }
        JsonKind kind = cursor.peek(node.path);
        if (kind == JsonKind.OBJECT) {
            readObject(node);
        } else if (kind == JsonKind.ARRAY) {
            if (node.indexed) {
                readIndexed(node);
            } else {
                readTrades(node);
            }
        } else {
            throw cursor.fail(node.path, EXPECTED_CONTAINER, describe(kind));
        }
    }

    private void readObject(PathNode node) {
        cursor.beginObject(node.path);
        while (cursor.hasNext()) {
            cursor.nextName();
            PathNode child = node.childNamed(cursor);
            if (child == null) {
                cursor.skipValue();
            } else if (child.field != null) {
                readField(child); // Most members read are leaves: no detour through read, which recurses.
            } else {
                read(child);
            }
        }
        cursor.endObject();
    }

    private void readIndexed(PathNode node) {
        cursor.beginArray(node.path);
        for (int i = 0; cursor.hasNext(); i++) {
            PathNode child = node.childAt(i);
            if (child == null) {
                cursor.skipValue();
            } else {
                read(child);
            }
        }
        cursor.endArray();
    }

    /** An array where an object was mapped: each element is one trade. */
    private void readTrades(PathNode node) {
        if (tradeArray != null) {
            throw cursor.fail(node.path, SECOND_ARRAY, null);
        }
        tradeArray = node;
        inTrade = true;
        cursor.beginArray(node.path);
        while (cursor.hasNext()) {
            JsonKind kind = cursor.peek(node.path);
            if (kind != JsonKind.OBJECT) {
                throw cursor.fail(node.path, EXPECTED_TRADE, describe(kind));
            }
            trades.ensureRoom();
            seenInTrade = 0;
            readObject(node);
            requireAll(seenInTrade, node.fieldMask);
            trades.count++;
        }
        cursor.endArray();
        inTrade = false;
    }

    private void readField(PathNode node) {
        String path = node.path;
        switch (node.field) {
            case SYMBOL -> {
                String s = cursor.nextSymbol(path);
                if (see(SYMBOL, path)) {
                    trades.symbols[trades.count] = s;
                } else {
                    symbol = s;
                }
            }
            case SEQ -> {
                long v = readLong(path);
                if (!FieldRules.isValidId(v)) {
                    throw cursor.fail(path, FieldRules.ID_PROBLEM, null);
                }
                if (see(SEQ, path)) {
                    trades.seqs[trades.count] = v;
                } else {
                    seq = v;
                }
            }
            case TIME -> {
                long v = cursor.nextEpochMillis(path);
                if (!FieldRules.isPlausibleTime(v)) {
                    throw cursor.fail(path, TIME_RANGE, null);
                }
                if (see(TIME, path)) {
                    trades.times[trades.count] = v;
                } else {
                    time = v;
                }
            }
            case PRICE -> {
                double v = readDouble(path);
                if (!FieldRules.isValidPrice(v)) {
                    throw cursor.fail(path, FieldRules.PRICE_PROBLEM, null);
                }
                if (see(PRICE, path)) {
                    trades.prices[trades.count] = v;
                } else {
                    price = v;
                }
            }
            case SIZE -> {
                double v = readDouble(path);
                if (!FieldRules.isValidSize(v)) {
                    throw cursor.fail(path, FieldRules.SIZE_PROBLEM, null);
                }
                if (see(SIZE, path)) {
                    trades.sizes[trades.count] = v;
                } else {
                    size = v;
                }
            }
        }
    }

    /** Marks a field seen, in the current trade or in the message; returns whether it belongs to the trade. */
    private boolean see(int bit, String path) {
        if (inTrade) {
            if ((seenInTrade & bit) != 0) {
                throw cursor.fail(path, DUPLICATE, null);
            }
            seenInTrade |= bit;
            return true;
        }
        if ((seen & bit) != 0) {
            throw cursor.fail(path, DUPLICATE, null);
        }
        seen |= bit;
        return false;
    }

    private long readLong(String path) {
        JsonKind kind = cursor.peek(path);
        if (kind == JsonKind.NUMBER) {
            return cursor.nextLong(path);
        }
        if (kind == JsonKind.STRING) {
            return cursor.nextLongInString(path);
        }
        throw cursor.fail(path, EXPECTED_NUMBER, describe(kind));
    }

    private double readDouble(String path) {
        JsonKind kind = cursor.peek(path);
        if (kind == JsonKind.NUMBER) {
            return cursor.nextDouble(path);
        }
        if (kind == JsonKind.STRING) {
            return cursor.nextNumberInString(path);
        }
        throw cursor.fail(path, EXPECTED_NUMBER, describe(kind));
    }

    /** Checks that every field was found; returns false for an empty array of trades, which delivers nothing. */
    private boolean checkComplete() {
        if (tradeArray == null) {
            requireAll(seen, root.fieldMask);
            return true;
        }
        if (trades.count == 0) {
            return false;
        }
        requireAll(seen, root.fieldMask & ~tradeArray.fieldMask);
        if ((seen & SEQ) != 0 && trades.count > 1) {
            throw cursor.fail(fieldPaths[TradeField.SEQ.ordinal()], SEQ_PER_MESSAGE, null);
        }
        return true;
    }

    private void requireAll(int had, int wanted) {
        int missing = wanted & ~had;
        if (missing != 0) {
            throw cursor.fail(fieldPaths[Integer.numberOfTrailingZeros(missing)], MISSING, null);
        }
    }

    private void deliver(FeedSink sink) {
        boolean sequenced = mapping.sequenced();
        if (tradeArray == null) {
            sink.onTick(symbol, sequenced ? seq : arrivals.next(), time, price, size);
            return;
        }
        TradeColumns t = trades;
        int n = t.count;
        // Fields found outside the array hold for every trade in it.
        for (int i = 0; i < n; i++) {
            if ((seen & SYMBOL) != 0) {
                t.symbols[i] = symbol;
            }
            if (!sequenced) {
                t.seqs[i] = arrivals.next();
            } else if ((seen & SEQ) != 0) {
                t.seqs[i] = seq;
            }
            if ((seen & TIME) != 0) {
                t.times[i] = time;
            }
            if ((seen & PRICE) != 0) {
                t.prices[i] = price;
            }
            if ((seen & SIZE) != 0) {
                t.sizes[i] = size;
            }
        }
        if (t.oneSymbol()) {
            sink.onTicks(t.symbols[0], t.seqs, t.times, t.prices, t.sizes, n);
        } else {
            for (int i = 0; i < n; i++) {
                sink.onTick(t.symbols[i], t.seqs[i], t.times[i], t.prices[i], t.sizes[i]);
            }
        }
    }

    private static int bit(TradeField field) {
        return 1 << field.ordinal();
    }

    private static String describe(JsonKind kind) {
        return switch (kind) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }
}
