package com.klinelive.feed;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.format.TradeRepair;
import com.klinelive.feed.rest.RestClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The symbols' {@link SymbolSync}s, with what they share: the feed's epoch, its format's history, the backfill of
 * every new symbol, and the repair of gaps. A gap is repaired by the format's trade repair where it has one (the
 * missing trades fetched by id), else by reloading history where the feed's candles are exact snapshots (ours),
 * else by replacing the candles the gap touched from REST candles once they close.
 *
 * <p>Threads: {@link #syncFor} is called by network threads; everything else on the control thread.
 */
final class SymbolSyncs {

    private static final Logger LOG = LoggerFactory.getLogger(SymbolSyncs.class);
    /** How long ticks ahead of a missing sequence wait for it before it counts as a gap. */
    static final long GAP_GRACE_NANOS = 2_000_000_000L;
    /** Most trades fetched to fill one gap; a longer one is repaired by the other means. */
    static final long MAX_REPAIR_TRADES = 100_000;

    private final CandleAggregator aggregator;
    private final FeedOptions options;
    private final FeedMetrics metrics;
    private final ControlLoop loop;
    private final FeedListeners listeners;
    private final RestClient rest;
    private final Consumer<String> newSymbol;
    private final HistoryLoader loader;
    private final CandleReplacements replacements;
    private final Map<String, SymbolSync> syncs = new ConcurrentHashMap<>();

    // Set once the format is known (by the network thread that learns it, before it decodes); read by all.
    private volatile FeedFormat format;
    private volatile FormatHistory history = FormatHistory.NONE;
    private volatile boolean repairsGaps;
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
            Consumer<String> newSymbol) {
        this.aggregator = aggregator;
        this.options = options;
        this.metrics = metrics;
        this.loop = loop;
        this.listeners = listeners;
        this.rest = rest;
        this.newSymbol = newSymbol;
        this.loader = new HistoryLoader(options, loop, new LoaderOwner(), historyBackoff);
        this.replacements = new CandleReplacements(metrics::gapRepaired);
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
        for (Map.Entry<String, SymbolSync> e : syncs.entrySet()) {
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
        if (!replacements.isEmpty()) {
            history.candles()
                    .ifPresent(source -> replacements.replaceClosed(
                            loop.currentTimeMillis(), source, loop, s -> listeners.candles(s, loop.nanoTime())));
        }
    }

    private void repair(String symbol, SymbolSync sync, SymbolSync.Gap gap) {
        Optional<TradeRepair> trades = history.tradeRepair();
        boolean fillable = gap.afterSeq() >= 0
                && gap.beforeSeq() != Long.MAX_VALUE
                && gap.beforeSeq() - gap.afterSeq() - 1 <= MAX_REPAIR_TRADES;
        if (trades.isPresent() && fillable) {
            TradeGap wanted = new TradeGap(symbol, gap.afterSeq(), gap.afterTime(), gap.beforeSeq(), gap.beforeTime());
            trades.get()
                    .missingTrades(wanted)
                    .whenCompleteAsync(
                            (missing, error) -> {
                                if (closed) {
                                    return;
                                }
                                if (error == null && sync.fill(missing, loop.nanoTime())) {
                                    metrics.gapRepaired();
                                    listeners.candles(symbol, loop.nanoTime());
                                } else if (error != null) {
                                    LOG.info(
                                            "trades missing in {} could not be fetched ({}): repairing otherwise",
                                            symbol,
                                            FeedClient.rootMessage(error));
                                    repairWithoutTrades(symbol, sync);
                                }
                                // Filled only in part: the rest is reported again as a gap of its own.
                            },
                            loop);
        } else {
            repairWithoutTrades(symbol, sync);
        }
    }

    private void repairWithoutTrades(String symbol, SymbolSync sync) {
        if (history.candles().isPresent() && loader.exactSnapshots()) {
            loader.load(symbol, sync, sync.beginResync(), true, history);
        } else {
            long[] range = sync.countWaitingAsTheyCome();
            listeners.candles(symbol, loop.nanoTime());
            if (history.candles().isPresent()) {
                replaceOnceClosed(symbol, range[0], range[1], true);
            }
        }
    }

    private void replaceOnceClosed(String symbol, long fromTime, long toTime, boolean gap) {
        SymbolSync sync = syncs.get(symbol);
        if (sync != null) {
            replacements.add(symbol, sync.book(), options.historyTimeframes(), fromTime, toTime, gap);
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
            if (repair) {
                metrics.gapRepaired();
            }
            listeners.candles(symbol, loop.nanoTime());
        }

        @Override
        public void historyUnavailable(String symbol, String why) {
            metrics.historyProblem("no history for " + symbol + " yet: " + why);
        }

        @Override
        public void replaceOnceClosed(String symbol, long fromTime, long toTime) {
            SymbolSyncs.this.replaceOnceClosed(symbol, fromTime, toTime, false);
        }
    }
}
