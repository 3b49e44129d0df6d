package com.klinelive.feed.transport;

/**
 * One connection attempt over one transport. Made by a {@link TransportFactory}, started once, closed once; a
 * new attempt is a new transport. Events reach the {@link TransportEvents} given at creation.
 */
public interface Transport {

    TransportKind kind();

    /** Starts connecting without blocking; {@link TransportEvents#onOpen} or {@link TransportEvents#onClosed} follows. */
    void start();

    /** Sends one text message upstream (WebSocket only). Returns false when the connection cannot take it. */
    boolean send(String text);

    /** Closes the connection. After this returns no event is delivered any more. Idempotent. */
    void close();
}
