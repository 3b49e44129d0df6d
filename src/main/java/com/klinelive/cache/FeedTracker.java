package com.klinelive.cache;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.HashMap;
import java.util.Map;

/**
 * The cache's watch over one feed's candles: while open, the cache's writer thread copies every candle of the
 * feed's books that closed into the database, about once per flush interval. Obtained from
 * {@link CandleCache#track}; close it when the feed session ends.
 *
 * <p>Nothing is handed from the network threads to the cache: the writer polls each book's
 * {@link com.klinelive.candle.CandleBook#version() version} and catches up from the book itself, so ingest never
 * waits, queues or allocates for the cache, and a writer that falls behind (a slow disk) loses nothing: it writes
 * what closed meanwhile on its next pass, as long as the book still holds it.
 */
public final class FeedTracker implements AutoCloseable {

    private final String feed;
    private final CandleAggregator aggregator;
    private final CandleCache cache;

    // Writer thread only: per symbol, the book version last written and the mark of each timeframe.
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, SeriesMark[]> marks = new HashMap<>();
    private volatile boolean closed;

    FeedTracker(String feed, CandleAggregator aggregator, CandleCache cache) {
        this.feed = feed;
        this.aggregator = aggregator;
        this.cache = cache;
    }

    /** The feed's name in the cache. */
    public String feed() {
        return feed;
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    /**
     * Stops watching: the writer makes one last pass over the feed's books (so every candle closed by now is
     * written), then forgets it. Returns at once; {@link CandleCache#close()} waits for that pass.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cache.untrack(this);
        }
    }

    CandleAggregator aggregator() {
        return aggregator;
    }

    long writtenVersion(String symbol) {
        return versions.getOrDefault(symbol, Long.MIN_VALUE);
    }

    void writtenVersion(String symbol, long version) {
        versions.put(symbol, version);
    }

    /** The mark of one series, or null before it was first written in this run. */
    SeriesMark mark(String symbol, Timeframe timeframe) {
        SeriesMark[] row = marks.get(symbol);
        return row == null ? null : row[timeframe.ordinal()];
    }

    void mark(String symbol, Timeframe timeframe, SeriesMark mark) {
        marks.computeIfAbsent(symbol, s -> new SeriesMark[Timeframe.values().length])[timeframe.ordinal()] = mark;
    }

    /**
     * The rows of {@code symbol} were evicted: its series get new rows when next written, and only candles that
     * close from now on are written (what the book still holds stays out, or the eviction would be undone).
     */
    void evicted(String symbol) {
        SeriesMark[] row = marks.get(symbol);
        if (row != null) {
            for (SeriesMark mark : row) {
                if (mark != null) {
                    mark.seriesId = -1;
                }
            }
        }
    }

    /** Forgets everything written (the cache was cleared). */
    void forgetAll() {
        marks.clear();
        versions.clear();
    }

    /**
     * What the writer knows of one series: its row id (-1 after eviction: made again when next written) and the
     * newest closed candle written, committed or in the transaction under way.
     */
    static final class SeriesMark {
        long seriesId;
        Candle committed;
        Candle pending;
        // Before the feed's history is in, the oldest candle counted from live trades lacks the trades before the
        // book began: its time, never written until history replaces it. Long.MIN_VALUE: not known yet.
        long partialTime = Long.MIN_VALUE;

        SeriesMark(long seriesId, Candle committed) {
            this.seriesId = seriesId;
            this.committed = committed;
        }

        /** The newest candle written so far, in the transaction under way or before. */
        Candle last() {
            return pending != null ? pending : committed;
        }

        void commit() {
            if (pending != null) {
                committed = pending;
                pending = null;
            }
        }

        void rollback() {
            pending = null;
        }
    }
}
