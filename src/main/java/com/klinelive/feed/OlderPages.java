package com.klinelive.feed;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.Prepended;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Pages of older candles from the feed's {@link CandleSource}, put in front of the books' candles: what scrolling
 * back into history asks for. At most one request per symbol and timeframe is out at a time (asking again
 * meanwhile gets the same answer), so the requests are bounded by the books the client holds.
 *
 * <p>Threads: asked from any thread, the FX thread included, and never blocks; the answer is read, checked and put
 * into the book on the HTTP client's thread that received it.
 */
final class OlderPages {

    /** Most candles one page may ask for: what our {@code /history} serves at once. */
    static final int MAX_LIMIT = 5_000;

    private record Key(String symbol, Timeframe timeframe) {}

    private final CandleAggregator aggregator;
    private final Supplier<Optional<CandleSource>> source;
    private final Supplier<String> epoch;
    private final FeedListeners listeners;
    private final LongSupplier nanoTime;
    private final Map<Key, CompletableFuture<OlderPage>> loading = new ConcurrentHashMap<>();

    /**
     * @param source   the format's candles, once the format is known
     * @param epoch    the feed's epoch as last seen, or null
     * @param nanoTime the clock that stamps the candles' change for the listeners
     */
    OlderPages(
            CandleAggregator aggregator,
            Supplier<Optional<CandleSource>> source,
            Supplier<String> epoch,
            FeedListeners listeners,
            LongSupplier nanoTime) {
        this.aggregator = aggregator;
        this.source = source;
        this.epoch = epoch;
        this.listeners = listeners;
        this.nanoTime = nanoTime;
    }

    /** See {@link FeedClient#olderCandles}. */
    CompletableFuture<OlderPage> load(String symbol, Timeframe timeframe, long endExclusive, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit));
        }
        CandleBook book = aggregator.book(symbol);
        if (book == null || !book.timeframes().contains(timeframe)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("no " + timeframe.label() + " candles of " + symbol + " to extend"));
        }
        Key key = new Key(symbol, timeframe);
        CompletableFuture<OlderPage> made = new CompletableFuture<>();
        CompletableFuture<OlderPage> running = loading.putIfAbsent(key, made);
        if (running != null) {
            return running;
        }
        Optional<CandleSource> candles = source.get();
        if (candles.isEmpty()) {
            finish(
                    key,
                    made,
                    page(symbol, timeframe, endExclusive, List.of(), 0, OlderPage.Status.END_OF_HISTORY),
                    null);
            return made;
        }
        try {
            candles.get()
                    .candles(symbol, timeframe, limit, OptionalLong.of(endExclusive))
                    .thenApply(answer -> put(book, timeframe, endExclusive, answer))
                    .whenComplete((page, error) ->
                            finish(key, made, page, error == null ? null : failure(symbol, timeframe, unwrap(error))));
        } catch (RuntimeException e) {
            finish(key, made, null, failure(symbol, timeframe, e));
        }
        return made;
    }

    /** Ends a load: a new one may start before anyone waiting for this one hears the answer. */
    private void finish(Key key, CompletableFuture<OlderPage> made, OlderPage page, Throwable error) {
        loading.remove(key, made);
        if (error != null) {
            made.completeExceptionally(error);
        } else {
            made.complete(page);
        }
    }

    /** A failure with a message fit for the status bar; a refused argument or garbage keeps its own words. */
    private static Throwable failure(String symbol, Timeframe timeframe, Throwable error) {
        if (error instanceof IllegalArgumentException) {
            return error;
        }
        return new IOException(
                "older " + timeframe.label() + " candles of " + symbol + " not loaded: "
                        + FeedClient.rootMessage(error),
                error);
    }

    /** Puts the feed's answer in front of the book's candles, unless the book or the feed moved on meanwhile. */
    private OlderPage put(CandleBook book, Timeframe timeframe, long endExclusive, CandlePage answer) {
        String symbol = book.symbol();
        String known = epoch.get();
        if (answer.epoch() != null && known != null && !answer.epoch().equals(known)) {
            // The feed restarted: its new history replaces the book's candles, and the next page starts there.
            return page(symbol, timeframe, endExclusive, answer.candles(), 0, OlderPage.Status.MOVED);
        }
        if (answer.candles().isEmpty()) {
            return page(symbol, timeframe, endExclusive, List.of(), 0, OlderPage.Status.END_OF_HISTORY);
        }
        Prepended prepended;
        try {
            prepended = book.prepend(timeframe, endExclusive, new CandleList(answer.candles()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the feed's older " + timeframe.label() + " candles of " + symbol
                    + " do not fit before the oldest held: " + e.getMessage());
        }
        if (prepended.added() > 0) {
            listeners.candles(symbol, nanoTime.getAsLong());
        }
        OlderPage.Status status = switch (prepended.status()) {
            case ADDED -> OlderPage.Status.ADDED;
            case FULL -> OlderPage.Status.FULL;
            case MOVED -> OlderPage.Status.MOVED;
        };
        return page(symbol, timeframe, endExclusive, answer.candles(), prepended.added(), status);
    }

    private static OlderPage page(
            String symbol,
            Timeframe timeframe,
            long endExclusive,
            List<Candle> candles,
            int added,
            OlderPage.Status status) {
        return new OlderPage(symbol, timeframe, endExclusive, candles, added, status);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
