package com.klinelive.feed;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.util.Set;

/**
 * Benchmarks only: hands text messages to a connection's {@link Inbound} as its network thread does (decode, the
 * symbol's sync, the candle book, the metrics), without a network. The feed client behind it is never started,
 * so it opens nothing; its inbound side is made current without a transport.
 * Lives in the feed package for the package-private {@code Inbound}.
 */
public final class InboundTap implements AutoCloseable {

    private final FeedClient client;
    private final Inbound inbound;

    /** A tap for a native feed at {@code url} (with history, so gaps are repaired), counting into {@code aggregator}. */
    public InboundTap(String url, CandleAggregator aggregator) {
        TransportFactory none = new TransportFactory() {
            @Override
            public TransportKind kind() {
                return TransportKind.WEBSOCKET;
            }

            @Override
            public Transport create(TransportRequest request, TransportEvents events) {
                throw new UnsupportedOperationException("the tap opens no transport");
            }
        };
        // No backfill (nothing answers at the URL), but gaps are checked as on a feed with history.
        client = new FeedClient(FeedOptions.defaults(url).withHistory(Set.of(), 1), aggregator, none, none);
        inbound = client.detachedInbound();
    }

    /** One message, as it arrived on the network at {@code receivedNanos}. */
    public void onMessage(String text, long receivedNanos) {
        inbound.onMessage(null, text, receivedNanos);
    }

    /**
     * Forgets every candle and sequence of {@code symbol}, as the client does when a feed restarts its numbering,
     * so that the same ticks count again.
     */
    public void startOver(String symbol) {
        SymbolSync sync = client.syncs().syncFor(symbol);
        sync.restart();
        sync.finishWithoutHistory();
    }

    /** Ticks counted so far. */
    public long ticksCounted() {
        return client.metrics().ticks();
    }

    @Override
    public void close() {
        client.close();
    }
}
