package com.klinelive.feed.format.exchange;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * The top-level scalar fields of a small JSON object, for telling an exchange's control replies apart. Control
 * replies are rare (one per subscription or ping), so this favours clarity over speed; stream data never comes
 * here. Nested values are skipped, except one level of an object named in the call.
 */
public final class ReplyReader {

    /** Control replies are a few hundred bytes; anything longer is not one. */
    private static final int MAX_CHARS = 4096;

    private ReplyReader() {}

    /**
     * The scalar fields of {@code message}'s top-level object as text ({@code null} values as {@code "null"}),
     * with those of the object field {@code nested}, if any, prefixed {@code nested.}; empty when the message is
     * not a strict JSON object of at most 4096 characters.
     */
    public static Map<String, String> fields(String message, String nested) {
        Map<String, String> fields = new HashMap<>();
        if (message == null || message.length() > MAX_CHARS) {
            return Map.of();
        }
        try (JsonReader reader = new JsonReader(new StringReader(message))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(8);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                return Map.of();
            }
            readObject(reader, "", nested, fields);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Map.of();
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return Map.of();
        }
        return fields;
    }

    private static void readObject(JsonReader reader, String prefix, String nested, Map<String, String> fields)
            throws IOException {
        reader.beginObject();
        while (reader.hasNext()) {
            String name = prefix + reader.nextName();
            switch (reader.peek()) {
                case STRING, NUMBER -> fields.put(name, reader.nextString());
                case BOOLEAN -> fields.put(name, Boolean.toString(reader.nextBoolean()));
                case NULL -> {
                    reader.nextNull();
                    fields.put(name, "null");
                }
                case BEGIN_OBJECT -> {
                    if (prefix.isEmpty() && name.equals(nested)) {
                        readObject(reader, name + ".", null, fields);
                    } else {
                        reader.skipValue();
                    }
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
    }
}
