package com.klinelive.app;

import com.klinelive.cache.CacheLocation;
import com.klinelive.cache.CandleCache;
import com.klinelive.cache.FeedTracker;
import com.klinelive.candle.CandleAggregator;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's one candle cache, in the platform's cache folder (or where the system property
 * {@value #FILE_PROPERTY} says), opened on first use and off by {@code --no-cache}. For now the viewer only
 * writes it: the closed candles of every feed session go in; showing them comes with the chart's history loading.
 * A cache that cannot be opened is logged once and left out: the viewer works without it.
 */
final class ViewerCache {

    /** Names the cache file instead of the platform's folder (tests, portable installs). */
    static final String FILE_PROPERTY = "klinelive.cache.file";

    private static final Logger LOG = LoggerFactory.getLogger(ViewerCache.class);
    private static boolean enabled = true;
    private static boolean failed;
    private static CandleCache cache;

    private ViewerCache() {}

    /** Turns the cache on or off for sessions opened from now on ({@code --no-cache}). */
    static synchronized void enabled(boolean value) {
        enabled = value;
    }

    /**
     * Starts caching the closed candles of {@code aggregator} under {@code feed}; null when the cache is off or
     * could not be opened. Opens the database on first use: call it off the FX thread.
     */
    static synchronized FeedTracker track(String feed, CandleAggregator aggregator) {
        if (!enabled || failed) {
            return null;
        }
        if (cache == null) {
            String property = System.getProperty(FILE_PROPERTY);
            Path file = property != null ? Path.of(property) : CacheLocation.defaultFile();
            try {
                cache = CandleCache.open(file);
            } catch (IOException e) {
                failed = true;
                LOG.warn("no candle cache: {}", e.getMessage());
                return null;
            }
        }
        return cache.track(feed, aggregator);
    }

    /** The cache opened by {@link #track}, or null when it is off, failed or was not opened yet. */
    static synchronized CandleCache cache() {
        return enabled && !failed ? cache : null;
    }

    /** Writes what closed and closes the database (at exit). */
    static synchronized void close() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
    }
}
