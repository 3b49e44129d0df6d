package com.klinelive.app;

import com.klinelive.model.Timeframe;
import com.klinelive.workspace.Layout;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the viewer starts.
 *
 * @param url       feed URL, or null for the embedded simulator
 * @param symbol    symbol to show first, or null for the remembered one
 * @param interval  timeframe to show first, or null for the remembered one
 * @param snapshot  write a PNG of the window here when {@code exitAfter} ends, or null
 * @param exitAfter quit after this long, or null to run until closed
 * @param stats     print a stats line once a second and at exit
 * @param ssl       TLS settings for wss/https feeds, or null for the JDK's defaults
 * @param feedArgs  the format and its settings for {@code url} ({@code --format}, {@code --rest-url}...), or null
 * @param cache     keep the closed candles of the feeds viewed in the candle cache ({@code --no-cache}: false)
 * @param chart     indicators, chart type and scale to start with, or {@link ChartOptions#NONE}
 * @param layout    the layout to open, or null for the remembered one; {@code symbol} may then name one symbol per
 *                  chart, comma-separated
 * @param startMinimised start with the window minimised (the benchmark of a viewer nobody looks at)
 * @param display   the time zone and language to show ({@code --zone}, {@code --lang}), or
 *                  {@link DisplayOptions#NONE} for the remembered ones
 */
public record ViewerOptions(
        String url,
        String symbol,
        Timeframe interval,
        Path snapshot,
        Duration exitAfter,
        boolean stats,
        SSLContext ssl,
        FeedArgs feedArgs,
        boolean cache,
        ChartOptions chart,
        Layout layout,
        boolean startMinimised,
        DisplayOptions display) {

    /** A window that starts shown. */
    public ViewerOptions(
            String url,
            String symbol,
            Timeframe interval,
            Path snapshot,
            Duration exitAfter,
            boolean stats,
            SSLContext ssl,
            FeedArgs feedArgs,
            boolean cache,
            ChartOptions chart,
            Layout layout) {
        this(
                url,
                symbol,
                interval,
                snapshot,
                exitAfter,
                stats,
                ssl,
                feedArgs,
                cache,
                chart,
                layout,
                false,
                DisplayOptions.NONE);
    }

    /** Without format arguments (the format is recognised from the URL or the first message), cache on. */
    public ViewerOptions(
            String url,
            String symbol,
            Timeframe interval,
            Path snapshot,
            Duration exitAfter,
            boolean stats,
            SSLContext ssl,
            ChartOptions chart) {
        this(url, symbol, interval, snapshot, exitAfter, stats, ssl, null, true, chart, null);
    }

    /** The embedded simulator, remembered symbol and timeframe, no automation. */
    public static final ViewerOptions DEFAULTS = new ViewerOptions(null, null, null, null, null, false, null);

    /** Options with the remembered chart. */
    public ViewerOptions(
            String url,
            String symbol,
            Timeframe interval,
            Path snapshot,
            Duration exitAfter,
            boolean stats,
            SSLContext ssl) {
        this(url, symbol, interval, snapshot, exitAfter, stats, ssl, ChartOptions.NONE);
    }
}
