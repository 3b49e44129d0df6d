package com.klinelive.feed.format.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where the trades are in the messages of a custom JSON feed, and what to send after connecting: the paths of
 * symbol, time, price and size, and optionally of seq. Without a seq there is no gap detection and no duplicate
 * detection across reconnects ({@link #sequenced()}).
 *
 * @param paths     the path of each mapped field; every {@link TradeField#required() required} one is there
 * @param subscribe the text to send once connected, or empty
 */
public record FieldMapping(Map<TradeField, FieldPath> paths, Optional<String> subscribe) {

    public FieldMapping {
        // In field order, so that a reason names the fields in the same order every time.
        paths = Collections.unmodifiableMap(paths.isEmpty() ? Map.of() : new EnumMap<>(paths));
        subscribe = subscribe.filter(s -> !s.isEmpty());
        List<String> missing = new ArrayList<>();
        for (TradeField f : TradeField.values()) {
            if (f.required() && !paths.containsKey(f)) {
                missing.add(f.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the field mapping needs --field " + String.join("=PATH, --field ", missing) + "=PATH");
        }
        checkNoOverlap(paths);
    }

    /**
     * A mapping from {@code KEY=PATH} texts, as given to {@code --field}, with KEY one of symbol, seq, time, price
     * and size.
     *
     * @throws IllegalArgumentException saying what is wrong: a text without '=', an unknown or repeated key, a
     *     bad path, a required key missing, or paths that overlap
     */
    public static FieldMapping parse(Collection<String> fields, String subscribe) {
        Map<TradeField, FieldPath> paths = new EnumMap<>(TradeField.class);
        for (String entry : fields) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--field takes KEY=PATH, such as price=data.p; got '" + entry + "'");
            }
            String key = entry.substring(0, eq).trim();
            TradeField field = TradeField.fromKey(key)
                    .orElseThrow(() ->
                            new IllegalArgumentException("unknown field '" + key + "' in --field: one of " + keys()));
            if (paths.put(field, FieldPath.parse(entry.substring(eq + 1).trim())) != null) {
                throw new IllegalArgumentException("--field " + key + " is given twice");
            }
        }
        return new FieldMapping(paths, Optional.ofNullable(subscribe));
    }

    /** A mapping from {@code KEY -> PATH} pairs, as {@link #parse} reads {@code KEY=PATH} texts. */
    public static FieldMapping parse(Map<String, String> fields, String subscribe) {
        List<String> entries = new ArrayList<>();
        fields.forEach((key, path) -> entries.add(key + "=" + path));
        return parse(entries, subscribe);
    }

    /** The path of {@code field}, or empty if it is not mapped. */
    public Optional<FieldPath> path(TradeField field) {
        return Optional.ofNullable(paths.get(field));
    }

    /**
     * Whether trades carry a sequence: only then can a gap be detected and a trade that arrives twice be dropped.
     * A status should say when they cannot.
     */
    public boolean sequenced() {
        return paths.containsKey(TradeField.SEQ);
    }

    private static void checkNoOverlap(Map<TradeField, FieldPath> paths) {
        for (Map.Entry<TradeField, FieldPath> a : paths.entrySet()) {
            for (Map.Entry<TradeField, FieldPath> b : paths.entrySet()) {
                if (a.getKey() != b.getKey() && a.getValue().startsWith(b.getValue())) {
                    throw new IllegalArgumentException(
                            a.getValue().equals(b.getValue())
                                    ? a.getKey().key() + " and " + b.getKey().key() + " cannot have the same path '"
                                            + a.getValue() + "'"
                                    : a.getKey().key() + " at '" + a.getValue() + "' lies inside "
                                            + b.getKey().key() + " at '" + b.getValue() + "'");
                }
            }
        }
    }

    private static String keys() {
        StringJoiner j = new StringJoiner(", ");
        for (TradeField f : TradeField.values()) {
            j.add(f.key());
        }
        return j.toString();
    }
}
