package com.klinelive.scrollback;

import com.klinelive.cache.CachedCandles;
import com.klinelive.cache.CandleCache;
import com.klinelive.cache.SeriesKey;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.Prepended;
import com.klinelive.feed.OlderPage;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the candles older than a chart shows, a page at a time, and puts them in front of the book's: from the
 * candle cache when it holds them, from the feed only for what the cache lacks, and the feed's pages are written
 * to the cache. One per feed; the app makes it with the feed's client and the cache, and calls
 * {@link #loadBefore} when the chart asks for older candles.
 *
 * <p>The cache cannot say whether a candle it lacks never existed (a quiet minute) or was never written (the app
 * was closed): so a cached page counts only from its newest candle back to the first missing one, and only if its
 * newest candle is right before the oldest shown. Past a missing candle the feed answers, and the feed's answer
 * is the truth. Once the feed has no older candles, the cache's are used as they are, holes and all: nobody has
 * those candles any more.
 *
 * <p>Threads: called on any thread, the FX thread included; never blocks. Pages are read on the cache's reader
 * thread or the feed's HTTP threads and put into the book there, under its write lock. At most one load per
 * symbol and timeframe is under way: asking again meanwhile returns the same future.
 */
public final class ScrollBackLoader {

    /** Candles per page unless told otherwise: a few screens at the default zoom, one {@code /history} answer. */
    public static final int DEFAULT_PAGE_SIZE = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(ScrollBackLoader.class);

    private record Key(String symbol, Timeframe timeframe) {}

    private final CandleCache cache;
    private final String feed;
    private final FeedPages pages;
    private final int pageSize;
    private final Set<Key> feedEnded = ConcurrentHashMap.newKeySet();
    private final Map<Key, CompletableFuture<ScrollBackPage>> loading = new ConcurrentHashMap<>();

    /**
     * @param cache    the candle cache, or null to load from the feed only
     * @param feed     the feed's name in the cache (as its {@link com.klinelive.cache.FeedTracker} writes it)
     * @param pages    the feed's pages: {@code feedClient::olderCandles}
     * @param pageSize candles per page, 1 to 5,000
     */
    public ScrollBackLoader(CandleCache cache, String feed, FeedPages pages, int pageSize) {
        if (pageSize < 1 || pageSize > 5_000) {
            throw new IllegalArgumentException("pageSize must be 1 to 5000: " + pageSize);
        }
        if (cache != null) {
            new SeriesKey(feed, "x", Timeframe.M1); // checks the name
        }
        this.cache = cache;
        this.feed = feed;
        this.pages = Objects.requireNonNull(pages, "pages");
        this.pageSize = pageSize;
    }

    /** With {@link #DEFAULT_PAGE_SIZE} candles a page. */
    public ScrollBackLoader(CandleCache cache, String feed, FeedPages pages) {
        this(cache, feed, pages, DEFAULT_PAGE_SIZE);
    }

    /**
     * Loads the page of {@code timeframe} candles before {@code endExclusive} and puts it in front of
     * {@code book}'s candles, if {@code endExclusive} is still the start of its oldest candle when the page comes.
     * Fails when the feed fails (the cache's failures only send the request on to the feed).
     *
     * @param endExclusive the start of the oldest candle the chart shows, epoch ms UTC
     */
    public CompletableFuture<ScrollBackPage> loadBefore(CandleBook book, Timeframe timeframe, long endExclusive) {
        Key key = new Key(book.symbol(), timeframe);
        CompletableFuture<ScrollBackPage> made = new CompletableFuture<>();
        CompletableFuture<ScrollBackPage> running = loading.putIfAbsent(key, made);
        if (running != null) {
            return running;
        }
        fromCache(book, key, endExclusive)
                .thenCompose(cached ->
                        cached != null ? CompletableFuture.completedFuture(cached) : fromFeed(book, key, endExclusive))
                .whenComplete((page, error) -> {
                    // Gone from the map before anyone hears the answer, so the next page is a new load.
                    loading.remove(key, made);
                    if (error != null) {
                        made.completeExceptionally(
                                error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause()
                                        : error);
                    } else {
                        made.complete(page);
                    }
                });
        return made;
    }

    /** Whether the feed said it has no {@code timeframe} candles of {@code symbol} older than the ones loaded. */
    public boolean feedEnded(String symbol, Timeframe timeframe) {
        return feedEnded.contains(new Key(symbol, timeframe));
    }

    /**
     * The cache's page before {@code end}, put in front of the book's candles; null when the cache has none that
     * join the book's oldest (then the feed is asked).
     */
    private CompletableFuture<ScrollBackPage> fromCache(CandleBook book, Key key, long end) {
        if (cache == null) {
            return CompletableFuture.completedFuture(null);
        }
        boolean anyHoles = feedEnded.contains(key);
        return cache.beforeAsync(new SeriesKey(feed, key.symbol(), key.timeframe()), end, pageSize)
                .thenApply(cached -> {
                    int from = anyHoles ? 0 : joinedFrom(cached, key.timeframe(), end);
                    if (from >= cached.size()) {
                        return anyHoles
                                ? new ScrollBackPage(ScrollBackPage.Source.CACHE, 0, ScrollBackPage.State.END)
                                : null;
                    }
                    Prepended put = book.prepend(key.timeframe(), end, new Tail(cached, from));
                    return page(ScrollBackPage.Source.CACHE, put);
                })
                .exceptionally(error -> {
                    LOG.warn("older candles of {} not read from the cache: {}", key.symbol(), error.getMessage());
                    return null;
                });
    }

    /** The feed's page before {@code end}, which the feed client puts in front of the book's; written to the cache. */
    private CompletableFuture<ScrollBackPage> fromFeed(CandleBook book, Key key, long end) {
        if (feedEnded.contains(key)) {
            return CompletableFuture.completedFuture(
                    new ScrollBackPage(ScrollBackPage.Source.CACHE, 0, ScrollBackPage.State.END));
        }
        return pages.olderCandles(key.symbol(), key.timeframe(), end, pageSize).thenCompose(older -> {
            if (older.status() == OlderPage.Status.END_OF_HISTORY) {
                feedEnded.add(key);
                // The cache may reach further back than the feed does (an exchange's REST history is short).
                return fromCache(book, key, end)
                        .thenApply(cached -> cached != null
                                ? cached
                                : new ScrollBackPage(ScrollBackPage.Source.FEED, 0, ScrollBackPage.State.END));
            }
            if (cache != null && older.status() != OlderPage.Status.MOVED) {
                cache.putAsync(new SeriesKey(feed, key.symbol(), key.timeframe()), new CandleList(older.candles()))
                        .exceptionally(error -> {
                            LOG.warn("older candles of {} not cached: {}", key.symbol(), error.getMessage());
                            return null;
                        });
            }
            ScrollBackPage.State state = switch (older.status()) {
                case FULL -> ScrollBackPage.State.FULL;
                case MOVED -> ScrollBackPage.State.MOVED;
                default -> ScrollBackPage.State.MORE;
            };
            return CompletableFuture.completedFuture(
                    new ScrollBackPage(ScrollBackPage.Source.FEED, older.added(), state));
        });
    }

    private static ScrollBackPage page(ScrollBackPage.Source source, Prepended put) {
        ScrollBackPage.State state = switch (put.status()) {
            case ADDED -> ScrollBackPage.State.MORE;
            case FULL -> ScrollBackPage.State.FULL;
            case MOVED -> ScrollBackPage.State.MOVED;
        };
        return new ScrollBackPage(source, put.added(), state);
    }

    /**
     * The first of {@code cached}'s candles that join {@code end} without a missing candle: its newest must end at
     * {@code end}, and each older one where the next begins. {@code cached.size()} when the newest does not.
     */
    static int joinedFrom(CandleColumns cached, Timeframe timeframe, long end) {
        int n = cached.size();
        if (n == 0 || cached.time(n - 1) + timeframe.millis() != end) {
            return n;
        }
        int from = n - 1;
        while (from > 0 && cached.time(from - 1) + timeframe.millis() == cached.time(from)) {
            from--;
        }
        return from;
    }

    /** The candles of a page from {@code from} on. */
    private static final class Tail implements CandleColumns {

        private final CachedCandles candles;
        private final int from;

        Tail(CachedCandles candles, int from) {
            this.candles = candles;
            this.from = from;
        }

        @Override
        public int size() {
            return candles.size() - from;
        }

        @Override
        public long time(int index) {
            return candles.time(from + index);
        }

        @Override
        public double open(int index) {
            return candles.open(from + index);
        }

        @Override
        public double high(int index) {
            return candles.high(from + index);
        }

        @Override
        public double low(int index) {
            return candles.low(from + index);
        }

        @Override
        public double close(int index) {
            return candles.close(from + index);
        }

        @Override
        public double volume(int index) {
            return candles.volume(from + index);
        }

        @Override
        public long trades(int index) {
            return candles.trades(from + index);
        }
    }
}
