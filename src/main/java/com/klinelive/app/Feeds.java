package com.klinelive.app;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;

/** Wires the concrete transports into a feed client: the one place that names them. */
public final class Feeds {

    private Feeds() {}

    /** A feed client over WebSocket with long-polling fallback, counting into {@code aggregator}. */
    public static FeedClient client(FeedOptions options, CandleAggregator aggregator) {
        return new FeedClient(options, aggregator, new WebSocketTransports(), new LongPollTransports());
    }
}
