package com.klinelive.feed.transport;

/** Makes transports of one kind; the app wires the concrete ones into a {@link FeedClient}. */
public interface TransportFactory {

    TransportKind kind();

    /** A new, unstarted transport for {@code request}. */
    Transport create(TransportRequest request, TransportEvents events);
}
