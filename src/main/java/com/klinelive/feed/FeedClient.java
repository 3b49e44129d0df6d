package com.klinelive.feed;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.feed.transport.ReadPacing;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.model.Timeframe;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Connects to one feed and keeps candles equal to the feed's, whatever happens to the connection: the public face
 * of the feed client, which the app, {@code record}, the benchmarks and tests use.
 *
 * <p>Behind it, a {@link ConnectionSupervisor} keeps the connection (WebSocket first, long polling as fallback,
 * resume, probes, planned reconnects) on one control thread, and {@link SymbolSyncs} keep each symbol's candles
 * in sequence order with their backfill and gap repair. What the feed speaks is its {@link FeedFormat}: named in
 * the options, recognised from the URL, or told by the first message.
 *
 * <p>Threads: ticks are decoded and counted on the transport's network thread (no queue, no copy); everything
 * that changes the connection runs on the control thread. Listeners are called on those threads, outside the
 * client's locks (see {@link FeedListener} for the transports' own).
 */
public final class FeedClient implements AutoCloseable {

    private final FeedOptions options;
    private final CandleAggregator aggregator;
    private final ControlLoop loop;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService restTimer;
    private final RestClient rest;
    private final FeedListeners listeners = new FeedListeners();
    private final Rejections rejections = new Rejections();
    private final FeedMarks marks = new FeedMarks();
    private final FeedMetrics metrics;
    private final SymbolSyncs syncs;
    private final ConnectionSupervisor supervisor;
    private final OlderPages olderPages;
    private volatile boolean closed;

    /**
     * @param options    where and how to connect
     * @param aggregator where the candles go; shared with whoever draws them
     * @param webSockets makes WebSocket transports
     * @param longPolls  makes long-polling transports
     */
    public FeedClient(
            FeedOptions options, CandleAggregator aggregator, TransportFactory webSockets, TransportFactory longPolls) {
        this(options, aggregator, webSockets, longPolls, new ThreadControlLoop(), null);
    }

    /** With a control loop and backoff jitter of the caller's: tests drive both step by step. */
    FeedClient(
            FeedOptions options,
            CandleAggregator aggregator,
            TransportFactory webSockets,
            TransportFactory longPolls,
            ControlLoop loop,
            RandomGenerator jitter) {
        this.options = options;
        this.aggregator = aggregator;
        this.loop = loop;
        this.httpExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feed-http");
            t.setDaemon(true);
            return t;
        });
        this.restTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-rest-timer");
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .version(HttpClient.Version.HTTP_1_1);
        if (options.sslContext() != null) {
            builder.sslContext(options.sslContext());
        }
        this.rest = new RestClient(builder.build(), restTimer, Duration.ofSeconds(15));
        long base = options.backoffBase().toMillis();
        long cap = options.backoffCap().toMillis();
        long probeBase = Math.max(1_000, base);
        SymbolSyncs[] syncsRef = new SymbolSyncs[1];
        this.metrics = new FeedMetrics(() -> syncsRef[0] == null ? 0 : syncsRef[0].ticksCounted());
        ConnectionSupervisor[] supervisorRef = new ConnectionSupervisor[1];
        this.syncs = new SymbolSyncs(
                aggregator,
                options,
                metrics,
                loop,
                listeners,
                rest,
                new Backoff(base, cap, jitter),
                rejections,
                marks,
                symbol -> supervisorRef[0].post(new SupervisorEvent.NewSymbol(symbol)));
        syncsRef[0] = syncs;
        rest.addListener(notice -> metrics.rateLimited(notice.describe()));
        FeedFormat known = options.format() != null
                ? options.format()
                : FormatRegistry.installed().forUrl(options.endpoint().given()).orElse(null);
        this.supervisor = new ConnectionSupervisor(
                options,
                loop,
                webSockets,
                longPolls,
                syncs,
                metrics,
                rejections,
                listeners,
                new Backoff(base, cap, jitter),
                new Backoff(probeBase, Math.max(probeBase, cap), jitter),
                marks,
                known);
        supervisorRef[0] = supervisor;
        this.olderPages =
                new OlderPages(aggregator, () -> syncs.history().candles(), syncs::epoch, listeners, System::nanoTime);
    }

    /** Adds a listener; add them before {@link #start()} to hear everything. */
    public void addListener(FeedListener listener) {
        listeners.add(listener);
    }

    /** Starts connecting in the background. */
    public void start() {
        supervisor.start();
    }

    /** Closes the connection; nothing is delivered afterwards. Waits briefly for the control thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        syncs.close();
        supervisor.stop();
        loop.shutdown();
        httpExecutor.shutdownNow();
        restTimer.shutdownNow();
    }

    public FeedStatus status() {
        return supervisor.status();
    }

    /**
     * In the background (nobody sees this feed's charts), the read threads wake for messages in bunches, a
     * {@link ReadPacing#BACKGROUND_NAP} apart, instead of once a message; nothing is lost or delayed further. Any
     * thread.
     */
    public void background(boolean background) {
        supervisor.pacing.background(background);
    }

    /** Whether the read threads wake in bunches (see {@link #background(boolean)}). */
    public boolean isBackground() {
        return supervisor.pacing.isBackground();
    }

    public FeedMetrics.Snapshot metrics() {
        metrics.rejections(rejections.count(), rejections.lastReason().orElse(""));
        return metrics.snapshot();
    }

    /**
     * The symbols the feed offers: those it greets with (ours), or for a feed that greets with none (an exchange)
     * the symbols followed (asked for or seen on the stream) first, then the rest of the exchange's symbol list once
     * its REST side gave it.
     */
    public List<String> symbols() {
        return supervisor.symbols();
    }

    /**
     * The outage and repair marks of {@code symbol}, oldest first: where the feed was down (disconnected or stale)
     * and which stretches were repaired (missing trades fetched by id, history reloaded, candles replaced), each
     * with a line of text. An immutable snapshot, cheap to take on any thread; the newest
     * {@link FeedMarks#MAX_PER_SYMBOL} are kept.
     */
    public FeedMarks.Snapshot marks(String symbol) {
        return marks.of(symbol);
    }

    /** Bumped after every change of any symbol's marks: a chart redraws its marks when this moved. */
    public long marksVersion() {
        return marks.version();
    }

    /** Whether any connection ever opened. */
    public boolean everConnected() {
        return supervisor.everConnected();
    }

    public FeedOptions options() {
        return options;
    }

    /** The feed's format, once named, recognised from the URL or told by the first message; null before. */
    public FeedFormat format() {
        return supervisor.format();
    }

    /**
     * Loads the page of {@code timeframe} candles of {@code symbol} before {@code endExclusive} from the feed's
     * history (our {@code /history?end=}, an exchange's REST candles) and puts it in front of the book's candles:
     * what scrolling back asks for. {@code endExclusive} is the start of the book's oldest candle; the page goes in
     * only if that is still the oldest when it arrives. Listeners hear {@link FeedListener#onCandles} when it did.
     *
     * <p>Never blocks: the request runs on the client's HTTP threads. At most one is out per symbol and
     * timeframe: asking again meanwhile returns the same future. The future fails, with a message fit for the
     * status bar, when the feed does not answer, answers garbage or candles that do not fit, or the client holds
     * no such candles; {@link OlderPage.Status#END_OF_HISTORY} says the feed has no older candles.
     *
     * @param limit candles asked for, 1 to 5,000
     */
    public CompletableFuture<OlderPage> olderCandles(String symbol, Timeframe timeframe, long endExclusive, int limit) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the feed client is closed"));
        }
        return olderPages.load(symbol, timeframe, endExclusive, limit);
    }

    /** The candles of {@code symbol}, or null before its first tick or history. */
    public CandleBook book(String symbol) {
        return aggregator.book(symbol);
    }

    /**
     * A connection's inbound side with no transport behind it, made current: benchmarks hand it messages as a
     * network thread would. Never used by the client itself.
     */
    Inbound detachedInbound() {
        Inbound inbound = new Inbound(supervisor, syncs, metrics, rejections, listeners, false);
        inbound.current = true;
        return inbound;
    }

    SymbolSyncs syncs() {
        return syncs;
    }

    /** What went wrong, in words: the root cause, with the usual network failures named plainly. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException || root instanceof java.nio.channels.ClosedChannelException) {
            return "connection refused";
        }
        if (root instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
