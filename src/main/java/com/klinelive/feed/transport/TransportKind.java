package com.klinelive.feed.transport;

/** How ticks travel. */
public enum TransportKind {
    WEBSOCKET("WebSocket"),
    LONG_POLLING("long polling");

    private final String label;

    TransportKind(String label) {
        this.label = label;
    }

    /** A short name for the status bar. */
    public String label() {
        return label;
    }
}
