package com.klinelive.feed.format;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user told the formats on the command line (or in the feed dialog); each format reads what concerns it
 * and ignores the rest.
 *
 * @param restUrl   an exchange's REST base ({@code --rest-url}), or null for the format's default
 * @param event     the socket.io event that carries trades ({@code --event}); never null
 * @param fields    where a mapped JSON message keeps each tick field ({@code --field KEY=PATH}), keys among
 *                  {@link #FIELD_KEYS}, in the order given
 * @param subscribe a text to send after connecting ({@code --subscribe}), or null
 */
public record FormatSettings(URI restUrl, String event, Map<String, String> fields, String subscribe) {

    /** The keys {@code --field} accepts. */
    public static final List<String> FIELD_KEYS = List.of("symbol", "seq", "time", "price", "size");

    /** The default socket.io event. */
    public static final String DEFAULT_EVENT = "trade";

    /** Nothing set: every format's defaults. */
    public static final FormatSettings NONE = new FormatSettings(null, DEFAULT_EVENT, Map.of(), null);

    public FormatSettings {
        event = event == null || event.isBlank() ? DEFAULT_EVENT : event;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!FIELD_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "unknown field '" + e.getKey() + "' (use " + String.join(", ", FIELD_KEYS) + ")");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("field '" + e.getKey() + "' needs a path");
            }
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The REST base the user named, if any. */
    public Optional<URI> restUrlGiven() {
        return Optional.ofNullable(restUrl);
    }

    /** The text to send after connecting, if any. */
    public Optional<String> subscribeText() {
        return Optional.ofNullable(subscribe);
    }
}
