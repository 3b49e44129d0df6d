package com.klinelive.app;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedListener;
import com.klinelive.feed.FeedMetrics;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.FeedOptions.TransportChoice;
import com.klinelive.feed.FeedState;
import com.klinelive.feed.FeedStatus;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.recording.TickFileWriter;
import com.klinelive.sim.DurationParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code klinelive record}: runs the feed client and candle engine headless for a while, then writes the candles
 * of one symbol and interval as CSV, and/or every trade counted as a tick recording ({@code --ticks}) for
 * {@code replay}. The last line on stdout is a summary a script can parse.
 */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = "Record a feed headless: its candles as CSV (--out), its trades as a tick recording (--ticks).")
public final class RecordCommand implements Callable<Integer> {

    /** Ways the recording can end badly, as exit codes. */
    static final int EXIT_BAD_ARGUMENT = 2;

    static final int EXIT_UNREACHABLE = 3;
    static final int EXIT_WRITE_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            description = "Feed URL: http(s)://host:port for our protocol, "
                    + "or ws(s)://... for a WebSocket stream (ours or an exchange's); see --format.")
    String url;

    @Option(names = "--symbol", description = "Symbol (Coinbase: product id) to record; default: the first seen.")
    String symbol;

    @Option(
            names = "--interval",
            defaultValue = "1m",
            description = "Candle interval: 1s 5s 15s 1m 5m 15m 30m " + "1h 4h 1d (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
            names = "--duration",
            defaultValue = "30s",
            converter = DurationParser.class,
            description = "How long to record, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--transport",
            defaultValue = "auto",
            description = "auto, websocket or longpoll (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(
            names = "--history",
            defaultValue = "1000",
            description = "Candles of history to backfill first, where the feed has history (default: "
                    + "${DEFAULT-VALUE}).")
    int historyLimit;

    @Option(names = "--out", description = "CSV file of the candles to write.")
    Path out;

    @Option(
            names = "--ticks",
            paramLabel = "FILE",
            description = "Tick recording to write every trade counted to, for replay; appended to if it exists. "
                    + "Written a frame a second, so a crash loses at most the last second.")
    Path ticks;

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Mixin
    FeedArgs feed = new FeedArgs();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        FeedOptions options;
        Timeframe timeframe;
        try {
            timeframe = Timeframe.fromLabel(interval)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown interval '" + interval + "' (use 1s 5s 15s 1m 5m 15m 30m 1h 4h 1d)"));
            options = options(timeframe);
            if (out == null && ticks == null) {
                throw new IllegalArgumentException("nothing to write: give --out FILE.csv, --ticks FILE, or both");
            }
        } catch (IllegalArgumentException e) {
            err.println("record: " + e.getMessage());
            return EXIT_BAD_ARGUMENT;
        }
        CandleAggregator aggregator = new CandleAggregator(
                EnumSet.of(timeframe), CandleAggregator.DEFAULT_CAPACITY, CandleAggregator.DEFAULT_MAX_SYMBOLS);
        Set<TransportKind> used = ConcurrentHashMap.newKeySet();
        AtomicReference<String> firstSymbol = new AtomicReference<>(symbol);
        AtomicReference<String> lastProblem = new AtomicReference<>("");
        TickFileWriter recorder = null;
        if (ticks != null) {
            try {
                recorder = TickFileWriter.open(ticks);
            } catch (IOException e) {
                err.println("record: cannot record ticks to " + ticks + ": " + e.getMessage());
                return EXIT_WRITE_FAILED;
            }
            aggregator.tradeListener(recorder);
        }
        FeedClient client = Feeds.client(options, aggregator);
        client.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                if (status.state() == FeedState.WEBSOCKET || status.state() == FeedState.LONG_POLLING) {
                    used.add(status.transport());
                } else if (!status.detail().isEmpty()) {
                    lastProblem.set(status.detail());
                }
            }

            @Override
            public void onSymbols(List<String> symbols) {
                if (!symbols.isEmpty()) {
                    firstSymbol.compareAndSet(null, symbols.get(0));
                }
            }
        });
        client.start();
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FeedMetrics.Snapshot metrics = client.metrics();
        boolean reached = client.everConnected();
        FeedStatus last = client.status();
        client.close();
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                err.println("record: " + e.getMessage());
                return EXIT_WRITE_FAILED;
            }
        }
        if (last.state() == FeedState.FAILED) {
            err.println("record: " + last.detail());
            return EXIT_UNREACHABLE;
        }
        if (!reached) {
            err.println("record: could not reach a feed at "
                    + options.endpoint().redacted() + (lastProblem.get().isEmpty() ? "" : ": " + lastProblem.get()));
            return EXIT_UNREACHABLE;
        }
        String recorded = firstSymbol.get();
        CandleBook book = recorded == null ? null : aggregator.book(recorded);
        List<Candle> candles = book == null ? List.of() : book.candles(timeframe, Integer.MAX_VALUE);
        if (out != null) {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                CandleCsv.write(candles, w);
            } catch (IOException e) {
                err.println("record: cannot write " + out + ": " + e.getMessage());
                return EXIT_WRITE_FAILED;
            }
        }
        if (recorder != null) {
            stdout.println("ticks recorded=" + recorder.recorded() + " lost=" + recorder.lost() + " file=" + ticks);
        }
        stdout.println(summary(used, metrics, candles.size()));
        stdout.flush();
        return 0;
    }

    private FeedOptions options(Timeframe timeframe) {
        FeedOptions options = FeedOptions.defaults(url)
                .withHistory(EnumSet.of(timeframe), Math.max(1, historyLimit))
                .withTransports(
                        switch (transport.toLowerCase(Locale.ROOT)) {
                            case "auto" -> TransportChoice.AUTO;
                            case "websocket" -> TransportChoice.WEBSOCKET;
                            case "longpoll" -> TransportChoice.LONG_POLLING;
                            default ->
                                throw new IllegalArgumentException(
                                        "unknown transport '" + transport + "' (use auto, websocket or longpoll)");
                        });
        options = feed.applyTo(options);
        if (symbol != null) {
            options = options.withSymbols(List.of(symbol));
        }
        if (tls.sslContext() != null) {
            options = options.withSslContext(tls.sslContext());
        }
        return options;
    }

    static String summary(Set<TransportKind> used, FeedMetrics.Snapshot m, int candles) {
        String transport =
                used.size() > 1 ? "mixed" : used.contains(TransportKind.LONG_POLLING) ? "longpoll" : "websocket";
        return "summary transport=" + transport + " ticks=" + m.ticks() + " duplicates=" + m.duplicates()
                + " rejected=" + m.rejected() + " gaps=" + m.gaps() + " repairs=" + m.gapsRepaired() + " reconnects="
                + m.reconnects()
                + " candles=" + candles;
    }
}
