package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.RecentTrades;
import com.klinelive.feed.rest.RateLimitedException;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a {@link SymbolSync}: fetches the candles of every timeframe the symbol keeps, all at once, and hands
 * them to the sync to load and replay the held-back ticks over. Runs on the control thread.
 *
 * <p>A feed whose candles carry the sequence they hold up to (ours) gives an exact snapshot at once. Otherwise
 * (exchanges) the closed candles come from the REST candles and every candle from the start of the open candle of
 * the longest timeframe on is rebuilt from the feed's recent trades, up to the last trade id; live trades continue
 * after it. When there are too many trades for that, or the feed has none to give, the open candles are left to
 * the live trades and replaced from REST candles once they close.
 *
 * <p>Retries with backoff when the feed does not answer (at least as long as a rate limit asks), and fetches again
 * when the answer does not join up with the held-back ticks.
 */
final class HistoryLoader {

    /** What the loader needs from, and tells, the syncs it completes. */
    interface Owner {
        boolean closed();

        /** The feed's epoch as last seen, or null. */
        String epoch();

        /** A history answer came from another epoch: the feed restarted. */
        void epochChanged(String epoch);

        /** The candles of {@code symbol} were rebuilt; {@code repair} when a gap or reset started it. */
        void loaded(String symbol, boolean repair);

        /**
         * The history of {@code symbol} did not come ({@code why}): its ticks are counted without it meanwhile, and
         * it is asked for again.
         */
        void historyUnavailable(String symbol, String why);

        /** Candles of {@code symbol} from {@code fromTime} on could not be rebuilt exactly: replace them once closed. */
        void replaceOnceClosed(String symbol, long fromTime, long toTime);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HistoryLoader.class);
    /** Most trades fetched to rebuild the open candles; beyond, they are replaced once they close instead. */
    static final int MAX_OPEN_CANDLE_TRADES = 100_000;

    private final FeedOptions options;
    private final ControlLoop loop;
    private final Owner owner;
    private final Backoff backoff;
    private volatile boolean exactSnapshots;

    HistoryLoader(FeedOptions options, ControlLoop loop, Owner owner, Backoff backoff) {
        this.options = options;
        this.loop = loop;
        this.owner = owner;
        this.backoff = backoff;
    }

    /** Whether the feed's candles came as exact snapshots (with the sequence they hold up to): gaps reload them. */
    boolean exactSnapshots() {
        return exactSnapshots;
    }

    /**
     * Loads history for the sync {@code generation} began; nothing if a newer one has begun since.
     *
     * @param repair whether a gap or reset started the sync, rather than the first backfill
     */
    void load(String symbol, SymbolSync sync, int generation, boolean repair, FormatHistory history) {
        if (owner.closed() || generation != sync.generation()) {
            return;
        }
        Optional<CandleSource> source = history.candles();
        List<Timeframe> timeframes = timeframes(sync.book());
        if (source.isEmpty() || timeframes.isEmpty()) {
            sync.finishWithoutHistory();
            return;
        }
        LOG.debug("fetching history of {} for generation {}", symbol, generation);
        List<CompletableFuture<CandlePage>> answers = new ArrayList<>();
        for (Timeframe tf : timeframes) {
            answers.add(source.get().candles(symbol, tf, options.historyLimit(), OptionalLong.empty()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .whenCompleteAsync(
                        (ignored, error) -> {
                            if (owner.closed() || generation != sync.generation()) {
                                return;
                            }
                            if (error != null) {
                                retryLater(symbol, sync, generation, repair, history, error);
                                return;
                            }
                            List<CandlePage> pages = answers.stream()
                                    .map(CompletableFuture::join)
                                    .toList();
                            for (CandlePage page : pages) {
                                String known = owner.epoch();
                                if (page.epoch() != null
                                        && known != null
                                        && !page.epoch().equals(known)) {
                                    owner.epochChanged(page.epoch());
                                    return;
                                }
                            }
                            if (pages.stream().allMatch(p -> p.lastSeq() >= 0)) {
                                exactSnapshots = true;
                                List<History> histories = new ArrayList<>();
                                for (int i = 0; i < pages.size(); i++) {
                                    histories.add(new History(
                                            timeframes.get(i),
                                            pages.get(i).candles(),
                                            pages.get(i).lastSeq()));
                                }
                                finish(symbol, sync, generation, repair, history, histories);
                            } else {
                                rebuildOpenCandles(symbol, sync, generation, repair, history, timeframes, pages);
                            }
                        },
                        loop);
    }

    /** Closed candles from the pages, the open ones from the recent trades when the feed has them. */
    private void rebuildOpenCandles(
            String symbol,
            SymbolSync sync,
            int generation,
            boolean repair,
            FormatHistory history,
            List<Timeframe> timeframes,
            List<CandlePage> pages) {
        long now = loop.currentTimeMillis();
        long openStart =
                timeframes.stream().mapToLong(tf -> tf.bucketStart(now)).min().orElse(now);
        Optional<RecentTrades> recent = history.recentTrades();
        CompletableFuture<List<Tick>> trades = recent.isPresent()
                ? recent.get().tradesSince(symbol, openStart, MAX_OPEN_CANDLE_TRADES)
                : CompletableFuture.failedFuture(new IllegalStateException("the feed gives no recent trades"));
        trades.whenCompleteAsync(
                (list, error) -> {
                    if (owner.closed() || generation != sync.generation()) {
                        return;
                    }
                    List<History> histories = new ArrayList<>();
                    boolean exact = error == null;
                    long lastSeq =
                            exact && !list.isEmpty() ? list.get(list.size() - 1).seq() : -1;
                    CandleBook rebuilt = exact ? rebuild(symbol, list, timeframes) : null;
                    for (int i = 0; i < timeframes.size(); i++) {
                        Timeframe tf = timeframes.get(i);
                        List<Candle> candles = new ArrayList<>();
                        for (Candle c : pages.get(i).candles()) {
                            if (c.time() < openStart) {
                                candles.add(c);
                            }
                        }
                        if (rebuilt != null) {
                            candles.addAll(rebuilt.candles(tf, Integer.MAX_VALUE));
                        }
                        histories.add(new History(tf, candles, lastSeq));
                    }
                    if (!exact) {
                        LOG.info(
                                "the open candles of {} cannot be rebuilt ({}): replaced once they close",
                                symbol,
                                FeedClient.rootMessage(error));
                        owner.replaceOnceClosed(symbol, openStart, now);
                    }
                    finish(symbol, sync, generation, repair, history, histories);
                },
                loop);
    }

    private static CandleBook rebuild(String symbol, List<Tick> trades, List<Timeframe> timeframes) {
        CandleBook book = new CandleBook(symbol, EnumSet.copyOf(timeframes), Math.max(16, trades.size()));
        for (Tick t : trades) {
            book.apply(t.seq(), t.time(), t.price(), t.size());
        }
        return book;
    }

    private void finish(
            String symbol,
            SymbolSync sync,
            int generation,
            boolean repair,
            FormatHistory history,
            List<History> histories) {
        int replayed = sync.finish(generation, histories);
        LOG.debug("history of {} for generation {}: replayed {}", symbol, generation, replayed);
        if (replayed >= 0) {
            backoff.reset();
            owner.loaded(symbol, repair);
        } else if (sync.syncing()) {
            // The answer did not join up with the ticks held back: fetch again, after a pause.
            int next = sync.generation();
            loop.schedule(() -> load(symbol, sync, next, repair, history), backoff.nextDelayMillis());
        }
    }

    private void retryLater(
            String symbol, SymbolSync sync, int generation, boolean repair, FormatHistory history, Throwable error) {
        long delay = backoff.nextDelayMillis();
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RateLimitedException limited) {
            delay = Math.max(delay, limited.retryAfter().toMillis());
        }
        LOG.info("history for {} failed ({}); retrying in {} ms", symbol, FeedClient.rootMessage(error), delay);
        if (!repair && history.recentTrades().isPresent()) {
            // An exchange whose REST does not answer (blocked, down, rate limited): a chart that waits for it would
            // show nothing at all. Its live trades are counted meanwhile; the next load begins a new sync, which
            // holds ticks again and lays the REST candles and the rebuilt open candle under them.
            sync.finishWithoutHistory();
            owner.historyUnavailable(symbol, FeedClient.rootMessage(error));
            loop.schedule(
                    () -> {
                        int next = owner.closed() ? -1 : sync.resync();
                        if (next >= 0) {
                            load(symbol, sync, next, false, history);
                        }
                    },
                    delay);
            return;
        }
        loop.schedule(() -> load(symbol, sync, generation, repair, history), delay);
    }

    private List<Timeframe> timeframes(CandleBook book) {
        Set<Timeframe> kept = book.timeframes();
        return options.historyTimeframes().stream().filter(kept::contains).toList();
    }
}
