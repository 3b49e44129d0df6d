package com.klinelive.feed.protocol;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of a message's top-level object, and the values of those that are strings: what a format needs to
 * tell its first message from another format's. Read with the strict cursor, so a message that is not one strict
 * JSON object tells nothing. Made once per connection, never per message.
 */
public final class TopLevelFields {

    private final Set<String> names;
    private final Map<String, String> strings;

    private TopLevelFields(Set<String> names, Map<String, String> strings) {
        this.names = names;
        this.strings = strings;
    }

    /** The top-level fields of {@code message}, or empty when it is not a strict JSON object. */
    public static Optional<TopLevelFields> of(String message) {
        JsonCursor cursor = new JsonCursor();
        Set<String> names = new HashSet<>();
        Map<String, String> strings = new HashMap<>();
        try {
            cursor.reset(message);
            cursor.beginObject(null);
            while (cursor.hasNext()) {
                cursor.nextName();
                String name = cursor.nameValue();
                names.add(name);
                if (cursor.peek(name) == JsonKind.STRING) {
                    strings.put(name, cursor.nextString(name));
                } else {
                    cursor.skipValue();
                }
            }
            cursor.endObject();
            cursor.finish();
        } catch (InvalidMessageException e) {
            return Optional.empty();
        }
        return Optional.of(new TopLevelFields(names, strings));
    }

    /** Whether the object has a field called {@code name}. */
    public boolean has(String name) {
        return names.contains(name);
    }

    /** The value of field {@code name} when it is a string. */
    public Optional<String> string(String name) {
        return Optional.ofNullable(strings.get(name));
    }

    /** Whether field {@code name} is a string equal to one of {@code values}. */
    public boolean stringIn(String name, Set<String> values) {
        String value = strings.get(name);
        return value != null && values.contains(value);
    }
}
