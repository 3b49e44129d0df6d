package com.klinelive.sim;

/**
 * Where one WebSocket client stands with one symbol: not subscribed, catching up from the replay buffer, or live;
 * and which sequence numbers were already sent to it on this connection, so that a {@code subscribe} arriving
 * after live ticks went out replays exactly what the client lacks: no gap, no duplicate.
 *
 * <p>Guarded by the lock of the symbol's {@link SymbolChannel}; only the channel reads or writes it.
 */
final class Subscription {

    enum State {
        OFF,
        CATCHING_UP,
        LIVE
    }

    final WsClient client;
    final SentRanges sent = new SentRanges();
    State state = State.OFF;
    /** While catching up: the client holds every sequence up to this one, or was sent it. */
    long cursor;

    Subscription(WsClient client) {
        this.client = client;
    }
}
