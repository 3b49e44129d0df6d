package com.klinelive.feed;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to one feed and keeps candles equal to the feed's, whatever happens to the connection.
 *
 * <p>WebSocket first; when it cannot be opened (refused upgrade, handshake error, timeout) or keeps dying, long
 * polling, with the WebSocket probed in the background and taken back when it works. After every reconnect or
 * switch it resumes from the last sequence per symbol; duplicates are dropped; a gap, a reset answer or a server
 * restart re-fetches history and rebuilds the candles. See {@link FeedState} for the state machine.
 *
 * <p>Threads: ticks are decoded and counted on the transport's network thread (no queue, no copy). Everything
 * that changes the connection runs on one control thread, so the state machine needs no locks. Listeners are
 * called on those threads, outside locks; Java-WebSocket's own threads never reconnect (a new transport is made
 * on the control thread instead).
 */
public final class FeedClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedClient.class);
    /** A WebSocket that dies this many times in a row without delivering a tick sends us to long polling. */
    private static final int WEBSOCKET_DEATHS_BEFORE_FALLBACK = 3;

    private static final long WATCHDOG_PERIOD_MILLIS = 250;
    /** How long ticks ahead of a missing sequence wait for it before it counts as a gap. */
    private static final long GAP_GRACE_NANOS = 2_000_000_000L;

    private final FeedOptions options;
    private final CandleAggregator aggregator;
    private final TransportFactory webSockets;
    private final TransportFactory longPolls;
    private final FeedMetrics metrics = new FeedMetrics(this::ticksCounted);
    private final Rejections rejections = new Rejections();
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, SymbolSync> syncs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService control;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final HistoryClient history;
    private final Backoff reconnectBackoff;
    private final Backoff probeBackoff;
    private final HistoryFetcher historyFetcher;

    // Written on the control thread; read by network threads to drop events of transports no longer in use.
    private volatile Inbound active;
    private volatile Inbound probe;
    private volatile FeedStatus status = new FeedStatus(FeedState.CONNECTING, null, "", 0, false);
    private volatile boolean thirdParty;
    /** The feed's format: named, recognised from the URL, or detected from the first message; null until then. */
    private volatile FeedFormat format;

    private volatile String epoch;
    private volatile List<String> symbols = List.of();
    private volatile boolean everConnected;
    private volatile boolean closed;

    // Control thread only.
    private int webSocketDeathsInARow;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> probeRetry;
    private boolean stale;

    /**
     * @param options    where and how to connect
     * @param aggregator where the candles go; shared with whoever draws them
     * @param webSockets makes WebSocket transports
     * @param longPolls  makes long-polling transports
     */
    public FeedClient(
            FeedOptions options, CandleAggregator aggregator, TransportFactory webSockets, TransportFactory longPolls) {
        this.options = options;
        this.aggregator = aggregator;
        this.webSockets = webSockets;
        this.longPolls = longPolls;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-control");
            t.setDaemon(true);
            return t;
        });
        this.httpExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feed-http");
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
        this.http = builder.build();
        this.history = new HistoryClient(http, options.endpoint(), Duration.ofSeconds(15));
        this.reconnectBackoff = new Backoff(
                options.backoffBase().toMillis(), options.backoffCap().toMillis());
        long probeBase = Math.max(1_000, options.backoffBase().toMillis());
        this.probeBackoff =
                new Backoff(probeBase, Math.max(probeBase, options.backoffCap().toMillis()));
        this.historyFetcher = new HistoryFetcher(history, options, control, metrics, new HistoryFetcher.Client() {
            @Override
            public boolean closed() {
                return closed;
            }

            @Override
            public boolean hasHistory() {
                return canFetchHistory();
            }

            @Override
            public String epoch() {
                return epoch;
            }

            @Override
            public void epochChanged(String newEpoch) {
                checkEpoch(newEpoch);
            }

            @Override
            public void candlesReplaced(String symbol) {
                long now = System.nanoTime();
                listeners.forEach(l -> l.onCandles(symbol, now));
            }
        });
        this.format = options.format() != null
                ? options.format()
                : FormatRegistry.installed().forUrl(options.endpoint().given()).orElse(null);
        this.thirdParty = format != null
                ? !format.longPolling()
                : options.endpoint().http().isEmpty();
    }

    /** Adds a listener; add them before {@link #start()} to hear everything. */
    public void addListener(FeedListener listener) {
        listeners.add(listener);
    }

    /** Starts connecting in the background. */
    public void start() {
        control.execute(this::connect);
        control.scheduleWithFixedDelay(
                this::watchdog, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection; nothing is delivered afterwards. Waits briefly for the control thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        control.execute(() -> {
            closeTransport(active);
            closeTransport(probe);
            active = null;
            probe = null;
            publish(new FeedStatus(FeedState.STOPPED, null, "", 0, thirdParty));
        });
        control.shutdown();
        try {
            control.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpExecutor.shutdownNow();
    }

    public FeedStatus status() {
        return status;
    }

    public FeedMetrics.Snapshot metrics() {
        metrics.rejections(rejections.count(), rejections.lastReason().orElse(""));
        return metrics.snapshot();
    }

    /** The symbols the feed offers (or that arrived so far, for exchange streams). */
    public List<String> symbols() {
        return symbols;
    }

    /** Whether any connection ever opened. */
    public boolean everConnected() {
        return everConnected;
    }

    public FeedOptions options() {
        return options;
    }

    /** The candles of {@code symbol}, or null before its first tick or history. */
    public CandleBook book(String symbol) {
        return aggregator.book(symbol);
    }

    // ---- connection state machine (control thread) -------------------------------------------------------

    private void connect() {
        if (closed) {
            return;
        }
        stale = false;
        if (options.transports() == FeedOptions.TransportChoice.LONG_POLLING) {
            startLongPolling("long polling chosen");
            return;
        }
        publish(new FeedStatus(FeedState.CONNECTING, null, "", 0, thirdParty));
        active = open(webSockets, options.endpoint().webSocket(), List.of());
        active.transport.start();
    }

    /** A new transport, not started: the caller makes it current first, so none of its events is dropped. */
    private Inbound open(TransportFactory factory, java.net.URI uri, List<String> pollSymbols) {
        Inbound inbound = new Inbound(this);
        TransportRequest request = new TransportRequest(
                uri,
                pollSymbols,
                this::resumeFrom,
                options.connectTimeout(),
                options.sslContext(),
                FeedOptions.MAX_MESSAGE_BYTES);
        inbound.transport = factory.create(request, inbound);
        return inbound;
    }

    void opened(Inbound inbound) {
        control.execute(() -> {
            if (inbound != active && inbound != probe) {
                return;
            }
            everConnected = true;
            inbound.openedAtNanos = System.nanoTime();
            if (inbound.transport.kind() == TransportKind.LONG_POLLING) {
                metrics.transport(TransportKind.LONG_POLLING);
                reconnectBackoff.reset();
                publish(new FeedStatus(FeedState.LONG_POLLING, TransportKind.LONG_POLLING, "", 0, false));
                return;
            }
            if (inbound == probe) {
                return; // promoted once its hello arrives
            }
            metrics.transport(TransportKind.WEBSOCKET);
            FeedFormat known = format;
            if (known != null && !known.greetsFirst()) {
                thirdParty = !known.longPolling();
                List<String> messages;
                try {
                    messages = known.subscribeMessages(
                            new Subscription(options.symbols(), this::resumeFrom), options.formatSettings());
                } catch (IllegalArgumentException e) {
                    closeTransport(active);
                    active = null;
                    publish(new FeedStatus(FeedState.FAILED, null, e.getMessage(), 0, thirdParty));
                    return;
                }
                messages.forEach(inbound.transport::send);
            }
            if (thirdParty) {
                publish(new FeedStatus(FeedState.WEBSOCKET, TransportKind.WEBSOCKET, "", 0, true));
            }
        });
    }

    /** Our server said hello on a WebSocket: check the epoch, learn the symbols, subscribe, and sync. */
    void hello(Inbound inbound, ControlMessage.Hello hello) {
        control.execute(() -> {
            if (inbound != active && inbound != probe) {
                return;
            }
            thirdParty = false;
            LOG.debug("hello from {} (epoch {})", hello.server(), hello.epoch());
            List<String> offered = hello.symbols();
            if (noneWanted(offered)) {
                return;
            }
            symbols = wanted(offered);
            listeners.forEach(l -> l.onSymbols(symbols));
            boolean restarted = checkEpoch(hello.epoch());
            if (inbound == probe) {
                promoteProbe();
            }
            reconnectBackoff.reset();
            webSocketDeathsInARow = inbound.delivered ? 0 : webSocketDeathsInARow;
            Map<String, Long> since = new HashMap<>();
            for (String s : symbols) {
                long last = syncFor(s).lastSeq();
                if (last >= 0 && !restarted) {
                    since.put(s, last);
                }
            }
            backfillWhereNeeded();
            FeedFormat greeter = format != null
                    ? format
                    : FormatRegistry.installed().named("native").orElseThrow();
            greeter.subscribeMessages(
                            new Subscription(symbols, s -> since.getOrDefault(s, -1L)), options.formatSettings())
                    .forEach(inbound.transport::send);
            metrics.transport(TransportKind.WEBSOCKET);
            publish(new FeedStatus(FeedState.WEBSOCKET, TransportKind.WEBSOCKET, "", 0, false));
        });
    }

    void transportClosed(Inbound inbound, String reason, boolean opened) {
        control.execute(() -> {
            if (inbound == probe) {
                probe = null;
                LOG.debug("WebSocket probe failed: {}", reason);
                scheduleProbe();
                return;
            }
            if (inbound != active || closed) {
                return;
            }
            active = null;
            metrics.transport(null);
            if (inbound.transport.kind() == TransportKind.WEBSOCKET) {
                webSocketClosed(inbound, reason, opened);
            } else {
                scheduleReconnect("long polling lost: " + reason);
            }
        });
    }

    private void webSocketClosed(Inbound inbound, String reason, boolean opened) {
        boolean died = !opened || !inbound.delivered;
        webSocketDeathsInARow = died ? webSocketDeathsInARow + 1 : 0;
        boolean canPoll = !thirdParty
                && options.endpoint().http().isPresent()
                && options.transports() == FeedOptions.TransportChoice.AUTO;
        if (canPoll && (!opened || webSocketDeathsInARow >= WEBSOCKET_DEATHS_BEFORE_FALLBACK)) {
            if (everConnected) {
                metrics.reconnected();
            }
            startLongPolling("WebSocket " + (opened ? "keeps dying" : "unavailable") + ": " + reason);
        } else {
            scheduleReconnect(reason);
        }
    }

    private void startLongPolling(String why) {
        LOG.info("falling back to long polling ({})", why);
        publish(new FeedStatus(FeedState.CONNECTING, TransportKind.LONG_POLLING, why, 0, false));
        CompletableFuture<List<String>> known =
                symbols.isEmpty() ? history.symbols() : CompletableFuture.completedFuture(symbols);
        known.whenCompleteAsync(
                (offered, error) -> {
                    if (closed || active != null) {
                        return;
                    }
                    if (error != null) {
                        scheduleReconnect("no feed at " + options.endpoint().redacted() + ": " + rootMessage(error));
                        return;
                    }
                    if (noneWanted(offered)) {
                        return;
                    }
                    symbols = wanted(offered);
                    listeners.forEach(l -> l.onSymbols(symbols));
                    backfillWhereNeeded();
                    active = open(longPolls, options.endpoint().httpBase(), symbols);
                    active.transport.start();
                    if (options.transports() == FeedOptions.TransportChoice.AUTO) {
                        scheduleProbe();
                    }
                },
                control);
    }

    private void scheduleProbe() {
        if (closed
                || probe != null
                || (probeRetry != null && !probeRetry.isDone())
                || active == null
                || active.transport.kind() != TransportKind.LONG_POLLING) {
            return;
        }
        long delay = Math.max(1_000, probeBackoff.nextDelayMillis());
        probeRetry = control.schedule(
                () -> {
                    if (!closed
                            && probe == null
                            && active != null
                            && active.transport.kind() == TransportKind.LONG_POLLING) {
                        probe = open(webSockets, options.endpoint().webSocket(), List.of());
                        probe.transport.start();
                    }
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    /** The WebSocket probe works: it becomes the transport; polling stops. Ticks seen twice are deduplicated. */
    private void promoteProbe() {
        Inbound polling = active;
        active = probe;
        probe = null;
        probeBackoff.reset();
        webSocketDeathsInARow = 0;
        metrics.reconnected();
        closeTransport(polling);
        LOG.info("upgraded back to WebSocket");
    }

    private void scheduleReconnect(String reason) {
        if (closed) {
            return;
        }
        if (everConnected) {
            metrics.reconnected();
        }
        long delay = reconnectBackoff.nextDelayMillis();
        publish(new FeedStatus(FeedState.RECONNECTING, null, reason, delay, thirdParty));
        if (retry != null) {
            retry.cancel(false);
        }
        retry = control.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void watchdog() {
        long now = System.nanoTime();
        metrics.sampleRate(now);
        for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
            int generation = e.getValue().gapOlderThan(now, GAP_GRACE_NANOS);
            if (generation >= 0) {
                LOG.info("gap in {}: repairing from history", e.getKey());
                historyFetcher.fetch(e.getKey(), e.getValue(), generation, true);
            }
        }
        Inbound current = active;
        if (current == null || current.openedAtNanos == 0 || closed) {
            return;
        }
        long last = Math.max(current.openedAtNanos, current.lastMessageNanos());
        long silentMillis = (now - last) / 1_000_000;
        // A held poll is silent by design for up to ~25 s; only the WebSocket has heartbeats to expect.
        long staleAfter = current.transport.kind() == TransportKind.WEBSOCKET
                ? options.staleAfter().toMillis()
                : Math.max(options.staleAfter().toMillis(), 30_000);
        long deadAfter = current.transport.kind() == TransportKind.WEBSOCKET
                ? options.deadAfter().toMillis()
                : Math.max(options.deadAfter().toMillis(), 40_000);
        if (silentMillis >= deadAfter) {
            LOG.info("no message for {} ms: reconnecting", silentMillis);
            active = null;
            closeTransport(current);
            metrics.transport(null);
            if (current.transport.kind() == TransportKind.WEBSOCKET) {
                webSocketClosed(current, "silent for " + silentMillis / 1000 + " s", true);
            } else {
                scheduleReconnect("silent for " + silentMillis / 1000 + " s");
            }
        } else if (silentMillis >= staleAfter && !stale) {
            stale = true;
            publish(new FeedStatus(
                    FeedState.STALE,
                    current.transport.kind(),
                    "no message for " + silentMillis / 1000 + " s",
                    0,
                    thirdParty));
        } else if (silentMillis < staleAfter && stale) {
            stale = false;
            FeedState state =
                    current.transport.kind() == TransportKind.WEBSOCKET ? FeedState.WEBSOCKET : FeedState.LONG_POLLING;
            publish(new FeedStatus(state, current.transport.kind(), "", 0, thirdParty));
        }
    }

    // ---- sequences, gaps and history ----------------------------------------------------------------------

    private long resumeFrom(String symbol) {
        SymbolSync sync = syncs.get(symbol);
        return sync == null ? -1 : sync.lastSeq();
    }

    SymbolSync syncFor(String symbol) {
        SymbolSync sync = syncs.get(symbol);
        if (sync != null) {
            return sync;
        }
        CandleBook book = aggregator.bookFor(symbol);
        if (book == null) {
            return null;
        }
        boolean isNew = syncs.putIfAbsent(symbol, new SymbolSync(book, canFetchHistory(), metrics)) == null;
        if (isNew && thirdParty) {
            List<String> seen = new ArrayList<>(syncs.keySet());
            seen.sort(null);
            symbols = List.copyOf(seen);
            listeners.forEach(l -> l.onSymbols(symbols));
        }
        return syncs.get(symbol);
    }

    /** A new epoch means the server restarted: every symbol starts over from history. Returns whether it did. */
    boolean checkEpoch(String newEpoch) {
        if (newEpoch == null || newEpoch.isEmpty()) {
            return false;
        }
        synchronized (syncs) {
            String old = epoch;
            epoch = newEpoch;
            if (old == null || old.equals(newEpoch)) {
                return false;
            }
        }
        LOG.info("the feed restarted (new epoch): rebuilding candles from history");
        for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
            int generation = e.getValue().restart();
            control.execute(() -> historyFetcher.fetch(e.getKey(), e.getValue(), generation, false));
        }
        return true;
    }

    /**
     * Starts a history sync for every symbol that has never had one. Called before subscribing, so the live
     * ticks that follow are held back until the history is in.
     */
    private void backfillWhereNeeded() {
        for (String s : symbols) {
            SymbolSync sync = syncFor(s);
            int generation = sync == null ? -1 : sync.beginBackfill();
            if (generation >= 0) {
                control.execute(() -> historyFetcher.fetch(s, sync, generation, false));
            }
        }
    }

    /** A gap or a reset for {@code symbol}: fetch history for the sync {@code generation} began. */
    void repair(String symbol, SymbolSync sync, int generation) {
        control.execute(() -> historyFetcher.fetch(symbol, sync, generation, true));
    }

    private boolean canFetchHistory() {
        return !thirdParty
                && options.endpoint().http().isPresent()
                && !options.historyTimeframes().isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /**
     * Whether the user asked for symbols the feed does not offer at all: then there is nothing to wait for, and
     * the client fails with a reason instead of retrying.
     */
    private boolean noneWanted(List<String> offered) {
        if (options.symbols().isEmpty() || !wanted(offered).isEmpty()) {
            return false;
        }
        closeTransport(active);
        closeTransport(probe);
        active = null;
        probe = null;
        String list = String.join(", ", offered.subList(0, Math.min(12, offered.size())));
        publish(new FeedStatus(
                FeedState.FAILED,
                null,
                "the feed does not offer " + String.join(", ", options.symbols()) + " (it offers " + list
                        + (offered.size() > 12 ? ", …" : "") + ")",
                0,
                false));
        return true;
    }

    private List<String> wanted(List<String> offered) {
        if (options.symbols().isEmpty()) {
            return List.copyOf(offered);
        }
        return options.symbols().stream().filter(offered::contains).toList();
    }

    FeedFormat knownFormat() {
        return format;
    }

    void formatDetected(Inbound inbound, FeedFormat detected) {
        format = detected;
        if (!detected.longPolling()) {
            thirdParty = true;
            control.execute(() -> {
                if (inbound == active) {
                    publish(new FeedStatus(
                            FeedState.WEBSOCKET,
                            TransportKind.WEBSOCKET,
                            detected.name() + " stream: no fallback, no history",
                            0,
                            true));
                }
            });
        }
    }

    boolean isCurrent(Inbound inbound) {
        return inbound == active || inbound == probe;
    }

    FeedMetrics metricsSink() {
        return metrics;
    }

    private long ticksCounted() {
        long sum = 0;
        for (SymbolSync sync : syncs.values()) {
            sum += sync.ticksCounted();
        }
        return sum;
    }

    Rejections rejections() {
        return rejections;
    }

    void candlesChanged(String symbol, long receivedNanos) {
        for (FeedListener l : listeners) {
            l.onCandles(symbol, receivedNanos);
        }
    }

    void serverError(String message) {
        // Feed text: printable ASCII only, and short, before it reaches a log.
        String clean = message.replaceAll("[^\\x20-\\x7E]", "?");
        LOG.warn("the feed reported an error: {}", clean.length() > 200 ? clean.substring(0, 200) + "…" : clean);
    }

    private void publish(FeedStatus next) {
        status = next;
        for (FeedListener l : listeners) {
            try {
                l.onStatus(next);
            } catch (RuntimeException e) {
                LOG.warn("a feed listener failed", e);
            }
        }
    }

    private static void closeTransport(Inbound inbound) {
        if (inbound != null && inbound.transport != null) {
            inbound.transport.close();
        }
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
