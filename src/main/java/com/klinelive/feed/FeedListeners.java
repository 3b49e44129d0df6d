package com.klinelive.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one feed client, each told outside any lock; one that throws does not stop the others. */
final class FeedListeners {

    private static final Logger LOG = LoggerFactory.getLogger(FeedListeners.class);

    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();

    void add(FeedListener listener) {
        listeners.add(listener);
    }

    void status(FeedStatus status) {
        for (FeedListener l : listeners) {
            try {
                l.onStatus(status);
            } catch (RuntimeException e) {
                LOG.warn("a feed listener failed", e);
            }
        }
    }

    void symbols(List<String> symbols) {
        for (FeedListener l : listeners) {
            try {
                l.onSymbols(symbols);
            } catch (RuntimeException e) {
                LOG.warn("a feed listener failed", e);
            }
        }
    }

    /** Candles changed: on the hot path, once per message, so no try block per listener call of its own. */
    void candles(String symbol, long receivedNanos) {
        for (FeedListener l : listeners) {
            l.onCandles(symbol, receivedNanos);
        }
    }
}
