package com.klinelive.feed.socketio;

import java.util.Objects;
import java.util.Optional;

/**
 * What a socket.io feed is read for, beyond its URL.
 *
 * @param event     the one event whose first argument is a trade message; other events are ignored and counted
 * @param subscribe an event to emit once the namespace is connected, as a JSON array {@code ["name", args...]};
 *                  empty to emit nothing
 * @param upgrade   whether to upgrade the session from long polling to WebSocket when the server offers it
 */
public record SocketIoSettings(String event, Optional<String> subscribe, boolean upgrade) {

    /** The event read when none is named. */
    public static final String DEFAULT_EVENT = "trade";

    public SocketIoSettings {
        Objects.requireNonNull(event, "event");
        if (event.isEmpty() || event.length() > 256) {
            throw new IllegalArgumentException("a socket.io event name has 1 to 256 characters");
        }
        subscribe = subscribe.filter(s -> !s.isBlank());
        subscribe.ifPresent(s -> {
            if (!new EventArguments().scan(s, 0)) {
                throw new IllegalArgumentException(
                        "a socket.io subscribe text is an event as a JSON array, such as [\"subscribe\",\"BTCUSDT\"]");
            }
        });
    }

    /** Reads {@link #DEFAULT_EVENT}, subscribes to nothing, upgrades when it can. */
    public static SocketIoSettings defaults() {
        return new SocketIoSettings(DEFAULT_EVENT, Optional.empty(), true);
    }
}
