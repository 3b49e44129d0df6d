package com.klinelive.feed.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import javax.net.ssl.SSLContext;

/**
 * What a transport needs to connect.
 *
 * @param uri            the WebSocket URI, or for long polling the HTTP base under which {@code /poll} lives
 * @param symbols        the symbols to poll (long polling); ignored by WebSocket, which subscribes by message
 * @param resumeFrom     per symbol, the last sequence already held, or -1: long polling asks for ticks after it
 * @param connectTimeout how long opening may take before it counts as not available
 * @param sslContext     TLS settings for wss/https, or null for the JDK's defaults
 * @param maxMessageBytes messages larger than this close the connection (WebSocket) or are refused (polling)
 * @param pacing         how often a stream transport's read thread may wake up (the feed client's, shared by its
 *                       transports)
 */
public record TransportRequest(
        URI uri,
        List<String> symbols,
        ToLongFunction<String> resumeFrom,
        Duration connectTimeout,
        SSLContext sslContext,
        int maxMessageBytes,
        ReadPacing pacing) {

    public TransportRequest {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(pacing, "pacing");
    }

    /** Read in the foreground, always. */
    public TransportRequest(
            URI uri,
            List<String> symbols,
            ToLongFunction<String> resumeFrom,
            Duration connectTimeout,
            SSLContext sslContext,
            int maxMessageBytes) {
        this(uri, symbols, resumeFrom, connectTimeout, sslContext, maxMessageBytes, new ReadPacing());
    }
}
