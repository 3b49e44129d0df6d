package com.klinelive.feed.protocol;

import java.util.Objects;

/**
 * What every format's decoder shares: the two phases of {@link #decode} (parse and validate the whole message
 * into fields of the decoder, then deliver), rejection counting, the {@code type} field that may come anywhere in
 * an object, duplicate and missing field checks, and the tick fields with their validation.
 */
public abstract class JsonFeedDecoder implements FeedDecoder {

    /** {@link #readType} result: the object has no type field. */
    protected static final int NO_TYPE = -2;
    /** {@link #readType} result: the type is not one the decoder knows. */
    protected static final int UNKNOWN_TYPE = -1;

    protected static final String MISSING = "missing required field";
    protected static final String DUPLICATE = "duplicate field";
    protected static final String INTERNAL_ERROR = "internal decoder error: ";

    protected final JsonCursor cursor = new JsonCursor();
    private final Rejections rejections;
    private boolean typeConsumed;

    protected String tickSymbol;
    protected long tickSeq;
    protected long tickTime;
    protected double tickPrice;
    protected double tickSize;

    protected JsonFeedDecoder(Rejections rejections) {
        this.rejections = Objects.requireNonNull(rejections, "rejections");
    }

    @Override
    public final DecodeOutcome decode(String message, FeedSink sink) {
        boolean deliverable;
        try {
            cursor.reset(message);
            deliverable = parse();
            cursor.finish();
        } catch (InvalidMessageException e) {
            rejections.reject(e.reason(), message);
            return DecodeOutcome.REJECTED;
        } catch (RuntimeException e) {
            // A decoder bug must cost one message, not the connection.
            rejections.reject(INTERNAL_ERROR + e, message);
            return DecodeOutcome.REJECTED;
        }
        if (!deliverable) {
            return DecodeOutcome.IGNORED;
        }
        deliver(sink);
        return DecodeOutcome.DELIVERED;
    }

    /**
     * Parses and validates the whole top-level value, keeping what it holds in fields of the decoder.
     *
     * @return whether there is something to deliver; {@code false} for a well-formed message we ignore
     */
    protected abstract boolean parse();

    /** Hands what {@link #parse} kept to the sink. */
    protected abstract void deliver(FeedSink sink);

    /**
     * Reads the type field of the object just begun. If the field comes first, as every real feed sends it, the
     * cursor stays after it; otherwise the object is searched and the cursor rewound to its start, and the caller
     * meets the type field again and passes it to {@link #skipTypeField}.
     *
     * @return the index of the type in {@code knownTypes}, {@link #UNKNOWN_TYPE} or {@link #NO_TYPE}
     */
    protected final int readType(String typeField, String[] knownTypes) {
        int start = cursor.mark();
        if (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs(typeField)) {
                typeConsumed = true;
                return typeIndex(typeField, knownTypes);
            }
        }
        cursor.rewind(start);
        typeConsumed = false;
        if (!cursor.findField(typeField)) {
            cursor.rewind(start);
            return NO_TYPE;
        }
        int type = typeIndex(typeField, knownTypes);
        cursor.rewind(start);
        return type;
    }

    /** Handles the type field met while reading the fields of an object whose type {@link #readType} read. */
    protected final void skipTypeField(String typeField) {
        if (typeConsumed) {
            throw cursor.fail(typeField, DUPLICATE, null);
        }
        typeConsumed = true;
        cursor.skipValue();
    }

    /**
     * Ends a compact-layout read that met a difference: back to {@code start}, for the general path to read the
     * message from there.
     *
     * @return {@code false}, so that a compact read can {@code return notCompact(start);}
     */
    protected final boolean notCompact(int start) {
        cursor.rewind(start);
        return false;
    }

    /** Adds {@code bit} to the fields seen so far, rejecting a field that came twice. */
    protected final int see(int seen, int bit, String field) {
        if ((seen & bit) != 0) {
            throw cursor.fail(field, DUPLICATE, null);
        }
        return seen | bit;
    }

    /** Rejects the message unless every field in {@code required} was seen; bit i names {@code fields[i]}. */
    protected final void requireFields(int seen, int required, String[] fields) {
        int missing = required & ~seen;
        if (missing != 0) {
            throw cursor.fail(fields[Integer.numberOfTrailingZeros(missing)], MISSING, null);
        }
    }

    protected final long validId(String field, long id) {
        if (!FieldRules.isValidId(id)) {
            throw cursor.fail(field, FieldRules.ID_PROBLEM, null);
        }
        return id;
    }

    protected final long validTime(String field, long epochMillis) {
        if (!FieldRules.isPlausibleTime(epochMillis)) {
            throw cursor.fail(field, FieldRules.TIME_PROBLEM, null);
        }
        return epochMillis;
    }

    protected final double validPrice(String field, double price) {
        if (!FieldRules.isValidPrice(price)) {
            throw cursor.fail(field, FieldRules.PRICE_PROBLEM, null);
        }
        return price;
    }

    protected final double validSize(String field, double size) {
        if (!FieldRules.isValidSize(size)) {
            throw cursor.fail(field, FieldRules.SIZE_PROBLEM, null);
        }
        return size;
    }

    /** Hands the tick kept by {@link #parse} in the tick fields to {@code sink}. */
    protected final void deliverTick(FeedSink sink) {
        sink.onTick(tickSymbol, tickSeq, tickTime, tickPrice, tickSize);
    }

    private int typeIndex(String typeField, String[] knownTypes) {
        cursor.nextStringToken(typeField);
        return Math.max(UNKNOWN_TYPE, cursor.matchString(knownTypes));
    }
}
