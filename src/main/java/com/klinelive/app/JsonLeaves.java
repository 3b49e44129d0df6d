package com.klinelive.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a sample message by dotted path ({@code data.0.p}), for the "Open feed" dialog to offer as field
 * choices. Off the hot path: a sample of a few dozen messages, parsed with Gson's tree model.
 */
final class JsonLeaves {

    /** Paths deeper than this are not offered: nobody maps a trade eight levels down. */
    static final int MAX_DEPTH = 8;
    /** Array elements offered per array: the first few show the shape. */
    static final int MAX_ELEMENTS = 3;

    private JsonLeaves() {}

    /** Path to the value's text (strings without quotes), in document order; empty for a message that is not JSON. */
    static Map<String, String> of(String message) {
        Map<String, String> leaves = new LinkedHashMap<>();
        try {
            JsonReader reader = new JsonReader(new StringReader(message));
            reader.setStrictness(Strictness.STRICT);
            walk(JsonParser.parseReader(reader), "", 0, leaves);
        } catch (RuntimeException e) {
            return Map.of();
        }
        return leaves;
    }

    private static void walk(JsonElement e, String path, int depth, Map<String, String> into) {
        if (depth > MAX_DEPTH || e == null || e.isJsonNull()) {
            return;
        }
        if (e instanceof JsonObject o) {
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                walk(m.getValue(), path.isEmpty() ? m.getKey() : path + "." + m.getKey(), depth + 1, into);
            }
        } else if (e instanceof JsonArray a) {
            for (int i = 0; i < Math.min(MAX_ELEMENTS, a.size()); i++) {
                walk(a.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, depth + 1, into);
            }
        } else if (e instanceof JsonPrimitive p) {
            into.put(path, p.getAsString());
        }
    }
}
