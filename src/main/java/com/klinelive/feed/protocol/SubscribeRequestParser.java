package com.klinelive.feed.protocol;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one {@code subscribe} message for {@link SubscribeRequest#parse}; one instance per message. */
final class SubscribeRequestParser {

    static final String NOT_SUBSCRIBE = "expected \"subscribe\"";
    static final String DUPLICATE_SYMBOL = "duplicate symbol";
    static final String NOT_SUBSCRIBED = "names a symbol missing from symbols";

    private static final String[] FIELDS = {"type", "symbols", "since"};
    private static final int TYPE = 1;
    private static final int SYMBOLS = 1 << 1;
    private static final int SINCE = 1 << 2;
    private static final String[] SUBSCRIBE = {"subscribe"};

    private final JsonCursor cursor = new JsonCursor();
    private final Set<String> symbols = new LinkedHashSet<>();
    private final Map<String, Long> since = new LinkedHashMap<>();

    SubscribeRequest.Parsed parse(String message) {
        try {
            readMessage(message);
        } catch (InvalidMessageException e) {
            return new SubscribeRequest.Invalid(e.reason());
        }
        return new SubscribeRequest.Valid(new SubscribeRequest(List.copyOf(symbols), since));
    }

    private void readMessage(String message) {
        cursor.reset(message);
        cursor.beginObject(null);
        int seen = 0;
        while (cursor.hasNext()) {
            cursor.nextName();
            if (cursor.nameIs("type")) {
                seen = see(seen, TYPE, "type");
                cursor.nextStringToken("type");
                if (cursor.matchString(SUBSCRIBE) < 0) {
                    throw cursor.fail("type", NOT_SUBSCRIBE, null);
                }
            } else if (cursor.nameIs("symbols")) {
                seen = see(seen, SYMBOLS, "symbols");
                readSymbols();
            } else if (cursor.nameIs("since")) {
                seen = see(seen, SINCE, "since");
                readSince();
            } else {
                cursor.skipValue();
            }
        }
        cursor.endObject();
        cursor.finish();
        int missing = (TYPE | SYMBOLS) & ~seen;
        if (missing != 0) {
            throw cursor.fail(FIELDS[Integer.numberOfTrailingZeros(missing)], JsonFeedDecoder.MISSING, null);
        }
        for (String symbol : since.keySet()) {
            if (!symbols.contains(symbol)) {
                throw cursor.fail("since", NOT_SUBSCRIBED, null);
            }
        }
    }

    private void readSymbols() {
        cursor.beginArray("symbols");
        while (cursor.hasNext()) {
            String symbol = cursor.nextSymbol("symbols[]");
            if (!symbols.add(symbol)) {
                throw cursor.fail("symbols", DUPLICATE_SYMBOL, null);
            }
        }
        cursor.endArray();
    }

    private void readSince() {
        cursor.beginObject("since");
        while (cursor.hasNext()) {
            cursor.nextName();
            String symbol = cursor.nameValue();
            String problem = FieldRules.nameProblem(symbol);
            if (problem != null) {
                throw cursor.fail("since", problem, null);
            }
            long seq = cursor.nextLong("since{}");
            if (!FieldRules.isValidId(seq)) {
                throw cursor.fail("since{}", FieldRules.ID_PROBLEM, null);
            }
            if (since.put(symbol, seq) != null) {
                throw cursor.fail("since", DUPLICATE_SYMBOL, null);
            }
        }
        cursor.endObject();
    }

    private int see(int seen, int bit, String field) {
        if ((seen & bit) != 0) {
            throw cursor.fail(field, JsonFeedDecoder.DUPLICATE, null);
        }
        return seen | bit;
    }
}
