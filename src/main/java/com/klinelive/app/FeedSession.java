package com.klinelive.app;

import com.klinelive.cache.CandleCache;
import com.klinelive.cache.FeedTracker;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.TradeListener;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedListener;
import com.klinelive.feed.FeedOptions;
import com.klinelive.model.Timeframe;
import com.klinelive.scrollback.ScrollBackLoader;
import com.klinelive.sim.SimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of the viewer: the candles, the feed client filling them, and, when no URL is given, the
 * simulator running in-process on a free loopback port. Opened and closed off the FX thread: starting a server
 * and closing sockets may block.
 */
final class FeedSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSession.class);

    /** Candles fetched per timeframe on connect: several screens wide at the default zoom. */
    static final int HISTORY_CANDLES = 1_000;
    /** Cached candles per timeframe shown before the feed answers: a few screens, read in a few milliseconds. */
    static final int PRELOAD_CANDLES = 5_000;

    private final String url;
    private final SimServer embedded;
    private final CandleAggregator aggregator;
    private final FeedClient client;
    private final FeedTracker cached;
    // Hear every trade counted, on the feed's threads: the alerts, and a tick recording while one is made.
    private volatile TradeListener alerts;
    private volatile TradeListener recorder;
    /** The charts' listeners: charts come and go while the client, which keeps its listeners, lives on. */
    private final List<FeedListener> charts = new CopyOnWriteArrayList<>();

    private final ScrollBackLoader scrollBack;

    private FeedSession(String url, SimServer embedded, FeedOptions options, List<FeedListener> listeners) {
        this(url, embedded, options, listeners, List.of());
    }

    /** @param preload symbols whose cached candles go into their books before the client starts */
    private FeedSession(
            String url, SimServer embedded, FeedOptions options, List<FeedListener> listeners, List<String> preload) {
        this.url = url;
        this.embedded = embedded;
        this.aggregator = new CandleAggregator(
                EnumSet.allOf(Timeframe.class),
                CandleAggregator.DEFAULT_CAPACITY,
                CandleAggregator.DEFAULT_MAX_SYMBOLS);
        this.client = Feeds.client(options.withHistory(EnumSet.allOf(Timeframe.class), HISTORY_CANDLES), aggregator);
        aggregator.tradeListener((symbol, seq, time, price, size) -> {
            TradeListener a = alerts;
            if (a != null) {
                a.counted(symbol, seq, time, price, size);
            }
            TradeListener r = recorder;
            if (r != null) {
                r.counted(symbol, seq, time, price, size);
            }
        });
        listeners.forEach(client::addListener);
        client.addListener(new FeedListener() {
            @Override
            public void onSymbols(List<String> symbols) {
                charts.forEach(l -> l.onSymbols(symbols));
            }

            @Override
            public void onCandles(String symbol, long receivedNanos) {
                for (FeedListener l : charts) {
                    l.onCandles(symbol, receivedNanos);
                }
            }
        });
        // The embedded simulator invents a new past at every start: nothing of it is worth keeping.
        this.cached = embedded == null ? ViewerCache.track(options.endpoint().redacted(), aggregator) : null;
        this.scrollBack = ChartScrollBack.loader(
                cached == null ? null : ViewerCache.cache(), options.endpoint().redacted(), client);
        if (cached != null) {
            preload(options.endpoint().redacted(), preload);
        }
        client.start();
    }

    /**
     * Yesterday's chart at once: the cached closed candles of {@code symbols} go into their books before the client
     * starts, so a chart shows them before the feed answers. The feed's history joins them when it comes (the
     * older cached candles stay when its first candle equals the cached one), and the open candle always comes
     * from the feed. Must run before {@code client.start()}: a preload replaces what a book holds.
     */
    private void preload(String feed, List<String> symbols) {
        CandleCache cache = ViewerCache.cache();
        if (cache == null) {
            return;
        }
        for (String symbol : symbols) {
            try {
                cache.preload(feed, aggregator.bookFor(symbol), PRELOAD_CANDLES);
            } catch (IOException | RuntimeException e) {
                // A damaged or unreadable cache costs the head start, never the feed.
                LOG.warn("cannot preload {} from the candle cache: {}", symbol, e.getMessage());
            }
        }
    }

    /**
     * Connects to {@code url}, or starts the embedded simulator and connects to it when {@code url} is blank.
     * Blocks while the simulator starts: call it off the FX thread.
     *
     * @throws IllegalArgumentException when the URL cannot be a feed (the message says why)
     * @throws UncheckedIOException     when the embedded simulator cannot start
     */
    static FeedSession open(String url, javax.net.ssl.SSLContext ssl, List<FeedListener> listeners) {
        return open(url, ssl, null, listeners);
    }

    /** As {@link #open(String, javax.net.ssl.SSLContext, List)}, with the format arguments, if any, applied. */
    static FeedSession open(String url, javax.net.ssl.SSLContext ssl, FeedArgs feedArgs, List<FeedListener> listeners) {
        if (url != null && !url.isBlank()) {
            FeedOptions options = FeedOptions.defaults(url.trim()).withSslContext(ssl);
            return new FeedSession(url.trim(), null, feedArgs == null ? options : feedArgs.applyTo(options), listeners);
        }
        SimServer sim = EmbeddedSimulator.start();
        return new FeedSession("", sim, FeedOptions.defaults(sim.uri().toString()), listeners);
    }

    /**
     * Connects to {@code spec}, or starts the embedded simulator for {@link FeedSpec#EMBEDDED}'s empty URL. Blocks
     * while the simulator starts: call it off the FX thread.
     *
     * @throws IllegalArgumentException when the URL or format cannot be used (the message says why)
     */
    static FeedSession open(com.klinelive.workspace.FeedSpec spec, javax.net.ssl.SSLContext ssl) {
        return open(spec, ssl, List.of());
    }

    /**
     * As {@link #open(com.klinelive.workspace.FeedSpec, javax.net.ssl.SSLContext)}, with the cached candles of
     * {@code preload}'s symbols shown before the feed answers (see {@link #preload}).
     */
    static FeedSession open(com.klinelive.workspace.FeedSpec spec, javax.net.ssl.SSLContext ssl, List<String> preload) {
        if (spec.url().isBlank()) {
            SimServer sim = EmbeddedSimulator.start();
            return new FeedSession("", sim, FeedOptions.defaults(sim.uri().toString()), List.of());
        }
        return new FeedSession(spec.url().trim(), null, FeedSpecs.options(spec, ssl), List.of(), preload);
    }

    /** The URL the user gave; empty for the embedded simulator. */
    String url() {
        return url;
    }

    /** What the status bar calls this feed. */
    String displayName() {
        return embedded != null
                ? "embedded simulator " + embedded.uri().getAuthority()
                : client.options().endpoint().redacted();
    }

    /** Where every trade counted goes for the alerts (any thread). */
    void alerts(TradeListener listener) {
        alerts = listener;
    }

    /** Starts writing every trade counted to {@code writer}, or stops with null; returns the one it replaces. */
    TradeListener recorder(TradeListener writer) {
        TradeListener previous = recorder;
        recorder = writer;
        return previous;
    }

    /** The tick recording being written, or null. */
    TradeListener recorder() {
        return recorder;
    }

    /** Adds a chart's listener; it hears symbols and candles from now on, on the feed's threads. */
    void listen(FeedListener listener) {
        charts.add(listener);
    }

    /** Removes a chart's listener: the chart shows another feed, or closed. */
    void stopListening(FeedListener listener) {
        charts.remove(listener);
    }

    CandleAggregator aggregator() {
        return aggregator;
    }

    FeedClient client() {
        return client;
    }

    /** Loads older candles for the charts of this feed: the cache first, then the feed. */
    ScrollBackLoader scrollBack() {
        return scrollBack;
    }

    @Override
    public void close() {
        client.close();
        if (cached != null) {
            cached.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
