package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.candle.TickOutcome;
import com.klinelive.model.Tick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one symbol's candles equal to the feed's.
 *
 * <p>Ticks are counted in sequence order: {@link #lastSeq()} is the highest sequence up to which every tick
 * arrived. A tick ahead of it waits (bounded) for the ones in between, which usually come a moment later (a
 * server streams live before it has replayed what a resuming client missed). If they do not come within a grace
 * time, that is a gap ({@link #gapOlderThan}), reported once; {@link SymbolSyncs} then repairs it in one of three
 * ways: it {@link #fill}s the hole with the missing trades, or it begins a sync ({@link #beginResync}) that holds
 * live ticks back until history is loaded under them, or it gives up the order ({@link #countWaitingAsTheyCome})
 * and has the candles replaced later. Counting in order also keeps floating-point volume sums identical to the
 * server's.
 *
 * <p>Thread-safe: network threads deliver ticks, the control thread checks gaps and loads history.
 */
final class SymbolSync {

    /** What became of a tick. */
    enum Result {
        COUNTED,
        DUPLICATE,
        TOO_LATE,
        WAITING,
        HELD_BACK
    }

    /** Ticks waiting or held back; beyond this the sync starts over rather than grow memory. */
    static final int MAX_BUFFERED = 500_000;

    /**
     * The hole before ticks that waited too long: trades after {@code afterSeq} and before {@code beforeSeq} are
     * missing. {@code afterSeq} is -1 when nothing was counted yet.
     */
    record Gap(long afterSeq, long afterTime, long beforeSeq, long beforeTime) {}

    /** What the sync is doing, for the status bar. */
    enum Phase {
        LIVE,
        BACKFILLING,
        REPAIRING
    }

    private final CandleBook book;
    private final boolean repairsGaps;
    private final FeedMetrics metrics;
    private long lastSeq = -1;
    /** The time of the tick at {@link #lastSeq}, for repairs by time. */
    private long lastTime;
    /** A gap was reported and is being repaired: not reported again. */
    private boolean gapReported;
    /** The sync under way repairs a gap or reset rather than backfilling. */
    private boolean repairing;

    private final TreeMap<Long, Tick> ahead = new TreeMap<>();
    private long aheadSinceNanos;
    private boolean syncing;
    private boolean backfilled;
    private int generation;
    private boolean overflowed;
    private final List<Tick> heldBack = new ArrayList<>();
    /**
     * Ticks counted in the book, for {@link FeedMetrics}. Written only under this sync's lock, so a release store
     * does, with no atomic add; read without the lock, so a status bar never waits for a sync.
     */
    private final AtomicLong ticksCounted = new AtomicLong();
    /** Outcomes of the last run counted at once, reused. */
    private TickOutcome[] outcomes = new TickOutcome[64];

    /**
     * @param book        the symbol's candles
     * @param repairsGaps whether the feed has history to repair gaps from (our protocol); without it ticks are
     *                    counted as they come
     * @param metrics     where duplicate and too-late ticks are tallied
     */
    SymbolSync(CandleBook book, boolean repairsGaps, FeedMetrics metrics) {
        this.book = book;
        this.repairsGaps = repairsGaps;
        this.metrics = metrics;
    }

    CandleBook book() {
        return book;
    }

    /** The sequence up to which every tick arrived: where to resume from; -1 when none. */
    synchronized long lastSeq() {
        return lastSeq;
    }

    synchronized boolean syncing() {
        return syncing;
    }

    synchronized Phase phase() {
        if (syncing) {
            return repairing ? Phase.REPAIRING : Phase.BACKFILLING;
        }
        return gapReported ? Phase.REPAIRING : Phase.LIVE;
    }

    /** How many ticks were counted in the book so far. */
    long ticksCounted() {
        return ticksCounted.get();
    }

    /** The generation of the current sync; a history answer for an older one is stale. */
    synchronized int generation() {
        return generation;
    }

    /**
     * Takes one live tick of this symbol: counts it, or lets it wait for the ticks before it, or holds it back
     * during a sync. In fields rather than a {@link Tick}: one is made only for a tick that has to wait.
     */
    synchronized Result onTick(long seq, long time, double price, double size, long nowNanos) {
        if (!repairsGaps || lastSeq < 0 || seq <= lastSeq) {
            if (seq > lastSeq) {
                lastSeq = seq;
                lastTime = time;
            }
            return syncing ? holdBack(tick(seq, time, price, size)) : count(seq, time, price, size);
        }
        if (seq == lastSeq + 1) {
            lastSeq = seq;
            lastTime = time;
            Result result = syncing ? holdBack(tick(seq, time, price, size)) : count(seq, time, price, size);
            drainAhead();
            return result;
        }
        if (ahead.isEmpty()) {
            aheadSinceNanos = nowNanos;
        }
        if (ahead.size() >= MAX_BUFFERED) {
            overflowed = true;
            ahead.clear();
        }
        ahead.put(seq, tick(seq, time, price, size));
        return Result.WAITING;
    }

    /**
     * Takes the live ticks {@code 0} to {@code count - 1} of these columns, oldest first, as {@link #onTick} would
     * one by one. A run that follows on in sequence (the usual case) is counted in one go: one lock of the book,
     * one version change, no tick objects. Returns whether any tick was counted, held back or left waiting.
     */
    synchronized boolean onTicks(long[] seqs, long[] times, double[] prices, double[] sizes, int count, long nowNanos) {
        boolean changed = false;
        int i = 0;
        while (i < count) {
            int end = syncing || !ahead.isEmpty() ? i : inOrderRunEnd(seqs, times, i, count);
            if (end > i) {
                changed |= countRun(seqs, times, prices, sizes, i, end) > 0;
                i = end;
            } else {
                // Waiting, held back or after a gap: the tick-by-tick path.
                Result result = onTick(seqs[i], times[i], prices[i], sizes[i], nowNanos);
                changed |= result != Result.DUPLICATE && result != Result.TOO_LATE;
                i++;
            }
        }
        return changed;
    }

    /**
     * The end of the run of ticks from {@code from} that {@link #onTick} would count at once, neither waiting for
     * missing ones nor waking waiting ones (there are none); advances {@link #lastSeq} over it, as onTick would.
     */
    private int inOrderRunEnd(long[] seqs, long[] times, int from, int count) {
        int i = from;
        while (i < count) {
            long seq = seqs[i];
            if (!repairsGaps || lastSeq < 0 || seq <= lastSeq + 1) {
                if (seq > lastSeq) {
                    lastSeq = seq;
                    lastTime = times[i];
                }
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Counts a run of ticks in the book under one lock; returns how many were counted. */
    private int countRun(long[] seqs, long[] times, double[] prices, double[] sizes, int from, int to) {
        if (outcomes.length < to) {
            outcomes = new TickOutcome[Math.max(to, outcomes.length * 2)];
        }
        int counted = book.apply(seqs, times, prices, sizes, from, to, outcomes);
        addCounted(counted);
        if (counted < to - from) {
            for (int i = from; i < to; i++) {
                if (outcomes[i] == TickOutcome.DUPLICATE) {
                    metrics.duplicateDropped();
                } else if (outcomes[i] != TickOutcome.ACCEPTED) {
                    metrics.tooLate();
                }
            }
        }
        return counted;
    }

    /**
     * The gap before ticks that have been waiting longer than {@code graceNanos} for missing ones, or null. A gap
     * is reported once, until {@link #fill}, {@link #beginResync} or {@link #countWaitingAsTheyCome} deals with
     * it. After an overflow of waiting ticks the hole is unknown: the gap reported spans from {@link #lastSeq} to
     * {@code Long.MAX_VALUE}, and only a resync can repair it.
     */
    synchronized Gap gapOlderThan(long nowNanos, long graceNanos) {
        if (gapReported || syncing || !(overflowed || !ahead.isEmpty() && nowNanos - aheadSinceNanos > graceNanos)) {
            return null;
        }
        gapReported = true;
        if (overflowed || ahead.isEmpty()) {
            return new Gap(lastSeq, lastTime, Long.MAX_VALUE, Long.MAX_VALUE);
        }
        Tick first = ahead.firstEntry().getValue();
        return new Gap(lastSeq, lastTime, first.seq(), first.time());
    }

    /**
     * Repairs the reported gap by a sync: the waiting ticks are held back, a sync begins (history is to be loaded
     * under them), and its generation is returned.
     */
    synchronized int beginResync() {
        if (!ahead.isEmpty()) {
            lastSeq = ahead.lastKey();
        }
        int g = beginSync();
        repairing = true;
        heldBack.addAll(ahead.values());
        ahead.clear();
        return g;
    }

    /**
     * Fills the reported gap with the trades that were missing, in sequence order: they are counted and the
     * waiting ticks after them follow. Returns whether the hole is closed; if not (some trades still missing, or
     * a resync began meanwhile) the gap may be reported again.
     */
    synchronized boolean fill(List<Tick> missing, long nowNanos) {
        gapReported = false;
        if (syncing) {
            return false;
        }
        List<Tick> sorted = new ArrayList<>(missing);
        sorted.sort(Comparator.comparingLong(Tick::seq));
        for (Tick t : sorted) {
            if (t.seq() == lastSeq + 1) {
                lastSeq = t.seq();
                lastTime = t.time();
                count(t);
                drainAhead();
            }
        }
        if (ahead.isEmpty()) {
            return true;
        }
        // Ticks still wait behind a hole the trades did not fill: its grace time runs from now.
        aheadSinceNanos = nowNanos;
        return false;
    }

    /**
     * Gives up waiting for the reported gap: the waiting ticks are counted as they are, and the sequence goes on
     * after the last of them. Returns the time range the hole lies in (epoch milliseconds: the last tick before it
     * and the first after it), whose candles are to be replaced once they close.
     */
    synchronized long[] countWaitingAsTheyCome() {
        gapReported = false;
        long from = lastTime;
        long to = ahead.isEmpty() ? lastTime : ahead.firstEntry().getValue().time();
        for (Tick t : ahead.values()) {
            lastSeq = Math.max(lastSeq, t.seq());
            lastTime = t.time();
            if (syncing) {
                holdBack(t);
            } else {
                count(t);
            }
        }
        ahead.clear();
        overflowed = false;
        return new long[] {from, to};
    }

    /**
     * Begins the first sync of this symbol, the backfill, unless one began before. Returns its generation, or -1
     * when there is nothing to do. Called before ticks can arrive, so none is counted ahead of the history.
     */
    synchronized int beginBackfill() {
        if (backfilled) {
            return -1;
        }
        int g = beginSync();
        repairing = false;
        return g;
    }

    /** The server said our sequence is older than it keeps: continue after {@code seq}, from history. */
    synchronized int reset(long seq) {
        lastSeq = Math.max(seq, -1);
        heldBack.clear();
        ahead.clear();
        int g = beginSync();
        repairing = true;
        return g;
    }

    /** The feed restarted its numbering: forget everything and sync from scratch. */
    synchronized int restart() {
        lastSeq = -1;
        heldBack.clear();
        ahead.clear();
        book.clear();
        int g = beginSync();
        repairing = true;
        return g;
    }

    /**
     * Loads history fetched for {@code generation} and replays the held-back ticks after it, in order. Returns the
     * number of ticks replayed, or -1 when the answer is stale or does not join up with the ticks held back (some
     * were missed in between): then a new generation has begun and the caller fetches again.
     */
    synchronized int finish(int generation, List<History> histories) {
        if (generation != this.generation || !syncing) {
            return -1;
        }
        long floor = histories.stream().mapToLong(History::lastSeq).min().orElse(-1);
        heldBack.sort(Comparator.comparingLong(Tick::seq));
        if (overflowed || !joinsUp(floor)) {
            beginSync();
            return -1;
        }
        book.loadHistory(histories);
        int replayed = 0;
        for (Tick t : heldBack) {
            if (t.seq() > floor && count(t) == Result.COUNTED) {
                replayed++;
            }
        }
        heldBack.clear();
        lastSeq = Math.max(lastSeq, floor);
        syncing = false;
        drainAhead();
        return replayed;
    }

    /**
     * Begins a new sync of a symbol that went live without its history (the feed's REST did not answer), so the
     * history can be loaded under the ticks after all. Returns its generation, or -1 when a sync is under way.
     */
    synchronized int resync() {
        return syncing ? -1 : beginSync();
    }

    /** No history to wait for (a feed without it): count what was held back and go live. */
    synchronized int finishWithoutHistory() {
        heldBack.sort(Comparator.comparingLong(Tick::seq));
        int counted = 0;
        for (Tick t : heldBack) {
            if (count(t) == Result.COUNTED) {
                counted++;
            }
        }
        heldBack.clear();
        syncing = false;
        overflowed = false;
        drainAhead();
        return counted;
    }

    private int beginSync() {
        backfilled = true;
        syncing = true;
        overflowed = false;
        gapReported = false;
        return ++generation;
    }

    /** Whether the held-back ticks above {@code floor} continue it without a hole (they are sorted). */
    private boolean joinsUp(long floor) {
        if (floor < 0) {
            return true;
        }
        long expected = floor + 1;
        for (Tick t : heldBack) {
            if (t.seq() > expected) {
                return false;
            }
            expected = Math.max(expected, t.seq() + 1);
        }
        return true;
    }

    private Tick tick(long seq, long time, double price, double size) {
        return new Tick(book.symbol(), seq, time, price, size);
    }

    /** Keeps a tick that arrived during a sync, to be replayed on top of the history. */
    private Result holdBack(Tick tick) {
        if (heldBack.size() >= MAX_BUFFERED) {
            // A history answer already on its way may not include the ticks we would drop: start over.
            heldBack.clear();
            overflowed = true;
        } else {
            heldBack.add(tick);
        }
        return Result.HELD_BACK;
    }

    private Result count(Tick tick) {
        return count(tick.seq(), tick.time(), tick.price(), tick.size());
    }

    private Result count(long seq, long time, double price, double size) {
        TickOutcome outcome = book.apply(seq, time, price, size);
        switch (outcome) {
            case ACCEPTED -> addCounted(1);
            case DUPLICATE -> metrics.duplicateDropped();
            default -> metrics.tooLate();
        }
        return outcome == TickOutcome.ACCEPTED
                ? Result.COUNTED
                : outcome == TickOutcome.DUPLICATE ? Result.DUPLICATE : Result.TOO_LATE;
    }

    private void addCounted(int count) {
        ticksCounted.lazySet(ticksCounted.get() + count);
    }

    /** Counts the waiting ticks that now follow on; drops those that turned out to be duplicates. */
    private void drainAhead() {
        while (!ahead.isEmpty() && ahead.firstKey() <= lastSeq + 1) {
            Tick next = ahead.pollFirstEntry().getValue();
            if (next.seq() == lastSeq + 1) {
                lastSeq = next.seq();
                lastTime = next.time();
                if (syncing) {
                    holdBack(next);
                } else {
                    count(next);
                }
            }
        }
    }
}
