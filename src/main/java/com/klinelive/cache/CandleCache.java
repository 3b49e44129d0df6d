package com.klinelive.cache;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline candle cache: closed candles per feed, symbol and timeframe in one SQLite database, so a chart can
 * show yesterday at once and scroll back further than the feed's history reaches.
 *
 * <pre>{@code
 * try (CandleCache cache = CandleCache.open(CandleCache.Options.defaults(CacheLocation.defaultFile()))) {
 *     cache.preload(feed, book, 5_000);                      // cached candles into the chart's book, off the FX thread
 *     FeedTracker tracker = cache.track(feed, aggregator);   // from now on closed candles are written
 *     CachedCandles older = cache.beforeAsync(new SeriesKey(feed, "BTCUSDT", Timeframe.M1), oldestShown, 5_000).join();
 * }
 * }</pre>
 *
 * <p>Threads: one writer thread writes for every tracked feed, in batches once per flush interval (see
 * {@link FeedTracker}); one reader thread serves the reads, on a connection of its own (WAL lets it read while the
 * writer writes). The blocking methods wait for the reader thread, so never call them on the FX thread: use the
 * {@code Async} ones there. Only closed candles are stored: the open one always comes from the feed.
 *
 * <p>Bounded on disk ({@link Options#maxBytes()}, least recently used symbols evicted first). A database of
 * another schema version is rebuilt and a damaged file replaced (see {@link CacheSchema}).
 *
 * <p>Longer than most: the public face of the cache (open, track, preload, pages, clear, close) with its two threads and
 * their error handling; the SQL is in the writer and schema classes.
 */
public final class CandleCache implements AutoCloseable {

    /** The size bound unless told otherwise: 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;

    /** How often the writer writes what closed, unless told otherwise. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    /** Most candles one read returns. */
    public static final int MAX_READ = 5_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(CandleCache.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;
    private static final String DAMAGED =
            "the candle cache is damaged: it is not used until the next start, which rebuilds it";

    /**
     * How to open the cache.
     *
     * @param file          the database file; its folder is created if needed
     * @param maxBytes      the size bound, at least 1 MiB
     * @param flushInterval how often the writer writes what closed, 10 ms to 1 minute
     */
    public record Options(Path file, long maxBytes, Duration flushInterval) {

        public Options {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(flushInterval, "flushInterval");
            if (maxBytes < 1L << 20) {
                throw new IllegalArgumentException("maxBytes must be at least 1 MiB: " + maxBytes);
            }
            if (flushInterval.toMillis() < 10 || flushInterval.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("flushInterval must be 10 ms to 1 minute: " + flushInterval);
            }
        }

        /** {@code file}, 2 GiB, a write a second. */
        public static Options defaults(Path file) {
            return new Options(file, DEFAULT_MAX_BYTES, DEFAULT_FLUSH_INTERVAL);
        }

        public Options withMaxBytes(long value) {
            return new Options(file, value, flushInterval);
        }

        public Options withFlushInterval(Duration value) {
            return new Options(file, maxBytes, value);
        }
    }

    private final Options options;
    private final CandleStore writerStore;
    private final CandleStore readerStore;
    private final CacheWriter writer;
    private final CacheEviction eviction;
    private final ScheduledExecutorService writerThread;
    private final ExecutorService readerThread;
    private final List<FeedTracker> trackers = new CopyOnWriteArrayList<>();
    private final Set<Long> readSeries = ConcurrentHashMap.newKeySet();
    private volatile CacheStats stats;
    private volatile boolean closed;
    private volatile boolean damaged;
    private long writeFailures;
    private String lastError = "";
    private long lastLogNanos = System.nanoTime() - LOG_EVERY_NANOS;

    private CandleCache(Options options, Connection writerConnection, Connection readerConnection) throws SQLException {
        this.options = options;
        this.writerStore = new CandleStore(writerConnection);
        this.readerStore = new CandleStore(readerConnection);
        this.eviction = new CacheEviction(options.maxBytes());
        this.writer = new CacheWriter(writerStore, eviction, System::currentTimeMillis);
        this.stats = new CacheStats(0, 0, 0, "", 0, writerStore.usedBytes());
        this.writerThread = Executors.newSingleThreadScheduledExecutor(daemon("candle-cache-writer"));
        this.readerThread = Executors.newSingleThreadExecutor(daemon("candle-cache-reader"));
        long period = options.flushInterval().toMillis();
        writerThread.scheduleWithFixedDelay(this::pass, period, period, TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the cache at {@code file} with the default bound and flush interval. */
    public static CandleCache open(Path file) throws IOException {
        return open(Options.defaults(file));
    }

    /**
     * Opens (or creates) the cache. A database of another version is rebuilt and a damaged one replaced.
     *
     * @throws IOException when the file cannot be opened or created at all (no permission, no space)
     */
    public static CandleCache open(Options options) throws IOException {
        Connection writerConnection = CacheSchema.open(options.file());
        Connection readerConnection = null;
        try {
            readerConnection = CacheSchema.connect(options.file());
            return new CandleCache(options, writerConnection, readerConnection);
        } catch (SQLException e) {
            closeQuietly(writerConnection);
            closeQuietly(readerConnection);
            throw new IOException("cannot open the candle cache " + options.file() + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return options.file();
    }

    /**
     * Starts writing the closed candles of {@code aggregator}'s books under the feed name {@code feed}, about once
     * per flush interval, until the tracker is closed.
     *
     * @param feed the feed's name, without credentials (such as its redacted URL); 1 to 512 characters
     */
    public FeedTracker track(String feed, CandleAggregator aggregator) {
        new SeriesKey(feed, "x", Timeframe.M1); // checks the name
        if (closed) {
            throw new IllegalStateException("the candle cache is closed");
        }
        FeedTracker tracker = new FeedTracker(feed, aggregator, this);
        trackers.add(tracker);
        return tracker;
    }

    /** The newest {@code limit} cached candles of a series, oldest first; blocks on disk (not on the FX thread). */
    public CachedCandles newest(SeriesKey key, int limit) throws IOException {
        return await(newestAsync(key, limit));
    }

    /** {@link #newest} on the cache's reader thread. */
    public CompletableFuture<CachedCandles> newestAsync(SeriesKey key, int limit) {
        return beforeAsync(key, Long.MAX_VALUE, limit);
    }

    /**
     * The newest {@code limit} cached candles of a series that start before {@code endExclusive} (epoch ms UTC),
     * oldest first: the page left of the oldest candle shown. Empty when the cache holds none. Blocks on disk.
     */
    public CachedCandles before(SeriesKey key, long endExclusive, int limit) throws IOException {
        return await(beforeAsync(key, endExclusive, limit));
    }

    /** {@link #before} on the cache's reader thread. */
    public CompletableFuture<CachedCandles> beforeAsync(SeriesKey key, long endExclusive, int limit) {
        Objects.requireNonNull(key, "key");
        if (limit < 1 || limit > MAX_READ) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("limit must be 1 to " + MAX_READ + ": " + limit));
        }
        return read(() -> {
            long id = readerStore.seriesId(key);
            if (id < 0) {
                return CachedCandles.empty();
            }
            readSeries.add(id);
            return readerStore.readBefore(id, endExclusive, limit);
        });
    }

    /**
     * Writes closed candles of a series that did not come through a tracked book (a page of older candles the
     * feed gave when the chart scrolled back), replacing cached candles with the same times, on the writer thread.
     * {@code candles} must not change until the future completes.
     *
     * @param candles oldest first, closed
     */
    public CompletableFuture<Void> putAsync(SeriesKey key, CandleColumns candles) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(candles, "candles");
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (candles.size() == 0) {
            done.complete(null);
            return done;
        }
        try {
            writerThread.execute(() -> {
                if (damaged) {
                    done.completeExceptionally(new IOException(DAMAGED));
                    return;
                }
                try {
                    writer.put(key, candles);
                    done.complete(null);
                } catch (SQLException | RuntimeException e) {
                    if (e instanceof SQLException sql && CacheSchema.damaged(sql)) {
                        markDamaged(sql);
                    }
                    done.completeExceptionally(new IOException("cannot write the candle cache: " + e.getMessage(), e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new IOException("the candle cache is closed", e));
        }
        return done;
    }

    /**
     * Loads the newest {@code limit} cached candles of every timeframe {@code book} keeps into it, replacing what
     * it holds, so a chart has candles before the feed answers; the feed's history replaces them when it comes.
     * Blocks on disk (not on the FX thread).
     *
     * @return how many candles were loaded, over all timeframes
     */
    public int preload(String feed, CandleBook book, int limit) throws IOException {
        List<History> histories = new ArrayList<>();
        int loaded = 0;
        for (Timeframe timeframe : book.timeframes()) {
            CachedCandles page = newest(new SeriesKey(feed, book.symbol(), timeframe), limit);
            if (!page.isEmpty()) {
                histories.add(page.toHistory(timeframe));
                loaded += page.size();
            }
        }
        if (!histories.isEmpty()) {
            book.loadHistory(histories);
        }
        return loaded;
    }

    /**
     * Deletes every cached candle ("Clear cache"). The tracked books' closed candles are written again on the
     * next pass: what the open charts show stays cached.
     */
    public CompletableFuture<Void> clearAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            writerThread.execute(() -> {
                try {
                    writer.clear(trackers);
                    updateStats();
                    done.complete(null);
                } catch (SQLException | RuntimeException e) {
                    done.completeExceptionally(new IOException("cannot clear the candle cache: " + e.getMessage(), e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new IOException("the candle cache is closed", e));
        }
        return done;
    }

    /** {@link #clearAsync()}, waiting for it. */
    public void clear() throws IOException {
        await(clearAsync());
    }

    /** What the writer did so far; updated after every pass. */
    public CacheStats stats() {
        return stats;
    }

    /**
     * Makes a last pass over every tracked feed (so every candle closed by now is written), then closes the
     * database. Waits for at most half a minute.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        trackers.forEach(t -> t.close());
        writerThread.execute(this::pass);
        writerThread.shutdown();
        readerThread.shutdown();
        try {
            if (!writerThread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the candle cache writer did not finish within 30 s");
                writerThread.shutdownNow();
            }
            readerThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(writerStore.connection());
        closeQuietly(readerStore.connection());
    }

    /** A tracker was closed: one last pass over its books, then it is forgotten. */
    void untrack(FeedTracker tracker) {
        try {
            writerThread.execute(() -> {
                passOver(List.of(tracker));
                trackers.remove(tracker);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: the cache's own last pass covers it.
        }
    }

    private void pass() {
        passOver(trackers);
    }

    private void passOver(List<FeedTracker> which) {
        if (damaged) {
            return;
        }
        try {
            if (!readSeries.isEmpty()) {
                List<Long> read = new ArrayList<>(readSeries);
                readSeries.removeAll(read);
                writer.touch(read);
            }
            writer.pass(which);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && CacheSchema.damaged(sql)) {
                markDamaged(sql);
            }
            writeFailures++;
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            long now = System.nanoTime();
            if (now - lastLogNanos >= LOG_EVERY_NANOS) {
                lastLogNanos = now;
                LOG.warn("writing the candle cache failed ({} so far), retrying on the next pass", writeFailures, e);
            }
        }
        updateStats();
    }

    private void updateStats() {
        long used;
        try {
            used = writerStore.usedBytes();
        } catch (SQLException e) {
            used = stats.usedBytes();
        }
        stats = new CacheStats(
                writer.candlesWritten(), stats.passes() + 1, writeFailures, lastError, eviction.symbolsEvicted(), used);
    }

    private <T> CompletableFuture<T> read(SqlCall<T> call) {
        try {
            return CompletableFuture.supplyAsync(
                    () -> {
                        if (damaged) {
                            throw new CompletionException(new IOException(DAMAGED));
                        }
                        try {
                            return call.run();
                        } catch (SQLException e) {
                            if (CacheSchema.damaged(e)) {
                                markDamaged(e);
                                throw new CompletionException(new IOException(DAMAGED, e));
                            }
                            throw new CompletionException(
                                    new IOException("cannot read the candle cache: " + e.getMessage(), e));
                        }
                    },
                    readerThread);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IOException("the candle cache is closed", e));
        }
    }

    /**
     * The database is damaged (a disk fault, another program): stop using it, and leave a marker so that the next
     * open starts a new one. Reads fail with a clear error meanwhile; the charts go on from the feed.
     */
    private void markDamaged(SQLException e) {
        if (damaged) {
            return;
        }
        damaged = true;
        LOG.error(
                "the candle cache {} is damaged ({}): it is not used until the next start, which rebuilds it",
                options.file(),
                e.getMessage());
        try {
            java.nio.file.Files.writeString(CacheSchema.damageMarker(options.file()), e.getMessage() + "\n");
        } catch (IOException io) {
            LOG.warn("cannot mark the candle cache as damaged: {}", io.getMessage());
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the candle cache", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a cache connection", e);
            }
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }
}
