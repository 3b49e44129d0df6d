package com.klinelive.feed.protocol;

import java.util.Optional;

/**
 * Tells the feed format from a connection's first message by the fields of its top-level object: Binance events
 * carry {@code e} or come wrapped as {@code {"stream":..,"data":..}}; Coinbase messages carry a {@code type}
 * and a {@code product_id} or a Coinbase-only type; native messages carry a native {@code type} and no
 * {@code product_id}. A message that is not strict JSON, or matches none of these, tells nothing.
 */
final class FormatDetector {

    private static final String[] NATIVE_TYPES = {"hello", "tick", "ticks", "heartbeat", "reset", "error"};
    private static final String[] COINBASE_TYPES = {
        "subscriptions",
        "match",
        "last_match",
        "ticker",
        "l2update",
        "snapshot",
        "status",
        "received",
        "open",
        "done",
        "change",
        "activate",
    };

    private final JsonCursor cursor = new JsonCursor();
    private boolean hasEvent;
    private boolean hasStream;
    private boolean hasData;
    private boolean hasProductId;
    private boolean hasResult;
    private boolean hasId;
    private boolean nativeType;
    private boolean coinbaseType;

    private FormatDetector() {}

    /** The format of {@code firstMessage}, or empty if it does not tell. */
    static Optional<FeedFormat> detect(String firstMessage) {
        FormatDetector detector = new FormatDetector();
        try {
            detector.readTopLevelFields(firstMessage);
        } catch (InvalidMessageException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(detector.format());
    }

    private void readTopLevelFields(String message) {
        cursor.reset(message);
        cursor.beginObject(null);
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("type") && cursor.peek("type") == JsonKind.STRING) {
                cursor.nextStringToken("type");
                nativeType = cursor.matchString(NATIVE_TYPES) >= 0;
                coinbaseType = cursor.matchString(COINBASE_TYPES) >= 0;
                continue;
            }
            hasEvent |= cursor.nameIs("e");
            hasStream |= cursor.nameIs("stream");
            hasData |= cursor.nameIs("data");
            hasProductId |= cursor.nameIs("product_id");
            hasResult |= cursor.nameIs("result");
            hasId |= cursor.nameIs("id");
            cursor.skipValue();
        }
        cursor.endObject();
        cursor.finish();
    }

    private FeedFormat format() {
        if (hasEvent || (hasStream && hasData)) {
            return FeedFormat.BINANCE;
        }
        if (hasProductId && (nativeType || coinbaseType)) {
            return FeedFormat.COINBASE;
        }
        if (nativeType) {
            return FeedFormat.NATIVE;
        }
        if (coinbaseType) {
            return FeedFormat.COINBASE;
        }
        // The reply to a Binance SUBSCRIBE request, such as {"result":null,"id":1}.
        return hasResult && hasId ? FeedFormat.BINANCE : null;
    }
}
