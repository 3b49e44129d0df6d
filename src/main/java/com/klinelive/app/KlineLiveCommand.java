package com.klinelive.app;

import com.klinelive.model.Timeframe;
import com.klinelive.sim.DurationParser;
import com.klinelive.sim.SimCommand;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level command line: with no subcommand it opens the viewer (on the embedded simulator unless
 * {@code --url} names a feed). Subcommands are registered here as they are built, so {@code --help} lists only
 * what exists.
 */
@Command(
        name = "klinelive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "KLine Live: a live candlestick chart that knows its feed.",
        subcommands = {SimCommand.class, RecordCommand.class, ReplayCommand.class})
public final class KlineLiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            description = "Feed to chart: http(s)://host:port (our protocol) or ws(s)://... "
                    + "(ours or an exchange's; see --format). Default: the embedded simulator.")
    String url;

    @Option(
            names = "--symbol",
            description = "Symbol to show first; with --layout, one per chart, comma-separated (A,B,C,D).")
    String symbol;

    @Option(
            names = "--layout",
            paramLabel = "1|2|2v|4",
            description = "Charts in the window: 1, 2 side by side, 2v stacked, or 4. Remembered.")
    String layout;

    @Option(names = "--interval", description = "Timeframe to show first: 1s 5s 15s 1m 5m 15m 30m 1h 4h 1d.")
    String interval;

    @Option(
            names = "--snapshot",
            paramLabel = "FILE.png",
            description = "Write a PNG of the window when --exit-after ends.")
    Path snapshot;

    @Option(
            names = "--exit-after",
            paramLabel = "DURATION",
            converter = DurationParser.class,
            description = "Quit after this long, e.g. 10s.")
    Duration exitAfter;

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Mixin
    FeedArgs feed = new FeedArgs();

    @Option(
            names = "--panes",
            paramLabel = "LIST",
            description = "Indicator panes under the prices, e.g. rsi,macd or volume,rsi:21 "
                    + "(volume, rsi, macd, stochastic, atr, obv; parameters after colons). Remembered.")
    String panes;

    @Option(
            names = "--overlays",
            paramLabel = "LIST",
            description = "Indicators over the prices, e.g. sma:20,sma:50,ema:50 "
                    + "(sma, ema, bollinger, vwap; parameters after colons). Remembered.")
    String overlays;

    @Option(
            names = "--chart-type",
            paramLabel = "TYPE",
            description = "candles, hollow, ohlc, line, area or heikin-ashi. Remembered.")
    String chartType;

    @Option(names = "--scale", paramLabel = "SCALE", description = "Price scale: linear, log or percent. Remembered.")
    String scale;

    @Option(
            names = "--stats",
            description =
                    "Print frame rate, frame time, tick-to-pixel latency and tick rate " + "once a second and at exit.")
    boolean stats;

    @Option(
            names = "--no-cache",
            description = "Do not keep the candles of the feeds viewed in the candle cache (in the platform's cache "
                    + "folder, at most 2 GB).")
    boolean noCache;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Time zone of the chart's times: UTC, local, an offset (+08:00) or a zone id "
                    + "(America/New_York); remembered. Candles stay in the feed's UTC buckets.")
    String zone;

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            description = "Language of the window and the chart: en or zh (Simplified Chinese); remembered.")
    String lang;

    @Option(names = "--start-minimised", hidden = true, description = "Start with the window minimised (benchmarks).")
    boolean startMinimised;

    @Override
    public void run() {
        Timeframe timeframe = null;
        if (interval != null) {
            timeframe = Timeframe.fromLabel(interval)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            "unknown interval '" + interval + "' (use 1s 5s 15s 1m 5m 15m 30m 1h 4h 1d)"));
        }
        if (snapshot != null && exitAfter == null) {
            throw new ParameterException(spec.commandLine(), "--snapshot needs --exit-after");
        }
        javax.net.ssl.SSLContext ssl;
        try {
            ssl = tls.sslContext();
            // Checked now, so a bad --format or --field is a usage error, not a failed connection.
            feed.applyTo(com.klinelive.feed.FeedOptions.defaults(url == null ? "http://127.0.0.1" : url));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ChartOptions chart;
        try {
            chart = ChartOptions.parse(panes, overlays, chartType, scale);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        com.klinelive.workspace.Layout charts;
        try {
            charts = layout == null ? null : com.klinelive.workspace.Layout.fromOption(layout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DisplayOptions display;
        try {
            display = DisplayOptions.parse(zone, lang);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ViewerApp.launch(new ViewerOptions(
                url,
                symbol,
                timeframe,
                snapshot,
                exitAfter,
                stats,
                ssl,
                feed,
                !noCache,
                chart,
                charts,
                startMinimised,
                display));
        ViewerCache.close();
        // Non-daemon threads of the embedded server must not keep the process alive after the window closed.
        System.exit(0);
    }
}
