package com.klinelive.feed;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.format.TradeRepair;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.rest.RateLimitedException;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.feed.rest.RestException;
import com.klinelive.model.Tick;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The symbols' {@link SymbolSync}s, with what they share: the feed's epoch, its format's history, the backfill of
 * every new symbol, and the repair of gaps. A gap is repaired by the format's trade repair where it has one (the
 * missing trades fetched by id), else by reloading history where the feed's candles are exact snapshots (ours),
 * else by replacing the candles the gap touched from REST candles once they close. Where trade ids cannot show a
 * gap at all (Bybit's skip), every closed candle is checked against the REST candles and replaced if it differs.
 * Each repair, like each outage, is marked in {@link FeedMarks}; a REST answer that cannot be used is a counted
 * rejection.
 *
 * <p>Threads: {@link #syncFor} is called by network threads; everything else on the control thread.
 */
final class SymbolSyncs {

    private static final Logger LOG = LoggerFactory.getLogger(SymbolSyncs.class);
    /** How long ticks ahead of a missing sequence wait for it before it counts as a gap. */
    static final long GAP_GRACE_NANOS = 2_000_000_000L;
    /** Most trades fetched to fill one gap; a longer one is repaired by the other means. */
    static final long MAX_REPAIR_TRADES = 100_000;
    /** Times the missing trades of a gap are asked for before the gap is repaired otherwise. */
    static final int REPAIR_ATTEMPTS = 3;

    private final CandleAggregator aggregator;
    private final FeedOptions options;
    private final FeedMetrics metrics;
    private final ControlLoop loop;
    private final FeedListeners listeners;
    private final RestClient rest;
    private final Consumer<String> newSymbol;
    private final Rejections rejections;
    private final FeedMarks marks;
    private final HistoryLoader loader;
    private final CandleReplacements replacements;
    private final Map<String, SymbolSync> syncs = new ConcurrentHashMap<>();
    /** Control thread: the syncs that reload history to repair something, with where and why it began. */
    private final Map<String, FeedMark> reloading = new HashMap<>();
    /**
     * Control thread: per symbol, the open candles its backfill could not rebuild, where every candle is checked
     * anyway: that they differ from the exchange's is expected, not a gap.
     */
    private final Map<String, FeedMark> notRebuilt = new HashMap<>();

    // Set once the format is known (by the network thread that learns it, before it decodes); read by all.
    private volatile FeedFormat format;
    private volatile FormatHistory history = FormatHistory.NONE;
    private volatile boolean repairsGaps;
    /** The feed's ids cannot show a gap but it has REST candles: every closed candle is checked against them. */
    private volatile boolean checksClosedCandles;

    private volatile String epoch;
    private volatile boolean closed;

    /**
     * @param newSymbol hears each symbol seen for the first time, on the thread that saw it
     */
    SymbolSyncs(
            CandleAggregator aggregator,
            FeedOptions options,
            FeedMetrics metrics,
            ControlLoop loop,
            FeedListeners listeners,
            RestClient rest,
            Backoff historyBackoff,
            Rejections rejections,
            FeedMarks marks,
            Consumer<String> newSymbol) {
        this.aggregator = aggregator;
        this.options = options;
        this.metrics = metrics;
        this.loop = loop;
        this.listeners = listeners;
        this.rest = rest;
        this.newSymbol = newSymbol;
        this.rejections = rejections;
        this.marks = marks;
        this.loader = new HistoryLoader(options, loop, new LoaderOwner(), historyBackoff);
        this.replacements = new CandleReplacements(metrics::gapRepaired, marks::add);
    }

    /** The feed's format is known: its history and sequence rules apply to every sync made from now on. */
    synchronized void useFormat(FeedFormat known) {
        if (format == known) {
            return;
        }
        format = known;
        history = known.history(
                new HistoryContext(rest, options.endpoint().http().orElse(null), options.formatSettings()));
        boolean canRepair =
                history.tradeRepair().isPresent() || history.candles().isPresent();
        repairsGaps = known.consecutiveSequences(options.formatSettings()) && canRepair;
        checksClosedCandles = !known.consecutiveSequences(options.formatSettings())
                && history.candles().isPresent()
                && history.recentTrades().isPresent();
    }

    /**
     * A REST request for {@code what} failed: an answer the REST client refused (an HTML page, not JSON, too large,
     * an HTTP error) is a counted rejection with its reason; a rate limit or a network failure is not.
     */
    void restFailed(String what, Throwable error) {
        Throwable root = error;
        while ((root instanceof CompletionException || root instanceof ExecutionException) && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof RateLimitedException) {
            return;
        }
        if (root instanceof RestException) {
            rejections.reject(root.getMessage() + " (" + what + ")", null);
        }
    }

    FormatHistory history() {
        return history;
    }

    /** Whether sequence numbers are checked for gaps (false before the format is known). */
    boolean checksSequence() {
        FeedFormat f = format;
        return f == null || f.consecutiveSequences(options.formatSettings());
    }

    /**
     * The sync of {@code symbol}, made on first use, with its backfill begun where the feed has history (so no
     * tick is counted before it); null when the aggregator holds no more symbols.
     */
    SymbolSync syncFor(String symbol) {
        SymbolSync sync = syncs.get(symbol);
        if (sync != null) {
            return sync;
        }
        CandleBook book = aggregator.bookFor(symbol);
        if (book == null) {
            return null;
        }
        SymbolSync made = new SymbolSync(book, repairsGaps, metrics);
        SymbolSync raced = syncs.putIfAbsent(symbol, made);
        if (raced != null) {
            return raced;
        }
        FormatHistory known = history;
        if (known.candles().isPresent() && !options.historyTimeframes().isEmpty()) {
            int generation = made.beginBackfill();
            loop.execute(() -> loader.load(symbol, made, generation, false, known));
        }
        newSymbol.accept(symbol);
        return made;
    }

    /** Makes the syncs of {@code symbols} (their backfills begin) before their ticks can arrive. */
    void backfill(Collection<String> symbols) {
        symbols.forEach(this::syncFor);
    }

    /** The last sequence held for {@code symbol}, or -1: where a resumed stream starts. */
    long resumeFrom(String symbol) {
        SymbolSync sync = syncs.get(symbol);
        return sync == null ? -1 : sync.lastSeq();
    }

    /** The symbols seen so far, sorted. */
    List<String> symbolsSeen() {
        List<String> seen = new ArrayList<>(syncs.keySet());
        seen.sort(null);
        return List.copyOf(seen);
    }

    String epoch() {
        return epoch;
    }

    /**
     * A new epoch means the feed restarted: every symbol starts over from history. Returns whether it did. Called
     * by the network thread that read the epoch, before it counts the ticks that follow it: the restarted
     * sequence numbers must not meet the old ones.
     */
    synchronized boolean checkEpoch(String newEpoch) {
        if (newEpoch == null || newEpoch.isEmpty()) {
            return false;
        }
        String old = epoch;
        epoch = newEpoch;
        if (old == null || old.equals(newEpoch)) {
            return false;
        }
        LOG.info("the feed restarted (new epoch): rebuilding candles from history");
        long now = loop.currentTimeMillis();
        for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
            reloadingFrom(e.getKey(), e.getValue(), now, "history reloaded: the feed restarted");
            int generation = e.getValue().restart();
            loop.execute(() -> loader.load(e.getKey(), e.getValue(), generation, true, history));
        }
        return true;
    }

    /**
     * The feed said our sequence for {@code symbol} is gone: continue after {@code seq}, from history. Called by
     * the network thread that read it, before the ticks after it.
     */
    void reset(String symbol, long seq) {
        SymbolSync sync = syncFor(symbol);
        if (sync != null) {
            metrics.gapFound();
            reloadingFrom(symbol, sync, loop.currentTimeMillis(), "history reloaded: the feed reset the sequence");
            int generation = sync.reset(seq);
            loop.execute(() -> loader.load(symbol, sync, generation, true, history));
        }
    }

    /** Finds gaps older than the grace time, repairs them, and replaces candles that closed since a gap. */
    void checkGaps(long nowNanos) {
        for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
            SymbolSync.Gap gap = e.getValue().gapOlderThan(nowNanos, GAP_GRACE_NANOS);
            if (gap != null) {
                metrics.gapFound();
                LOG.info("gap in {} after {}: repairing", e.getKey(), gap.afterSeq());
                repair(e.getKey(), e.getValue(), gap);
            }
        }
        if (checksClosedCandles) {
            long now = loop.currentTimeMillis();
            for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
                if (e.getValue().phase() == SymbolSync.Phase.LIVE) {
                    String symbol = e.getKey();
                    replacements.checkClosed(
                            symbol,
                            e.getValue().book(),
                            options.historyTimeframes(),
                            now,
                            r -> candlesDiffered(symbol, r));
                }
            }
        }
        if (!replacements.isEmpty()) {
            history.candles()
                    .ifPresent(source -> replacements.replaceClosed(
                            loop.currentTimeMillis(),
                            source,
                            loop,
                            s -> listeners.candles(s, loop.nanoTime()),
                            error -> restFailed("candles to replace", error)));
        }
    }

    /**
     * Checked candles of {@code symbol} differed from the feed's and were replaced: trades were missed there (a gap
     * its ids could not show). Counted and marked once per stretch, however many timeframes show it.
     */
    private void candlesDiffered(String symbol, CandleReplacements.Replaced r) {
        boolean known = marks.of(symbol).marks().stream()
                .anyMatch(m -> m.kind() == FeedMark.Kind.REPAIR
                        && m.fromMillis() < r.toMillis()
                        && m.toMillis() > r.fromMillis());
        if (known) {
            return;
        }
        FeedMark open = notRebuilt.get(symbol);
        if (open != null && r.fromMillis() <= open.toMillis() && r.toMillis() > open.fromMillis()) {
            marks.add(symbol, new FeedMark(open.kind(), r.fromMillis(), r.toMillis(), false, open.text()));
            return;
        }
        metrics.gapFound();
        metrics.gapRepaired();
        marks.add(
                symbol,
                new FeedMark(
                        FeedMark.Kind.REPAIR,
                        r.fromMillis(),
                        r.toMillis(),
                        false,
                        r.count() + " " + r.timeframe().label() + (r.count() == 1 ? " candle" : " candles")
                                + " differed from the exchange's: replaced from its REST candles"));
    }

    /** Notes that {@code symbol} reloads its history to repair what happened since its last trade. */
    private void reloadingFrom(String symbol, SymbolSync sync, long nowMillis, String why) {
        long from = sync.lastTime() > 0 ? Math.min(sync.lastTime(), nowMillis) : nowMillis;
        reloading.putIfAbsent(symbol, new FeedMark(FeedMark.Kind.REPAIR, from, nowMillis, false, why));
    }

    private void repair(String symbol, SymbolSync sync, SymbolSync.Gap gap) {
        Optional<TradeRepair> trades = history.tradeRepair();
        boolean fillable = gap.afterSeq() >= 0
                && gap.beforeSeq() != Long.MAX_VALUE
                && gap.beforeSeq() - gap.afterSeq() - 1 <= MAX_REPAIR_TRADES;
        if (trades.isPresent() && fillable) {
            TradeGap wanted = new TradeGap(symbol, gap.afterSeq(), gap.afterTime(), gap.beforeSeq(), gap.beforeTime());
            fetchMissing(symbol, sync, trades.get(), wanted, 1);
        } else {
            repairWithoutTrades(symbol, sync, gap.afterTime());
        }
    }

    /**
     * Fetches the trades of {@code gap} and fills it; a failed request is made again (a rate-limited host is asked
     * only once it takes requests again) up to {@link #REPAIR_ATTEMPTS} times, then the gap is repaired otherwise.
     */
    private void fetchMissing(String symbol, SymbolSync sync, TradeRepair trades, TradeGap gap, int attempt) {
        trades.missingTrades(gap)
                .whenCompleteAsync(
                        (missing, error) -> {
                            if (closed) {
                                return;
                            }
                            if (error == null) {
                                filled(symbol, sync, gap, missing);
                                return;
                            }
                            restFailed("the missing trades", error);
                            if (attempt < REPAIR_ATTEMPTS) {
                                long delay = 500L << attempt;
                                Throwable cause = error.getCause() != null ? error.getCause() : error;
                                if (cause instanceof RateLimitedException limited) {
                                    delay = Math.max(delay, limited.retryAfter().toMillis());
                                }
                                LOG.info(
                                        "trades missing in {} could not be fetched ({}): asking again in {} ms",
                                        symbol,
                                        FeedClient.rootMessage(error),
                                        delay);
                                loop.schedule(() -> fetchMissing(symbol, sync, trades, gap, attempt + 1), delay);
                            } else {
                                LOG.info(
                                        "trades missing in {} could not be fetched ({}): repairing otherwise",
                                        symbol,
                                        FeedClient.rootMessage(error));
                                repairWithoutTrades(symbol, sync, gap.afterTime());
                            }
                        },
                        loop);
    }

    private void filled(String symbol, SymbolSync sync, TradeGap gap, List<Tick> missing) {
        if (sync.fill(missing, gap.beforeSeq(), loop.nanoTime())) {
            metrics.gapRepaired();
            marks.add(
                    symbol,
                    new FeedMark(
                            FeedMark.Kind.REPAIR,
                            Math.min(gap.afterTime(), gap.beforeTime()),
                            Math.max(gap.afterTime(), gap.beforeTime()),
                            false,
                            gap.missing() + (gap.missing() == 1 ? " missing trade" : " missing trades")
                                    + " fetched by id (" + (gap.afterSeq() + 1) + " to " + (gap.beforeSeq() - 1)
                                    + ")"));
            listeners.candles(symbol, loop.nanoTime());
        }
        // Filled only in part: the rest is reported again as a gap of its own.
    }

    private void repairWithoutTrades(String symbol, SymbolSync sync, long fromTime) {
        if (history.candles().isPresent() && loader.exactSnapshots()) {
            reloadingFrom(symbol, sync, loop.currentTimeMillis(), "history reloaded after missing trades");
            loader.load(symbol, sync, sync.beginResync(), true, history);
        } else {
            long[] range = sync.countWaitingAsTheyCome();
            listeners.candles(symbol, loop.nanoTime());
            if (history.candles().isPresent()) {
                long from = Math.min(fromTime, range[0]);
                replaceOnceClosed(
                        symbol, from, range[1], true, "candles replaced from REST candles after missing trades");
            }
        }
    }

    private void replaceOnceClosed(String symbol, long fromTime, long toTime, boolean gap, String text) {
        SymbolSync sync = syncs.get(symbol);
        if (sync != null) {
            replacements.add(symbol, sync.book(), options.historyTimeframes(), fromTime, toTime, gap, text);
        }
    }

    /** Live, or what the worst symbol is doing (repairing before backfilling). */
    SyncState state() {
        SyncState worst = SyncState.LIVE;
        for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
            SymbolSync.Phase phase = e.getValue().phase();
            if (phase == SymbolSync.Phase.REPAIRING || replacements.pendingFor(e.getKey())) {
                return SyncState.REPAIRING;
            }
            if (phase == SymbolSync.Phase.BACKFILLING) {
                worst = SyncState.BACKFILLING;
            }
        }
        return worst;
    }

    long ticksCounted() {
        long sum = 0;
        for (SymbolSync sync : syncs.values()) {
            sum += sync.ticksCounted();
        }
        return sum;
    }

    void close() {
        closed = true;
    }

    /** The loader's view of these syncs. */
    private final class LoaderOwner implements HistoryLoader.Owner {
        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public String epoch() {
            return epoch;
        }

        @Override
        public void epochChanged(String newEpoch) {
            checkEpoch(newEpoch);
        }

        @Override
        public void loaded(String symbol, boolean repair) {
            metrics.historyProblem("");
            FeedMark reload = reloading.remove(symbol);
            replacements.restartChecks(symbol);
            if (repair) {
                metrics.gapRepaired();
                long now = loop.currentTimeMillis();
                FeedMark began = reload != null
                        ? reload
                        : new FeedMark(FeedMark.Kind.REPAIR, now, now, false, "history reloaded");
                marks.add(
                        symbol,
                        new FeedMark(
                                began.kind(),
                                began.fromMillis(),
                                Math.max(began.fromMillis(), now),
                                false,
                                began.text()));
            }
            listeners.candles(symbol, loop.nanoTime());
        }

        @Override
        public void historyUnavailable(String symbol, String why) {
            metrics.historyProblem("no history for " + symbol + " yet: " + why);
        }

        @Override
        public void restFailed(String symbol, Throwable error) {
            SymbolSyncs.this.restFailed("history of " + symbol, error);
        }

        @Override
        public void replaceOnceClosed(String symbol, long fromTime, long toTime, String why) {
            String text = "open candles replaced from REST candles once closed (" + why + ")";
            if (checksClosedCandles) {
                // Checked like every candle; a difference there is this, not a gap.
                notRebuilt.put(
                        symbol, new FeedMark(FeedMark.Kind.REPAIR, fromTime, Math.max(fromTime, toTime), false, text));
                return;
            }
            SymbolSyncs.this.replaceOnceClosed(symbol, fromTime, toTime, false, text);
        }
    }
}
