package com.klinelive.feed.format;

import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.transport.TransportFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One wire format a feed may speak: how it is recognised, what the client says after connecting, how its messages
 * are decoded, and where its history comes from. A format is one package {@code com.klinelive.feed.format.<name>}
 * plus one line in {@code META-INF/services/com.klinelive.feed.format.FeedFormat}; the client asks these methods
 * and never switches over formats.
 *
 * <p>Implementations are stateless and thread-safe: per-connection state lives in the {@link FeedDecoder} each
 * connection gets from {@link #newDecoder}. Every method but {@link #name} and {@link #newDecoder} has a default
 * meaning "this format does not have that".
 */
public interface FeedFormat {

    /** The name for {@code --format}: lower case, such as {@code native} or {@code binance}. */
    String name();

    /**
     * Whether {@code url} (as the user gave it) leads to a feed of this format by its host alone, such as
     * {@code stream.binance.com}. Checked before any message arrives, in registry order.
     */
    default boolean recognisesUrl(URI url) {
        return false;
    }

    /**
     * Whether the first message of a connection whose format was neither named nor recognised from its URL is of
     * this format. Checked in registry order; a format that cannot tell (mapped JSON) answers false.
     */
    default boolean recognisesFirstMessage(String message) {
        return false;
    }

    /** A new decoder for one connection, counting its rejections in {@code rejections}. */
    FeedDecoder newDecoder(Rejections rejections, FormatSettings settings);

    /**
     * Whether sequence numbers are consecutive per symbol, so that a jump is a gap to repair. Native sequences and
     * exchange trade ids are; a mapped feed without a {@code seq} field, or one whose ids skip, is not: its ticks
     * are counted as they come.
     */
    default boolean consecutiveSequences(FormatSettings settings) {
        return false;
    }

    /**
     * Whether the feed names its symbols and epoch in a greeting ({@code hello}) before the client subscribes:
     * then {@link #subscribeMessages} is sent after it; otherwise right after the connection opens.
     */
    default boolean greetsFirst() {
        return false;
    }

    /**
     * The messages that subscribe the wanted symbols on a new connection, in order. {@code symbols} is what the
     * user asked for (empty: everything, where the format allows it) or, after a greeting, what the feed offers.
     */
    default List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        return List.of();
    }

    /**
     * The acknowledgement of {@link #subscribeMessages}: a connection whose decoder did not deliver
     * {@link com.klinelive.feed.protocol.ControlMessage.Subscribed} within this deadline after subscribing is
     * dropped and made again (Coinbase: 5 s). Empty: nothing to wait for.
     */
    default Optional<Duration> acknowledgementDeadline() {
        return Optional.empty();
    }

    /** An application-level ping the feed expects (OKX, Bybit), or empty. */
    default Optional<ApplicationPing> applicationPing() {
        return Optional.empty();
    }

    /**
     * How long the feed keeps a connection at most (Binance: 24 h). The client opens a successor before then,
     * takes it over once it delivers, and closes the old one: a planned reconnect without a gap. Empty: no limit.
     */
    default Optional<Duration> maxConnectionLifetime() {
        return Optional.empty();
    }

    /** Whether the feed serves HTTP long polling ({@code /poll}) to fall back on when WebSocket fails. */
    default boolean longPolling() {
        return false;
    }

    /**
     * A transport of the format's own, used instead of the plain WebSocket (socket.io runs Engine.IO's polling
     * and upgrade inside one transport); it is given the feed URL as the user gave it. Empty: plain WebSocket.
     */
    default Optional<TransportFactory> transport(FormatSettings settings) {
        return Optional.empty();
    }

    /** Where the format's history, trades and symbols come from; {@link FormatHistory#NONE} when it has none. */
    default FormatHistory history(HistoryContext context) {
        return FormatHistory.NONE;
    }
}
