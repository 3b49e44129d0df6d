package com.klinelive.app;

import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingText;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.feed.FeedEndpoint;
import com.klinelive.model.Timeframe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the viewer remembers between runs, in {@link java.util.prefs}: window bounds, the last and recent feed
 * URLs, symbol, timeframe, indicators, chart type, price scale and theme. URLs are stored without credentials: user-info and query values
 * never reach the settings store.
 */
public final class Settings {

    /** Bounds of the main window. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    private static final int MAX_RECENT = 8;

    private final Preferences node;

    /** Settings in {@code node}; the app uses the user node of this package, tests a throwaway one. */
    public Settings(Preferences node) {
        this.node = node;
    }

    /** The app's own settings node. */
    public static Settings forUser() {
        return new Settings(Preferences.userNodeForPackage(Settings.class));
    }

    /** The saved window bounds, or {@code fallback} for what was never saved. */
    public WindowBounds windowOr(WindowBounds fallback) {
        return new WindowBounds(
                node.getDouble("window.x", fallback.x()),
                node.getDouble("window.y", fallback.y()),
                node.getDouble("window.width", fallback.width()),
                node.getDouble("window.height", fallback.height()),
                node.getBoolean("window.maximized", fallback.maximized()));
    }

    public void saveWindow(WindowBounds bounds) {
        node.putDouble("window.x", bounds.x());
        node.putDouble("window.y", bounds.y());
        node.putDouble("window.width", bounds.width());
        node.putDouble("window.height", bounds.height());
        node.putBoolean("window.maximized", bounds.maximized());
    }

    /** The last feed URL, or empty for the embedded simulator. */
    public String lastUrl() {
        return node.get("feed.url", "");
    }

    /** Remembers {@code url} as the last one and first of the recent ones, without credentials. */
    public void lastUrl(String url) {
        String safe = safeUrl(url);
        node.put("feed.url", safe);
        if (safe.isEmpty()) {
            return;
        }
        List<String> recent = new ArrayList<>(recentUrls());
        recent.remove(safe);
        recent.add(0, safe);
        node.put("feed.recent", String.join("\n", recent.subList(0, Math.min(MAX_RECENT, recent.size()))));
    }

    public List<String> recentUrls() {
        String joined = node.get("feed.recent", "");
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    public String symbol() {
        return node.get("feed.symbol", "");
    }

    public void symbol(String symbol) {
        node.put("feed.symbol", symbol == null ? "" : symbol);
    }

    public Timeframe timeframe() {
        return Timeframe.fromLabel(node.get("chart.timeframe", "1m")).orElse(Timeframe.M1);
    }

    public void timeframe(Timeframe timeframe) {
        node.put("chart.timeframe", timeframe.label());
    }

    /**
     * The chart's indicators with their parameters, colours and pane heights; volume for a first run. Settings of
     * an older version (SMA, EMA and Bollinger switched on or off) come across; an entry that no longer reads (a
     * kind or value since removed) is left out rather than failing the start.
     */
    public List<Study> studies() {
        String saved = node.get("chart.studies", null);
        if (saved == null) {
            List<Study> studies = new ArrayList<>(List.of(Study.of(Indicators.byId("volume"))));
            String[][] legacy = {{"sma", "sma:20"}, {"ema", "ema:50"}, {"bollinger", "bollinger:20:2"}};
            for (String[] old : legacy) {
                if (node.getBoolean("chart.indicator." + old[0], false)) {
                    studies.add(StudyText.parse(old[1]));
                }
            }
            return studies;
        }
        List<Study> studies = new ArrayList<>();
        for (String entry : saved.split(",")) {
            try {
                if (!entry.isBlank()) {
                    studies.add(StudyText.parse(entry));
                }
            } catch (IllegalArgumentException e) {
                // Left out: see above.
            }
        }
        return studies;
    }

    public void studies(List<Study> studies) {
        node.put("chart.studies", StudyText.formatList(studies));
    }

    /** How the candles are drawn; candles when never set or no longer known. */
    public ChartType chartType() {
        try {
            return ChartTypes.byId(node.get("chart.type", ChartTypes.candles().id()));
        } catch (IllegalArgumentException e) {
            return ChartTypes.candles();
        }
    }

    public void chartType(ChartType type) {
        node.put("chart.type", type.id());
    }

    /** The price scale; linear when never set or no longer known. */
    public ScaleMode scaleMode() {
        try {
            return ScaleMode.of(node.get("chart.scale", ScaleMode.LINEAR.id()));
        } catch (IllegalArgumentException e) {
            return ScaleMode.LINEAR;
        }
    }

    public void scaleMode(ScaleMode mode) {
        node.put("chart.scale", mode.id());
    }

    /**
     * The drawings on {@code symbol} of the feed at {@code url} (empty: the embedded simulator), each symbol of
     * each feed its own. Stored under a digest of the two, so any URL fits a preferences key; a URL's credentials
     * never reach the store.
     */
    public List<Drawing> drawings(String url, String symbol) {
        return DrawingText.parse(node.get(drawingsKey(url, symbol), ""));
    }

    /** Remembers the drawings of {@code symbol} on the feed at {@code url}; too many to store keeps the newest. */
    public void drawings(String url, String symbol, List<Drawing> drawings) {
        List<Drawing> kept = new ArrayList<>(drawings);
        String text = DrawingText.format(kept);
        while (text.length() > Preferences.MAX_VALUE_LENGTH && !kept.isEmpty()) {
            kept.remove(0);
            text = DrawingText.format(kept);
        }
        node.put(drawingsKey(url, symbol), text);
    }

    private static String drawingsKey(String url, String symbol) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((safeUrl(url) + "\n" + symbol).getBytes(StandardCharsets.UTF_8));
            return "drawings." + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether the dark theme is on (the default). */
    public boolean dark() {
        return node.getBoolean("ui.dark", true);
    }

    public void dark(boolean dark) {
        node.putBoolean("ui.dark", dark);
    }

    /** Writes the settings to the backing store now; failures only cost the memory of this run. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Nothing to do: the settings stay as they were on disk.
        }
    }

    /** {@code url} as it may be stored: no user-info, no query values; empty if it is not a feed URL. */
    static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            return FeedEndpoint.withoutSecrets(FeedEndpoint.parse(url).given());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
