package com.klinelive.feed;

import com.klinelive.feed.format.ApplicationPing;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.transport.ReadPacing;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one feed connected, the way OkHttp's {@code RealWebSocket} keeps a socket: one state field, {@link #state},
 * changed only by {@link #enter}; network threads {@link #post} events that run on the control thread, where every
 * decision is made. See {@link FeedState} for the machine.
 *
 * <ul>
 *   <li>WebSocket first (or the format's own transport); when it cannot be opened, or dies three times in a row
 *       without delivering, long polling where the format has it, with the WebSocket probed in the background and
 *       taken back when it greets.</li>
 *   <li>After connecting it sends the format's subscription (after the greeting for feeds that greet first),
 *       waits for the acknowledgement the format asks for, and sends the format's application pings.</li>
 *   <li>Before the format's connection lifetime runs out it opens a successor, takes it over once it delivers,
 *       and closes the old one: a planned reconnect without a gap (ticks seen on both are dropped as duplicates).</li>
 *   <li>The watchdog (every 250 ms) marks a silent connection stale, drops a dead one, finds gaps, and publishes
 *       the sync state.</li>
 * </ul>
 *
 * <p>Long because it is the one state machine of a feed's connection: every transition of {@link FeedState} is
 * decided here, on the control thread, so that no decision is split between threads. The transports, the
 * inbound messages, the backoff, the control thread and the history are classes of their own ({@code Transport},
 * {@link Inbound}, {@link Backoff}, {@link ControlLoop}, {@link HistoryLoader}).
 */
final class ConnectionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);
    /** A WebSocket that dies this many times in a row without delivering a tick sends us to long polling. */
    static final int WEBSOCKET_DEATHS_BEFORE_FALLBACK = 3;

    static final long WATCHDOG_PERIOD_MILLIS = 250;
    /** A held poll is silent by design for up to ~25 s; only a WebSocket has heartbeats to expect sooner. */
    private static final long POLL_STALE_MILLIS = 30_000;

    private static final long POLL_DEAD_MILLIS = 40_000;

    private final FeedOptions options;
    private final ControlLoop loop;
    private final TransportFactory webSockets;
    private final TransportFactory longPolls;
    private final SymbolSyncs syncs;
    private final FeedMetrics metrics;
    private final Rejections rejections;
    private final FeedListeners listeners;
    private final Backoff reconnectBackoff;
    private final Backoff probeBackoff;
    private final FeedMarks marks;

    /** The one state field; written only by {@link #enter}, on the control thread. */
    private volatile FeedState state = FeedState.CONNECTING;

    private volatile FeedStatus status = new FeedStatus(FeedState.CONNECTING, null, "", 0, false);
    private volatile FeedFormat format;
    private volatile List<String> symbols = List.of();
    /** The symbols the feed's REST side lists (an exchange's), empty until they came. */
    private volatile List<String> listed = List.of();

    private volatile boolean everConnected;

    // Control thread only: the transports in use, and what is scheduled for them.
    private Inbound active;
    private Inbound probe;
    private Inbound successor;
    private int webSocketDeathsInARow;
    private ControlLoop.Scheduled retry;
    private ControlLoop.Scheduled probeRetry;
    private ControlLoop.Scheduled ackDeadline;
    private ControlLoop.Scheduled pinger;
    private ControlLoop.Scheduled lifetime;
    private ControlLoop.Scheduled watchdog;
    /** Where the outage under way began (epoch ms), or -1; and why. */
    private long outageFromMillis = -1;

    private String outageReason = "";
    private boolean listRequested;
    private int listFailures;

    /** How often the transports' read threads wake: the feed client's, shared by every transport it opens. */
    final ReadPacing pacing = new ReadPacing();

    ConnectionSupervisor(
            FeedOptions options,
            ControlLoop loop,
            TransportFactory webSockets,
            TransportFactory longPolls,
            SymbolSyncs syncs,
            FeedMetrics metrics,
            Rejections rejections,
            FeedListeners listeners,
            Backoff reconnectBackoff,
            Backoff probeBackoff,
            FeedMarks marks,
            FeedFormat known) {
        this.options = options;
        this.loop = loop;
        this.webSockets = webSockets;
        this.longPolls = longPolls;
        this.syncs = syncs;
        this.metrics = metrics;
        this.rejections = rejections;
        this.listeners = listeners;
        this.reconnectBackoff = reconnectBackoff;
        this.probeBackoff = probeBackoff;
        this.marks = marks;
        if (known != null) {
            useFormat(known);
        }
    }

    // ---- read by any thread -------------------------------------------------------------------------------

    FeedState state() {
        return state;
    }

    FeedStatus status() {
        return status;
    }

    /** The feed's format once named, recognised or detected; null before. */
    FeedFormat format() {
        return format;
    }

    FormatSettings formatSettings() {
        return options.formatSettings();
    }

    List<String> symbols() {
        return symbols;
    }

    boolean everConnected() {
        return everConnected;
    }

    long nanoTime() {
        return loop.nanoTime();
    }

    /** Hands {@code event} to the control thread. */
    void post(SupervisorEvent event) {
        loop.execute(() -> handle(event));
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    void start() {
        loop.execute(this::connect);
        scheduleWatchdog();
    }

    /** Closes every transport; nothing is delivered afterwards. Runs on the control thread. */
    void stop() {
        loop.execute(() -> {
            drop(active);
            drop(probe);
            drop(successor);
            active = probe = successor = null;
            cancel(retry, probeRetry, ackDeadline, pinger, lifetime, watchdog);
            enter(FeedState.STOPPED, null, "", 0);
        });
    }

    // ---- the transition method and the events -------------------------------------------------------------

    /** The one place the state changes; publishes the status that goes with it. */
    private void enter(FeedState next, TransportKind transport, String detail, long retryInMillis) {
        markOutage(state, next, detail);
        state = next;
        publish(new FeedStatus(
                next,
                transport,
                detail,
                retryInMillis,
                !capabilities().longPolling,
                next == FeedState.STALE ? SyncState.STALE : syncs.state(),
                syncs.checksSequence()));
    }

    private void handle(SupervisorEvent event) {
        if (state == FeedState.STOPPED || state == FeedState.FAILED) {
            return;
        }
        if (event instanceof SupervisorEvent.NewSymbol) {
            newSymbolSeen();
            publishSyncIfChanged();
            return;
        }
        Inbound in = inboundOf(event);
        if (in == null || !in.current) {
            return; // a transport no longer in use
        }
        if (event instanceof SupervisorEvent.Opened) {
            opened(in);
        } else if (event instanceof SupervisorEvent.Greeted greeted) {
            greeted(in, greeted.hello());
        } else if (event instanceof SupervisorEvent.FormatDetected detected) {
            formatDetected(in, detected.format());
        } else if (event instanceof SupervisorEvent.Acknowledged) {
            if (in == active) {
                cancel(ackDeadline);
            }
        } else if (event instanceof SupervisorEvent.Closed closed) {
            closed(in, closed.reason(), closed.opened());
        }
    }

    private static Inbound inboundOf(SupervisorEvent event) {
        if (event instanceof SupervisorEvent.Opened e) {
            return e.inbound();
        } else if (event instanceof SupervisorEvent.Greeted e) {
            return e.inbound();
        } else if (event instanceof SupervisorEvent.FormatDetected e) {
            return e.inbound();
        } else if (event instanceof SupervisorEvent.Acknowledged e) {
            return e.inbound();
        } else if (event instanceof SupervisorEvent.Closed e) {
            return e.inbound();
        }
        return null;
    }

    private void connect() {
        if (state == FeedState.STOPPED || state == FeedState.FAILED) {
            return;
        }
        if (options.transports() == FeedOptions.TransportChoice.LONG_POLLING) {
            startLongPolling("long polling chosen");
            return;
        }
        enter(FeedState.CONNECTING, null, "", 0);
        active = open(streamTransports(), streamUri(), List.of());
        active.transport.start();
    }

    private void opened(Inbound in) {
        everConnected = true;
        in.openedAtNanos = loop.nanoTime();
        if (in.fallback) {
            metrics.transport(TransportKind.LONG_POLLING);
            reconnectBackoff.reset();
            enter(FeedState.LONG_POLLING, TransportKind.LONG_POLLING, "", 0);
            return;
        }
        if (in == probe) {
            return; // taken over once it greets
        }
        FeedFormat known = format;
        boolean subscribesNow = known != null && !known.greetsFirst();
        if (subscribesNow && !subscribe(in, options.symbols())) {
            return;
        }
        requestSymbolList();
        if (in == successor) {
            if (known != null && !known.consecutiveSequences(options.formatSettings())) {
                // Without sequence numbers a tick seen on both could not be told from a new one: no overlap.
                takeOverSuccessor();
            }
            return; // otherwise taken over once it delivers
        }
        metrics.transport(in.transport.kind());
        scheduleLifetime();
        if (subscribesNow) {
            reconnectBackoff.reset();
            enterReceiving(in, capabilitiesText(known));
        }
        // Otherwise the state changes when the feed greets, or its first message tells its format.
    }

    /** The feed greeted: check what it offers, subscribe with the sequences to resume after, and sync. */
    private void greeted(Inbound in, ControlMessage.Hello hello) {
        LOG.debug("hello from {} (epoch {})", hello.server(), hello.epoch());
        if (noneWanted(hello.symbols())) {
            return;
        }
        symbols = wanted(hello.symbols());
        listeners.symbols(symbols);
        if (in == probe) {
            promoteProbe();
        }
        reconnectBackoff.reset();
        webSocketDeathsInARow = in.delivered ? 0 : webSocketDeathsInARow;
        syncs.backfill(symbols);
        if (!subscribe(in, symbols)) {
            return;
        }
        if (in == successor) {
            return;
        }
        enterReceiving(in, "");
    }

    private void formatDetected(Inbound in, FeedFormat detected) {
        useFormat(detected);
        requestSymbolList();
        if (in == active && !detected.greetsFirst()) {
            // Recognised by a message that came before any subscription (Kraken's status): subscribe now.
            if (!subscribe(in, options.symbols())) {
                return;
            }
            reconnectBackoff.reset();
            scheduleLifetime();
            enterReceiving(in, capabilitiesText(detected));
        }
    }

    private void closed(Inbound in, String reason, boolean opened) {
        in.current = false;
        if (in == probe) {
            probe = null;
            LOG.debug("WebSocket probe failed: {}", reason);
            scheduleProbe();
            return;
        }
        if (in == successor) {
            successor = null;
            LOG.info("the successor connection failed ({}); trying again", reason);
            lifetime = loop.schedule(this::openSuccessor, reconnectBackoff.nextDelayMillis());
            return;
        }
        if (in != active) {
            return;
        }
        active = null;
        cancel(ackDeadline, pinger, lifetime);
        metrics.transport(null);
        if (successor != null && successor.openedAtNanos != 0) {
            // The old connection ended as planned while its successor was ready: no reconnect needed.
            takeOverSuccessor();
            return;
        }
        if (successor != null) {
            // It ended while its successor is still connecting: that is the connection being made now, not one
            // to leave beside a reconnect (which it would later close). Should it fail, that is a failed connect.
            active = successor;
            successor = null;
            enter(FeedState.CONNECTING, null, reason, 0);
            return;
        }
        if (in.fallback) {
            scheduleReconnect("long polling lost: " + reason);
        } else {
            webSocketClosed(in, reason, opened);
        }
    }

    private void newSymbolSeen() {
        FeedFormat known = format;
        if (known == null || !known.greetsFirst()) {
            symbols = followedThenListed();
            listeners.symbols(symbols);
        }
    }

    /**
     * The symbols of a feed that greets with none (an exchange): those followed (seen on the stream or asked for)
     * first, then the rest of what its REST side lists, sorted.
     */
    private List<String> followedThenListed() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(syncs.symbolsSeen());
        all.addAll(options.symbols());
        List<String> rest = new java.util.ArrayList<>(listed);
        rest.sort(null);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /**
     * Asks the feed's REST side once for the symbols it lists (exchanges), so the symbol picker offers them all;
     * asked again after a pause if it failed.
     */
    private void requestSymbolList() {
        FeedFormat known = format;
        if (listRequested || known == null || known.greetsFirst() || state == FeedState.STOPPED) {
            return;
        }
        syncs.history().symbols().ifPresent(source -> {
            listRequested = true;
            source.symbols()
                    .whenCompleteAsync(
                            (offered, error) -> {
                                if (error != null) {
                                    syncs.restFailed("the symbol list", error);
                                    long delay = Math.min(60_000, 1_000L << Math.min(6, listFailures++));
                                    loop.schedule(
                                            () -> {
                                                listRequested = false;
                                                requestSymbolList();
                                            },
                                            delay);
                                    return;
                                }
                                listFailures = 0;
                                listed = List.copyOf(offered);
                                if (state != FeedState.STOPPED && state != FeedState.FAILED) {
                                    newSymbolSeen();
                                }
                            },
                            loop);
        });
    }

    /** Publishes the status again when the candles' sync state changed since it was published. */
    private void publishSyncIfChanged() {
        boolean receiving = state == FeedState.WEBSOCKET || state == FeedState.LONG_POLLING;
        if (receiving && status.sync() != syncs.state()) {
            enter(state, status.transport(), status.detail(), 0);
        }
    }

    /**
     * Records outages: the feed goes down when it stops receiving after it had (a closed connection, a silent one)
     * and comes back when it receives again; the time between is marked on every symbol followed.
     */
    private void markOutage(FeedState was, FeedState next, String detail) {
        boolean wasUp = was == FeedState.WEBSOCKET || was == FeedState.LONG_POLLING;
        boolean up = next == FeedState.WEBSOCKET || next == FeedState.LONG_POLLING;
        long now = loop.currentTimeMillis();
        if (wasUp && !up && next != FeedState.STOPPED && outageFromMillis < 0) {
            long from = now;
            if (next == FeedState.STALE && active != null) {
                long last = Math.max(active.openedAtNanos, active.lastMessageNanos());
                from = now - Math.max(0, (loop.nanoTime() - last) / 1_000_000);
            }
            outageFromMillis = from;
            outageReason = next == FeedState.STALE
                    ? "stale: " + detail
                    : detail.isEmpty() ? next.name().toLowerCase(java.util.Locale.ROOT) : detail;
            marks.outageBegan(syncs.symbolsSeen(), from, "feed down (" + outageReason + ")");
        } else if (!wasUp && (up || next == FeedState.STOPPED) && outageFromMillis >= 0) {
            String reason = outageReason;
            String back = up ? "" : ", then stopped";
            marks.outageEnded(
                    now,
                    m -> new FeedMark(
                            m.kind(),
                            m.fromMillis(),
                            m.toMillis(),
                            false,
                            "no feed for " + seconds(m.toMillis() - m.fromMillis()) + " (" + reason + back + ")"));
            outageFromMillis = -1;
        }
    }

    private static String seconds(long millis) {
        return millis < 1_000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    // ---- WebSocket, fallback and probing -------------------------------------------------------------------

    private void webSocketClosed(Inbound in, String reason, boolean opened) {
        boolean died = !opened || !in.delivered;
        webSocketDeathsInARow = died ? webSocketDeathsInARow + 1 : 0;
        boolean canPoll = capabilities().longPolling
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
        enter(FeedState.CONNECTING, TransportKind.LONG_POLLING, why, 0);
        CompletableFuture<List<String>> known = !symbols.isEmpty()
                ? CompletableFuture.completedFuture(symbols)
                : syncs.history()
                        .symbols()
                        .map(source -> source.symbols())
                        .orElseGet(() -> CompletableFuture.failedFuture(
                                new IllegalStateException("the feed lists no symbols to poll")));
        known.whenCompleteAsync(
                (offered, error) -> {
                    if (state != FeedState.CONNECTING || active != null) {
                        return;
                    }
                    if (error != null) {
                        scheduleReconnect(
                                "no feed at " + options.endpoint().redacted() + ": " + FeedClient.rootMessage(error));
                        return;
                    }
                    if (noneWanted(offered)) {
                        return;
                    }
                    symbols = wanted(offered);
                    listeners.symbols(symbols);
                    syncs.backfill(symbols);
                    active = open(longPolls, options.endpoint().http().orElseThrow(), symbols);
                    active.transport.start();
                    if (options.transports() == FeedOptions.TransportChoice.AUTO) {
                        scheduleProbe();
                    }
                },
                loop);
    }

    private void scheduleProbe() {
        if (probe != null || active == null || !active.fallback || state == FeedState.STOPPED) {
            return;
        }
        cancel(probeRetry);
        long delay = Math.max(1_000, probeBackoff.nextDelayMillis());
        probeRetry = loop.schedule(
                () -> {
                    if (probe == null && active != null && active.fallback && state != FeedState.STOPPED) {
                        probe = open(webSockets, options.endpoint().webSocket(), List.of());
                        probe.transport.start();
                    }
                },
                delay);
    }

    /** The WebSocket probe greeted: it becomes the transport; polling stops. Ticks seen twice are deduplicated. */
    private void promoteProbe() {
        Inbound polling = active;
        active = probe;
        probe = null;
        probeBackoff.reset();
        webSocketDeathsInARow = 0;
        metrics.reconnected();
        drop(polling);
        LOG.info("upgraded back to WebSocket");
    }

    private void scheduleReconnect(String reason) {
        if (state == FeedState.STOPPED || state == FeedState.FAILED) {
            return;
        }
        if (everConnected) {
            metrics.reconnected();
        }
        long delay = reconnectBackoff.nextDelayMillis();
        enter(FeedState.RECONNECTING, null, reason, delay);
        cancel(retry);
        retry = loop.schedule(this::connect, delay);
    }

    // ---- subscription, acknowledgement, pings, lifetime ---------------------------------------------------

    /** Sends the format's subscription; false when it cannot be made (the client failed, with the reason). */
    private boolean subscribe(Inbound in, List<String> wanted) {
        FeedFormat known = format;
        List<String> messages;
        try {
            messages = known.subscribeMessages(new Subscription(wanted, syncs::resumeFrom), options.formatSettings());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return false;
        }
        if (!known.greetsFirst() && (!messages.isEmpty() || !wanted.isEmpty())) {
            // The symbols are subscribed by name, or named by the user for a stream whose URL subscribes them
            // (Binance): their history loads now, not at their first trade, which a quiet symbol may not send
            // for a while.
            syncs.backfill(wanted);
        }
        messages.forEach(in.transport::send);
        Optional<Duration> deadline = known.acknowledgementDeadline();
        if (deadline.isPresent() && !messages.isEmpty() && in == active) {
            cancel(ackDeadline);
            ackDeadline = loop.schedule(
                    () -> ackMissed(in, deadline.get()), deadline.get().toMillis());
        }
        known.applicationPing().ifPresent(ping -> schedulePing(in, ping));
        return true;
    }

    private void ackMissed(Inbound in, Duration deadline) {
        if (in != active) {
            return;
        }
        LOG.info("no subscription acknowledgement within {} ms: reconnecting", deadline.toMillis());
        drop(in);
        closed(in, "no subscription acknowledgement within " + deadline.toSeconds() + " s", true);
    }

    private void schedulePing(Inbound in, ApplicationPing ping) {
        if (in != active) {
            return;
        }
        cancel(pinger);
        pinger = loop.schedule(
                () -> {
                    if (in == active) {
                        in.transport.send(ping.text());
                        schedulePing(in, ping);
                    }
                },
                ping.period().toMillis());
    }

    /** Plans the successor of the active connection before the format's lifetime runs out. */
    private void scheduleLifetime() {
        FeedFormat known = format;
        Optional<Duration> max = known == null ? Optional.empty() : known.maxConnectionLifetime();
        if (max.isEmpty() || active == null || active.fallback) {
            return;
        }
        long millis = max.get().toMillis();
        long margin = Math.min(5 * 60_000, millis / 10);
        cancel(lifetime);
        lifetime = loop.schedule(this::openSuccessor, millis - margin);
    }

    private void openSuccessor() {
        if (active == null || successor != null || state == FeedState.STOPPED) {
            return;
        }
        LOG.info("the connection nears its lifetime: opening its successor");
        successor = open(streamTransports(), streamUri(), List.of());
        successor.transport.start();
    }

    /** The successor is connected and delivering (or its predecessor is gone): it becomes the connection. */
    private void takeOverSuccessor() {
        Inbound old = active;
        active = successor;
        successor = null;
        cancel(ackDeadline, pinger);
        drop(old);
        FeedFormat known = format;
        if (known != null) {
            known.applicationPing().ifPresent(ping -> schedulePing(active, ping));
        }
        scheduleLifetime();
        LOG.info("the successor connection took over");
        enterReceiving(active, known == null ? "" : capabilitiesText(known));
    }

    // ---- watchdog -----------------------------------------------------------------------------------------

    private void scheduleWatchdog() {
        watchdog = loop.schedule(
                () -> {
                    if (state != FeedState.STOPPED) {
                        checkHealth();
                        scheduleWatchdog();
                    }
                },
                WATCHDOG_PERIOD_MILLIS);
    }

    /** Every 250 ms: rates, gaps, a successor ready to take over, and the silence of the connection. */
    private void checkHealth() {
        long now = loop.nanoTime();
        metrics.sampleRate(now);
        syncs.checkGaps(now);
        if (successor != null && successor.delivered && active != null) {
            takeOverSuccessor();
        }
        Inbound current = active;
        if (current == null || current.openedAtNanos == 0 || state == FeedState.FAILED) {
            return;
        }
        long last = Math.max(current.openedAtNanos, current.lastMessageNanos());
        long silentMillis = (now - last) / 1_000_000;
        boolean webSocket = current.transport.kind() == TransportKind.WEBSOCKET;
        long staleAfter = webSocket
                ? options.staleAfter().toMillis()
                : Math.max(options.staleAfter().toMillis(), POLL_STALE_MILLIS);
        long deadAfter = webSocket
                ? options.deadAfter().toMillis()
                : Math.max(options.deadAfter().toMillis(), POLL_DEAD_MILLIS);
        FeedState receiving = webSocket ? FeedState.WEBSOCKET : FeedState.LONG_POLLING;
        if (isReceiving(state) && state != receiving) {
            // A stream of the format's own that began on long polling and upgraded (socket.io): the state follows.
            enterReceiving(current, status.detail());
        }
        if (silentMillis >= deadAfter) {
            LOG.info("no message for {} ms: reconnecting", silentMillis);
            drop(current);
            closed(current, "silent for " + silentMillis / 1000 + " s", true);
        } else if (silentMillis >= staleAfter && state != FeedState.STALE && state == receiving) {
            enter(FeedState.STALE, current.transport.kind(), "no message for " + silentMillis / 1000 + " s", 0);
        } else if (silentMillis < staleAfter && state == FeedState.STALE) {
            enter(receiving, current.transport.kind(), detailWhileReceiving(), 0);
        } else {
            publishSyncIfChanged();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The connection {@code in} delivers: the state of its channel now (a stream may begin on long polling). */
    private void enterReceiving(Inbound in, String detail) {
        TransportKind kind = in.transport.kind();
        metrics.transport(kind);
        enter(kind == TransportKind.WEBSOCKET ? FeedState.WEBSOCKET : FeedState.LONG_POLLING, kind, detail, 0);
    }

    private static boolean isReceiving(FeedState s) {
        return s == FeedState.WEBSOCKET || s == FeedState.LONG_POLLING;
    }

    private void useFormat(FeedFormat known) {
        format = known;
        syncs.useFormat(known);
    }

    /** What the format offers, as it matters here; before the format is known, what the URL promises. */
    private Capabilities capabilities() {
        FeedFormat known = format;
        if (known != null) {
            return new Capabilities(known.longPolling());
        }
        return new Capabilities(options.endpoint().http().isPresent());
    }

    private record Capabilities(boolean longPolling) {}

    /** Says what a stream lacks, such as "binance stream: no fallback, no history"; empty for a full feed. */
    private String capabilitiesText(FeedFormat known) {
        boolean history = syncs.history().candles().isPresent();
        if (known.longPolling() && history) {
            return "";
        }
        String lacks =
                !known.longPolling() && !history ? "no fallback, no history" : !history ? "no history" : "no fallback";
        return known.name() + " stream: " + lacks;
    }

    private String detailWhileReceiving() {
        FeedFormat known = format;
        return known == null || known.greetsFirst() ? "" : capabilitiesText(known);
    }

    /** A new transport, not started: the caller makes it current first, so none of its events is dropped. */
    private Inbound open(TransportFactory factory, URI uri, List<String> pollSymbols) {
        Inbound inbound = new Inbound(this, syncs, metrics, rejections, listeners, factory == longPolls);
        TransportRequest request = new TransportRequest(
                uri,
                pollSymbols,
                syncs::resumeFrom,
                options.connectTimeout(),
                options.sslContext(),
                FeedOptions.MAX_MESSAGE_BYTES,
                pacing);
        inbound.transport = factory.create(request, inbound);
        inbound.current = true;
        return inbound;
    }

    /** The format's own transport, else WebSocket. */
    private TransportFactory streamTransports() {
        FeedFormat known = format;
        return known == null
                ? webSockets
                : known.transport(options.formatSettings()).orElse(webSockets);
    }

    /** A format's own transport gets the URL as the user gave it; a WebSocket the derived one. */
    private URI streamUri() {
        FeedFormat known = format;
        boolean own = known != null && known.transport(options.formatSettings()).isPresent();
        return own ? options.endpoint().given() : options.endpoint().webSocket();
    }

    /**
     * Whether the user asked for symbols the feed does not offer at all: then there is nothing to wait for, and
     * the client fails with a reason instead of retrying.
     */
    private boolean noneWanted(List<String> offered) {
        if (options.symbols().isEmpty() || !wanted(offered).isEmpty()) {
            return false;
        }
        String list = String.join(", ", offered.subList(0, Math.min(12, offered.size())));
        fail("the feed does not offer " + String.join(", ", options.symbols()) + " (it offers " + list
                + (offered.size() > 12 ? ", …" : "") + ")");
        return true;
    }

    private List<String> wanted(List<String> offered) {
        if (options.symbols().isEmpty()) {
            return List.copyOf(offered);
        }
        return options.symbols().stream().filter(offered::contains).toList();
    }

    private void fail(String reason) {
        drop(active);
        drop(probe);
        drop(successor);
        active = probe = successor = null;
        cancel(retry, probeRetry, ackDeadline, pinger, lifetime);
        enter(FeedState.FAILED, null, reason, 0);
    }

    private void publish(FeedStatus next) {
        status = next;
        listeners.status(next);
    }

    private static void drop(Inbound inbound) {
        if (inbound != null) {
            inbound.current = false;
            if (inbound.transport != null) {
                inbound.transport.close();
            }
        }
    }

    private static void cancel(ControlLoop.Scheduled... tasks) {
        for (ControlLoop.Scheduled t : tasks) {
            if (t != null) {
                t.cancel();
            }
        }
    }
}
