package com.klinelive.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code klinelive sim}: runs the feed simulator until Ctrl-C. The first line on standard output is
 * {@code listening http://HOST:PORT}; then a status line every few seconds.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the feed simulator: live ticks of a few symbols over WebSocket (/ws) and long polling (/poll),",
            "candle history (/history), the symbol list (/symbols) and a status page (/), all on one port.",
            "Prints 'listening http://HOST:PORT' first, then a status line every few seconds. Ctrl-C stops it."
        })
public final class SimCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to bind (default: ${DEFAULT-VALUE}); 0.0.0.0 for every interface.")
    private String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}); 0 takes any free port.")
    private int port;

    @Option(
            names = "--symbols",
            split = ",",
            defaultValue = "BTCUSDT,ETHUSDT,SOLUSDT",
            paramLabel = "SYMBOL",
            description = "Comma-separated symbols (default: ${DEFAULT-VALUE}).")
    private List<String> symbols;

    @Option(
            names = "--rate",
            defaultValue = "20",
            paramLabel = "TICKS_PER_SECOND",
            description = "Live ticks per second per symbol, 0 to 1000000 (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the price paths; the same seed gives the same prices (default: random).")
    private Long seed;

    @Option(
            names = "--history",
            defaultValue = "1d",
            converter = DurationParser.class,
            paramLabel = "DURATION",
            description = "How far back the pre-filled candles reach, e.g. 0, 6h, 1d, 30d (default: ${DEFAULT-VALUE}).")
    private Duration history;

    @Option(
            names = "--allow-origin",
            paramLabel = "ORIGIN",
            description = "Also accept WebSocket handshakes from this Origin (repeatable; * for any). Loopback "
                    + "pages and clients sending no Origin are always accepted.")
    private List<String> allowOrigins = new ArrayList<>();

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "PKCS#12 or JKS keystore: serve https and wss instead of http and ws.")
    private Path tlsKeystore;

    @Option(
            names = "--tls-password",
            arity = "0..1",
            interactive = true,
            paramLabel = "PASSWORD",
            defaultValue = "${env:KLINELIVE_TLS_PASSWORD}",
            description = "Keystore password; without a value it is asked for (default: $KLINELIVE_TLS_PASSWORD).")
    private String tlsPassword;

    @Option(names = "--no-websocket", description = "Refuse every WebSocket upgrade, so clients must long-poll.")
    private boolean noWebSocket;

    @Option(
            names = "--chaos-drop-ws",
            paramLabel = "SECONDS",
            description = "Close every WebSocket connection every SECONDS seconds.")
    private double chaosDropWs;

    @Option(
            names = "--chaos-latency",
            paramLabel = "MS",
            description = "Delay every HTTP answer and WebSocket message by MS milliseconds.")
    private long chaosLatencyMs;

    @Option(
            names = "--max-websockets",
            defaultValue = "2048",
            paramLabel = "N",
            description = "WebSocket clients at once (default: ${DEFAULT-VALUE}).")
    private int maxWebSockets;

    @Option(
            names = "--max-polls",
            defaultValue = "1024",
            paramLabel = "N",
            description = "Long polls held at once (default: ${DEFAULT-VALUE}).")
    private int maxPolls;

    @Option(
            names = "--status-every",
            defaultValue = "5s",
            converter = DurationParser.class,
            paramLabel = "DURATION",
            description = "Interval of the status line (default: ${DEFAULT-VALUE}).")
    private Duration statusEvery;

    @Override
    public Integer call() throws InterruptedException {
        quietJetty();
        SimOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        SimServer server;
        try {
            server = SimServer.start(options);
        } catch (IOException e) {
            spec.commandLine().getErr().println("klinelive sim: " + e.getMessage());
            return 1;
        }
        out.println("listening " + server.uri());
        out.println("epoch " + server.epoch() + ", seed " + options.seed() + ", " + String.join(",", options.symbols())
                + " at " + format(options.rate()) + " ticks/s each, history " + format(options.history())
                + (options.webSocket() ? "" : ", WebSocket disabled"));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    server.close();
                    stopped.countDown();
                },
                "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        StatusLine status = new StatusLine(server);
        long everyMillis = Math.max(100, statusEvery.toMillis());
        while (!stopped.await(everyMillis, TimeUnit.MILLISECONDS)) {
            out.println(status.next());
            out.flush();
        }
        return 0;
    }

    private SimOptions options() {
        try {
            if (tlsKeystore != null && !Files.isReadable(tlsKeystore)) {
                throw new IllegalArgumentException("cannot read keystore " + tlsKeystore);
            }
            if (tlsKeystore != null && tlsPassword == null) {
                throw new IllegalArgumentException("--tls-keystore needs --tls-password (or KLINELIVE_TLS_PASSWORD)");
            }
            if (chaosDropWs < 0 || chaosLatencyMs < 0) {
                throw new IllegalArgumentException("chaos options must not be negative");
            }
            long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
            SimLimits limits =
                    SimLimits.defaults().withMaxWebSockets(maxWebSockets).withMaxPolls(maxPolls);
            return new SimOptions(
                    host,
                    port,
                    symbols,
                    rate,
                    chosenSeed,
                    history,
                    allowOrigins,
                    tlsKeystore,
                    tlsKeystore == null ? null : tlsPassword,
                    !noWebSocket,
                    Duration.ofMillis(Math.round(chaosDropWs * 1000)),
                    Duration.ofMillis(chaosLatencyMs),
                    limits);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    // Jetty reports its start and stop at INFO on standard error; the simulator's own lines say enough.
    private static void quietJetty() {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        }
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "none";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    /** Builds the periodic status line from the difference between two snapshots. */
    static final class StatusLine {

        private final SimServer server;
        private long lastTicks;
        private long lastNanos = System.nanoTime();

        StatusLine(SimServer server) {
            this.server = server;
            this.lastTicks = server.stats().ticksPublished();
        }

        String next() {
            SimStats stats = server.stats();
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
            long rate = Math.round((stats.ticksPublished() - lastTicks) / seconds);
            lastTicks = stats.ticksPublished();
            lastNanos = now;
            return "clients ws=" + stats.webSockets() + " poll=" + stats.pollsHeld() + " | " + rate + " ticks/s"
                    + " | total " + stats.ticksPublished() + " ticks | cut " + stats.slowClientsCut()
                    + " refused " + stats.upgradesRefused() + " rejected " + stats.messagesRejected();
        }
    }
}
