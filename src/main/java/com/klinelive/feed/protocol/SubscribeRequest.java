package com.klinelive.feed.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's {@code subscribe} message: which symbols to stream and, per symbol, the last sequence the client
 * holds, so the server can replay what came after it.
 *
 * @param symbols the symbols to stream, without duplicates
 * @param since   per symbol of {@code symbols}, the last sequence held; symbols without an entry start live
 */
public record SubscribeRequest(List<String> symbols, Map<String, Long> since) {

    public SubscribeRequest {
        symbols = List.copyOf(symbols);
        since = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(since, "since")));
    }

    /** The outcome of {@link #parse}: a request, or why there is none. */
    public sealed interface Parsed {}

    /** A valid {@code subscribe} message. */
    public record Valid(SubscribeRequest request) implements Parsed {}

    /**
     * A message that is not a valid {@code subscribe}.
     *
     * @param reason what is wrong, for an {@code error} reply; made of our own words, never of the client's text
     */
    public record Invalid(String reason) implements Parsed {}

    /**
     * Parses a client message strictly: a JSON object with {@code "type":"subscribe"}, a {@code symbols} array
     * of distinct symbols and an optional {@code since} object mapping some of them to a sequence number
     * (0 to 2^63-1). Unknown fields are ignored; the size, depth and syntax limits of the feed decoders apply.
     */
    public static Parsed parse(String message) {
        return new SubscribeRequestParser().parse(message);
    }

    /** This request as the JSON text the client sends. */
    public String toJson() {
        return NativeEncoder.subscribe(symbols, since);
    }
}
