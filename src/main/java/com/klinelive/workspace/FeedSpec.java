package com.klinelive.workspace;

import java.util.Map;

/**
 * A feed as the user set it up: what `--url`, `--format` and the mapping options say. Never holds credentials:
 * URLs are stored without user-info and without secret-looking query parameters.
 *
 * @param name      what the feed box calls it, or empty to show the URL
 * @param url       the feed URL; empty for the embedded simulator
 * @param format    a format name (`auto`, `native`, `binance`, ..., `json`)
 * @param restUrl   an exchange's REST base, or empty for its public default
 * @param event     the socket.io event with trades, or empty for the default
 * @param fields    the JSON mapping, key (symbol, seq, time, price, size) to path
 * @param subscribe a text to send after connecting, or empty
 */
public record FeedSpec(
        String name,
        String url,
        String format,
        String restUrl,
        String event,
        Map<String, String> fields,
        String subscribe) {

    /** The embedded simulator. */
    public static final FeedSpec EMBEDDED = new FeedSpec("", "", "auto", "", "", Map.of(), "");

    /** A feed of {@code url} with every other setting at its default. */
    public static FeedSpec of(String url) {
        return new FeedSpec("", url, "auto", "", "", Map.of(), "");
    }

    FeedSpec normalized() {
        return new FeedSpec(
                Texts.orEmpty(name),
                Texts.orEmpty(url),
                Texts.orDefault(format, "auto"),
                Texts.orEmpty(restUrl),
                Texts.orEmpty(event),
                fields == null ? Map.of() : Map.copyOf(fields),
                Texts.orEmpty(subscribe));
    }
}
