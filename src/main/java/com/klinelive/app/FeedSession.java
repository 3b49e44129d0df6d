package com.klinelive.app;

import com.klinelive.cache.FeedTracker;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedListener;
import com.klinelive.feed.FeedOptions;
import com.klinelive.model.Timeframe;
import com.klinelive.scrollback.ScrollBackLoader;
import com.klinelive.sim.SimServer;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One connection of the viewer: the candles, the feed client filling them, and, when no URL is given, the
 * simulator running in-process on a free loopback port. Opened and closed off the FX thread: starting a server
 * and closing sockets may block.
 */
final class FeedSession implements AutoCloseable {

    /** Candles fetched per timeframe on connect: several screens wide at the default zoom. */
    static final int HISTORY_CANDLES = 1_000;

    private final String url;
    private final SimServer embedded;
    private final CandleAggregator aggregator;
    private final FeedClient client;
    private final FeedTracker cached;
    private final ScrollBackLoader scrollBack;

    private FeedSession(String url, SimServer embedded, FeedOptions options, List<FeedListener> listeners) {
        this.url = url;
        this.embedded = embedded;
        this.aggregator = new CandleAggregator(
                EnumSet.allOf(Timeframe.class),
                CandleAggregator.DEFAULT_CAPACITY,
                CandleAggregator.DEFAULT_MAX_SYMBOLS);
        this.client = Feeds.client(options.withHistory(EnumSet.allOf(Timeframe.class), HISTORY_CANDLES), aggregator);
        listeners.forEach(client::addListener);
        // The embedded simulator invents a new past at every start: nothing of it is worth keeping.
        this.cached = embedded == null ? ViewerCache.track(options.endpoint().redacted(), aggregator) : null;
        this.scrollBack = ChartScrollBack.loader(
                cached == null ? null : ViewerCache.cache(), options.endpoint().redacted(), client);
        client.start();
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

    private static CompletableFuture<FeedSession> ahead;
    private static String aheadUrl;

    /**
     * Starts connecting to {@code url} (blank: the embedded simulator) in the background, before the window
     * exists, so the connection, the simulator's start and the history fetch overlap JavaFX's start-up.
     */
    static synchronized void openAhead(String url, javax.net.ssl.SSLContext ssl, FeedArgs feedArgs) {
        String key = url == null ? "" : url.trim();
        aheadUrl = key;
        ahead = CompletableFuture.supplyAsync(() -> open(key, ssl, feedArgs, List.of()));
    }

    /**
     * The session opened ahead for {@code url}, now taken (blocks until it is open), with {@code listener}
     * added; or null when none was opened ahead for that URL.
     */
    static FeedSession takeAhead(String url, FeedListener listener) {
        CompletableFuture<FeedSession> started;
        synchronized (FeedSession.class) {
            if (ahead == null || !aheadUrl.equals(url == null ? "" : url.trim())) {
                return null;
            }
            started = ahead;
            ahead = null;
        }
        FeedSession session = started.join();
        session.client.addListener(listener);
        return session;
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
