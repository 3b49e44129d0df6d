package com.klinelive.sim;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed simulator: realistic ticks for a few symbols, served on one port as a WebSocket stream ({@code /ws}),
 * long polling ({@code /poll}), candle history ({@code /history}), the symbol list ({@code /symbols}) and a status
 * page ({@code /}), as specified in docs/PROTOCOL.md.
 *
 * <pre>{@code
 * try (SimServer sim = SimServer.start(SimOptions.defaults().withPort(0))) {
 *     URI base = sim.uri();                       // http://127.0.0.1:41234
 *     HistorySnapshot h = sim.history("BTCUSDT", Timeframe.M1, 100);
 * }
 * }</pre>
 *
 * <p>Threads: one generates the ticks of every symbol; Jetty's small pool serves requests; one timer holds the
 * long polls' deadlines, heartbeats and chaos. No thread waits per client.
 */
public final class SimServer implements AutoCloseable {

    /** The {@code server} field of {@code hello}. */
    public static final String SERVER_NAME = "klinelive-sim/" + version();

    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    private static final int MAX_THREADS = 64;
    private static final int CANDLES_PER_TIMEFRAME = CandleAggregator.DEFAULT_CAPACITY;

    private final SimOptions options;
    private final TickSource source;
    private final String epoch = newEpoch();
    private final SimCounters counters = new SimCounters();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ClientRegistry registry;
    private SymbolChannels channels;
    private TickGenerator generator;
    private Server jetty;
    private ServerConnector connector;
    private volatile boolean closed;

    private SimServer(SimOptions options, TickSource source) {
        this.options = options;
        this.source = source;
        this.registry = new ClientRegistry(options.limits());
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sim-timer");
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Pre-fills the history, binds the port and starts streaming.
     *
     * @throws IOException if the port cannot be bound or the TLS keystore cannot be read
     */
    public static SimServer start(SimOptions options) throws IOException {
        return start(options, null);
    }

    /**
     * Like {@link #start(SimOptions)}, but the live ticks come from {@code source} (a recording played back)
     * instead of the price model; the options' rate then only sizes the replay buffer.
     *
     * @param source where the ticks come from; null for the price model
     */
    public static SimServer start(SimOptions options, TickSource source) throws IOException {
        SimServer server = new SimServer(options, source);
        try {
            server.startAll();
        } catch (Exception e) {
            server.close();
            throw new IOException(
                    "cannot start the simulator on " + options.host() + ":" + options.port() + ": " + e.getMessage(),
                    e);
        }
        return server;
    }

    /** The base URI, such as {@code http://127.0.0.1:8080} ({@code https} with TLS). */
    public URI uri() {
        return URI.create((options.tls() ? "https" : "http") + "://" + hostForUri() + ":" + port());
    }

    /** The WebSocket endpoint, such as {@code ws://127.0.0.1:8080/ws} ({@code wss} with TLS). */
    public URI webSocketUri() {
        return URI.create((options.tls() ? "wss" : "ws") + "://" + hostForUri() + ":" + port() + "/ws");
    }

    /** The port bound, also when started with port 0; only while running. */
    public int port() {
        return connector.getLocalPort();
    }

    /** This run's epoch: sequence numbers restart when it changes. */
    public String epoch() {
        return epoch;
    }

    public SimOptions options() {
        return options;
    }

    public List<String> symbols() {
        return channels.symbols();
    }

    /** The last sequence published for {@code symbol} (0 before any tick). */
    public long lastSeq(String symbol) {
        return channel(symbol).lastSeq();
    }

    /**
     * The newest {@code limit} candles of {@code symbol}, exactly as {@code /history} answers them.
     *
     * @throws IllegalArgumentException for an unknown symbol or a limit below 1
     */
    public HistorySnapshot history(String symbol, Timeframe timeframe, int limit) {
        return history(symbol, timeframe, limit, Long.MAX_VALUE);
    }

    /**
     * The newest {@code limit} candles of {@code symbol} that start before {@code endExclusive} (epoch ms UTC),
     * exactly as {@code /history?end=...} answers them: a page of older candles.
     *
     * @throws IllegalArgumentException for an unknown symbol or a limit below 1
     */
    public HistorySnapshot history(String symbol, Timeframe timeframe, int limit, long endExclusive) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        return channel(symbol).history(timeframe, limit, endExclusive);
    }

    public SimStats stats() {
        return new SimStats(
                registry.size(),
                counters.pollsHeld.get(),
                counters.ticksPublished.sum(),
                counters.webSocketsOpened.sum(),
                counters.upgradesRefused.sum(),
                counters.slowClientsCut.sum(),
                counters.messagesRejected.sum(),
                counters.pollsAnswered.sum(),
                counters.pollsRefused.sum(),
                counters.badRequests.sum());
    }

    /**
     * Stops the flow of live ticks (a feed stall) until {@link #resumeTicks()}; heartbeats, history and polls go
     * on. No effect when the rate is 0.
     */
    public void pauseTicks() {
        if (generator != null) {
            generator.paused(true);
        }
    }

    /** Restarts the flow of live ticks after {@link #pauseTicks()}. */
    public void resumeTicks() {
        if (generator != null) {
            generator.paused(false);
        }
    }

    /** Closes every WebSocket connection now (1001), as {@code --chaos-drop-ws} does periodically. */
    public void dropWebSockets() {
        registry.closeAll(StatusCode.SHUTDOWN, "dropped by the simulator");
    }

    /**
     * Stops this server and starts a new one with the same options on the same port: a new epoch, sequence
     * numbers from 1 again, a new history.
     */
    public SimServer restart() throws IOException {
        int port = port();
        close();
        return start(options.withPort(port));
    }

    /** Answers the held polls, closes the WebSockets (1001), stops generating and frees the port. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (generator != null) {
            generator.stop();
        }
        if (source != null && channels != null) {
            source.stop();
        }
        if (channels != null) {
            for (SymbolChannel channel : channels.all()) {
                String empty = channel.emptyAnswer();
                channel.drainWaiters().forEach(waiter -> waiter.answer(empty));
            }
        }
        registry.closeAll(StatusCode.SHUTDOWN, "simulator stopping");
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                // Stopping is best effort: the port is released when the connector closes either way.
                LOG.warn("stopping Jetty", e);
            }
        }
        scheduler.shutdownNow();
    }

    private void startAll() throws Exception {
        long now = System.currentTimeMillis();
        List<String> symbols = options.symbols();
        List<SymbolChannel> list = new ArrayList<>();
        PriceModel[] models = new PriceModel[symbols.size()];
        long[] lastTimes = new long[symbols.size()];
        int replay = options.limits().replayCapacityFor(options.rate());
        CandleBook[] books = new CandleBook[symbols.size()];
        long[] lastSeqs = new long[symbols.size()];
        // Each symbol's past is independent of the others': fill them side by side, it is most of the start-up.
        java.util.stream.IntStream.range(0, symbols.size()).parallel().forEach(i -> {
            String symbol = symbols.get(i);
            Instrument instrument = Instrument.of(symbol);
            long seed = symbolSeed(options.seed(), symbol);
            models[i] = new PriceModel(instrument, seed);
            books[i] = new CandleBook(symbol, EnumSet.allOf(Timeframe.class), CANDLES_PER_TIMEFRAME);
            lastSeqs[i] = HistoryFiller.fill(
                    books[i],
                    models[i],
                    instrument,
                    options.history(),
                    now,
                    options.rate(),
                    new SplittableRandom(seed + 1));
        });
        for (int i = 0; i < symbols.size(); i++) {
            lastTimes[i] = now;
            list.add(new SymbolChannel(
                    i,
                    symbols.get(i),
                    epoch,
                    new ReplayBuffer(replay, lastSeqs[i]),
                    books[i],
                    options.limits().maxBatch()));
        }
        channels = new SymbolChannels(list);
        jetty = newJetty();
        jetty.start();
        long sweep = Math.max(
                10,
                Math.min(
                        1_000,
                        Math.min(
                                        options.limits().heartbeat().toMillis(),
                                        options.limits().pingInterval().toMillis())
                                / 2));
        scheduler.scheduleAtFixedRate(registry::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        Duration drop = options.chaosDropWs();
        if (!drop.isZero()) {
            String reason = "chaos: every WebSocket is closed every " + drop.toMillis() / 1000.0 + " s";
            scheduler.scheduleAtFixedRate(
                    () -> registry.closeAll(StatusCode.SHUTDOWN, reason),
                    drop.toMillis(),
                    drop.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (source != null) {
            source.start(new SimPublisher(channels, counters));
        } else if (options.rate() > 0) {
            generator = new TickGenerator(channels, models, lastTimes, options.rate(), options.seed(), counters);
            generator.start();
        }
    }

    private Server newJetty() {
        SimLimits limits = options.limits();
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("sim-http");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (options.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(options.tlsKeystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(options.tlsPassword());
            // A simulator's self-signed certificate rarely names the host it is reached by: no SNI host check.
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(
                    server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(options.host());
        connector.setPort(options.port());
        // Jetty's default, stated: a lone tick must not wait for an ACK (Nagle). The client sets it on its side.
        connector.setAcceptedTcpNoDelay(true);
        // A held poll is silent for up to pollHold: the connection must outlive it.
        connector.setIdleTimeout(
                Math.max(limits.idleTimeout().toMillis(), limits.pollHold().toMillis() + 10_000));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        long latency = options.chaosLatency().toNanos();
        LongPollHandler poll = new LongPollHandler(channels, epoch, counters, scheduler, limits);
        Handler routes =
                new Routes(channels, epoch, counters, options.webSocket(), poll, new HistoryHandler(channels, epoch));
        Handler http1 = latency > 0 ? new LatencyHandler(routes, scheduler, latency) : routes;

        WsContext context =
                new WsContext(channels, registry, counters, scheduler, epoch, latency, limits.clientQueueBytes());
        WebSocketAdmission admission = new WebSocketAdmission(
                context, new OriginPolicy(options.allowedOrigins()), options.webSocket(), limits.maxWebSockets());
        WebSocketUpgradeHandler webSocket = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(SimLimits.MAX_INBOUND_MESSAGE);
            container.setMaxBinaryMessageSize(SimLimits.MAX_INBOUND_MESSAGE);
            container.setMaxFrameSize(SimLimits.MAX_INBOUND_MESSAGE);
            container.setIdleTimeout(limits.idleTimeout());
            container.addMapping("/ws", admission);
        });
        webSocket.setHandler(http1);
        server.setHandler(webSocket);
        server.setErrorHandler((request, response, callback) -> {
            Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            int status = response.getStatus();
            // Jetty's own errors (malformed requests, failures) also answer in JSON; internals stay out of them.
            boolean detail = message != null && status < HttpStatus.INTERNAL_SERVER_ERROR_500;
            String text = detail ? message.toString() : HttpStatus.getMessage(status);
            JsonResponses.error(response, callback, status, text);
            return true;
        });
        // Held polls are answered before stopping; waiting for idle keep-alive connections would only delay.
        server.setStopTimeout(0);
        return server;
    }

    private SymbolChannel channel(String symbol) {
        SymbolChannel channel = channels.find(symbol);
        if (channel == null) {
            throw new IllegalArgumentException("unknown symbol: " + symbol);
        }
        return channel;
    }

    private String hostForUri() {
        String host = options.host();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    // Same seed and symbol, same path; different symbols get unrelated paths.
    private static long symbolSeed(long seed, String symbol) {
        long h = seed;
        for (int i = 0; i < symbol.length(); i++) {
            h = (h ^ symbol.charAt(i)) * 0x100000001B3L;
        }
        return new SplittableRandom(h).nextLong();
    }

    // Start time in base 36 plus random letters: distinct across restarts, even within one millisecond.
    private static String newEpoch() {
        String random = Long.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);
        return Long.toString(System.currentTimeMillis(), 36) + "0000".substring(random.length()) + random;
    }

    private static String version() {
        String v = SimServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
