package com.klinelive.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The settings versions before the workspace file kept in {@link Preferences}: window bounds, feed URL and recent
 * URLs, symbol, timeframe, the SMA/EMA/Bollinger toggles and the theme. Read once, on the first start with no
 * workspace file, into a {@link Workspace}; then the old node is removed, so they move rather than fork.
 */
public final class LegacyPreferences {

    private LegacyPreferences() {}

    /**
     * The preferences node at {@code path} if an older version ever wrote it, else null. Not {@code node(path)}
     * alone: asking for a node creates it, and the JDK then writes it to disk at its next background sync (some
     * 50 ms of CPU, 30 s after every start).
     */
    public static Preferences existing(String path) {
        try {
            Preferences root = Preferences.userRoot();
            return root.nodeExists(path) ? root.node(path) : null;
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            return null;
        }
    }

    /** Whether {@code node} holds settings of an older version; false for null. */
    public static boolean present(Preferences node) {
        try {
            return node != null && node.keys().length > 0;
        } catch (BackingStoreException | IllegalStateException e) {
            return false;
        }
    }

    /** The workspace those settings describe: one chart, as the old single-chart window showed it. */
    public static Workspace read(Preferences node) {
        String url = node.get("feed.url", "");
        // The studies as the last version wrote them, or, from the version before, the three toggles.
        String saved = node.get("chart.studies", null);
        List<String> studies = new ArrayList<>();
        if (saved != null) {
            for (String entry : saved.split(",")) {
                if (!entry.isBlank()) {
                    studies.add(entry.trim());
                }
            }
        } else {
            studies.add("volume");
            String[][] toggles = {{"sma", "sma:20"}, {"ema", "ema:50"}, {"bollinger", "bollinger:20:2"}};
            for (String[] toggle : toggles) {
                if (node.getBoolean("chart.indicator." + toggle[0], false)) {
                    studies.add(toggle[1]);
                }
            }
        }
        ChartSpec chart = new ChartSpec(
                url.isEmpty() ? FeedSpec.EMBEDDED : FeedSpec.of(url),
                node.get("feed.symbol", ""),
                node.get("chart.timeframe", "1m"),
                node.get("chart.type", "candles"),
                node.get("chart.scale", "linear"),
                studies,
                null);
        String recent = node.get("feed.recent", "");
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        WindowSpec window = new WindowSpec(
                Double.isNaN(x) ? 0 : x,
                Double.isNaN(y) ? 0 : y,
                node.getDouble("window.width", WindowSpec.DEFAULT.width()),
                node.getDouble("window.height", WindowSpec.DEFAULT.height()),
                node.getBoolean("window.maximized", false),
                !Double.isNaN(x) && !Double.isNaN(y));
        Workspace defaults = Workspace.defaults();
        return new Workspace(
                        Workspace.VERSION,
                        Layout.ONE,
                        0,
                        false,
                        false,
                        List.of(chart),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        recent.isEmpty() ? List.of() : List.of(recent.split("\n")),
                        window,
                        new UiSpec(
                                node.getBoolean("ui.dark", true),
                                defaults.ui().zone(),
                                defaults.ui().language(),
                                defaults.ui().watchlistOpen(),
                                defaults.ui().alertLogOpen()))
                .normalized();
    }

    /** Removes the old settings once they are in a saved workspace file; a failure leaves them, harmlessly. */
    public static void remove(Preferences node) {
        try {
            Preferences parent = node.parent();
            node.removeNode();
            if (parent != null) {
                parent.flush();
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // They stay; the workspace file is what is read from now on.
        }
    }
}
