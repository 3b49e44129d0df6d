package com.klinelive.app;

import com.klinelive.feed.FeedEndpoint;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportRequest;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.workspace.FeedSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens a feed only to see its first raw messages, for the "Open feed" dialog: the format's own transport where
 * it has one (socket.io: the named event's payloads), else the WebSocket; sends the {@code --subscribe} text once
 * open; stops by itself after {@code max} messages. Its callbacks run on network threads.
 */
final class FeedSampler implements AutoCloseable {

    /** What the sampler tells its caller, on network threads. */
    interface Listener {
        void message(String text);

        /** The connection ended (after the last message, or failing); {@code reason} empty when we closed it. */
        void ended(String reason);
    }

    private final Transport transport;

    private FeedSampler(Transport transport) {
        this.transport = transport;
    }

    /**
     * Starts sampling {@code spec}.
     *
     * @throws IllegalArgumentException when the URL or the format cannot be used, saying why
     */
    static FeedSampler start(FeedSpec spec, int max, Listener listener) {
        FeedEndpoint endpoint = FeedEndpoint.parse(spec.url());
        FormatSettings settings = FeedSpecs.settings(spec);
        Optional<FeedFormat> format = spec.format().equals("auto")
                ? FormatRegistry.installed().forUrl(endpoint.given())
                : Optional.of(FormatRegistry.installed()
                        .named(spec.format())
                        .orElseThrow(() -> new IllegalArgumentException("unknown format '" + spec.format() + "'")));
        Optional<TransportFactory> own = format.flatMap(f -> f.transport(settings));
        TransportFactory factory = own.orElseGet(WebSocketTransports::new);
        TransportRequest request = new TransportRequest(
                own.isPresent() ? endpoint.given() : endpoint.webSocket(),
                List.of(),
                s -> -1,
                Duration.ofSeconds(5),
                null,
                FeedOptions.MAX_MESSAGE_BYTES);
        AtomicInteger seen = new AtomicInteger();
        Transport[] self = new Transport[1];
        TransportEvents events = new TransportEvents() {
            @Override
            public void onOpen(Transport t) {
                // socket.io sends its subscribe event itself; a plain WebSocket gets the text as it is.
                if (own.isEmpty()) {
                    settings.subscribeText().ifPresent(t::send);
                }
            }

            @Override
            public void onMessage(Transport t, String text, long receivedNanos) {
                int n = seen.incrementAndGet();
                if (n <= max) {
                    listener.message(text);
                }
                if (n == max) {
                    t.close();
                    listener.ended("");
                }
            }

            @Override
            public void onRejected(Transport t, String reason) {}

            @Override
            public void onRoundTrip(Transport t, long nanos) {}

            @Override
            public void onClosed(Transport t, String reason, boolean opened) {
                listener.ended(reason == null || reason.isEmpty() ? "closed by the feed" : reason);
            }
        };
        self[0] = factory.create(request, events);
        FeedSampler sampler = new FeedSampler(self[0]);
        self[0].start();
        return sampler;
    }

    @Override
    public void close() {
        transport.close();
    }
}
