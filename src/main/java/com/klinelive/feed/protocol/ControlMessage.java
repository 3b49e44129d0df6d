package com.klinelive.feed.protocol;

import java.util.List;
import java.util.Objects;

/** A message about the feed itself rather than about trades, delivered through {@link FeedSink#onControl}. */
public sealed interface ControlMessage {

    /**
     * The first message on every native WebSocket connection.
     *
     * @param server  name and version of the server software
     * @param epoch   names this run of the server; when it changes, sequence numbers have restarted
     * @param symbols the symbols the server offers
     * @param time    the server's clock, epoch milliseconds UTC
     */
    record Hello(String server, String epoch, List<String> symbols, long time) implements ControlMessage {
        public Hello {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(epoch, "epoch");
            symbols = List.copyOf(symbols);
        }
    }

    /**
     * The feed is alive though it has had nothing to send.
     *
     * @param time the server's clock, epoch milliseconds UTC
     */
    record Heartbeat(long time) implements ControlMessage {}

    /**
     * The sequence a client asked to resume from is gone: re-fetch history, then continue after {@code seq}.
     *
     * @param symbol the symbol concerned
     * @param seq    the last sequence the server published for it
     * @param reason why, for the log
     */
    record Reset(String symbol, long seq, String reason) implements ControlMessage {
        public Reset {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The feed refused a request; the connection stays open.
     *
     * @param message the feed's explanation, as sent (escape it before logging)
     */
    record FeedError(String message) implements ControlMessage {
        public FeedError {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The server epoch carried by a native {@code ticks} batch, delivered before the batch's ticks so that a
     * restarted server is noticed before its restarted sequence numbers are.
     *
     * @param epoch names the run of the server that sent the batch
     */
    record Epoch(String epoch) implements ControlMessage {
        public Epoch {
            Objects.requireNonNull(epoch, "epoch");
        }
    }

    /**
     * The feed acknowledged the client's subscription (Coinbase {@code subscriptions}): the deadline a format may
     * set for it ({@code FeedFormat.acknowledgementDeadline}) is met.
     */
    record Subscribed() implements ControlMessage {}
}
