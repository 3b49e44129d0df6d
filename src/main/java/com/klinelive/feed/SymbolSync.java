package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.candle.TickOutcome;
import com.klinelive.model.Tick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps one symbol's candles equal to the feed's: remembers the last sequence received (to resume from and to see
 * gaps), and while history is being fetched holds live ticks back, to replay on top of the history once it is
 * loaded. Thread-safe: network threads deliver ticks, the control thread loads history.
 */
final class SymbolSync {

    /** What became of a tick. */
    enum Result { COUNTED, DUPLICATE, TOO_LATE, HELD_BACK, GAP }

    /** Ticks held back while history loads; beyond this the fetch starts over rather than grow memory. */
    static final int MAX_HELD_BACK = 500_000;

    private final CandleBook book;
    private final boolean repairsGaps;
    private long lastSeq = -1;
    private boolean syncing;
    private int generation;
    private boolean overflowed;
    private boolean backfilled;
    private final List<Tick> heldBack = new ArrayList<>();

    /**
     * @param book        the symbol's candles
     * @param repairsGaps whether the feed has history to repair gaps from (our protocol)
     */
    SymbolSync(CandleBook book, boolean repairsGaps) {
        this.book = book;
        this.repairsGaps = repairsGaps;
    }

    CandleBook book() {
        return book;
    }

    /** The highest sequence received, to resume from; -1 when none. */
    synchronized long lastSeq() {
        return lastSeq;
    }

    synchronized boolean syncing() {
        return syncing;
    }

    /** The generation of the current sync; a history answer for an older one is stale. */
    synchronized int generation() {
        return generation;
    }

    /**
     * Counts a live tick, or holds it back while history loads. A sequence jump starts a sync and returns
     * {@link Result#GAP}: the caller fetches history.
     */
    synchronized Result onTick(Tick tick) {
        boolean gap = repairsGaps && !syncing && lastSeq >= 0 && tick.seq() > lastSeq + 1;
        lastSeq = Math.max(lastSeq, tick.seq());
        if (gap) {
            beginSync();
        }
        if (syncing) {
            holdBack(tick);
            return gap ? Result.GAP : Result.HELD_BACK;
        }
        return count(tick);
    }

    /**
     * Starts (or restarts) a sync: live ticks are held back until {@link #finish} loads history. Returns the
     * generation the history answer must carry.
     */
    synchronized int beginSync() {
        backfilled = true;
        syncing = true;
        overflowed = false;
        return ++generation;
    }

    /**
     * Begins the first sync of this symbol, the backfill, unless one began before. Returns its generation, or -1
     * when there is nothing to do. Called before ticks can arrive, so none is counted ahead of the history.
     */
    synchronized int beginBackfill() {
        return backfilled ? -1 : beginSync();
    }

    /** The server said our sequence is older than it keeps: continue after {@code seq}, from history. */
    synchronized int reset(long seq) {
        lastSeq = Math.max(seq, -1);
        heldBack.clear();
        return beginSync();
    }

    /** The feed restarted its numbering: forget everything and sync from scratch. */
    synchronized int restart() {
        lastSeq = -1;
        heldBack.clear();
        book.clear();
        backfilled = true;
        return beginSync();
    }

    /**
     * Loads history fetched for {@code generation} and replays the held-back ticks after it. Returns false when
     * the answer is stale or does not join up with the live ticks (a tick in between was missed): then the caller
     * fetches again, with a new generation already begun.
     */
    synchronized boolean finish(int generation, List<History> histories, List<Tick> counted) {
        if (generation != this.generation || !syncing) {
            return false;
        }
        if (overflowed) {
            beginSync();
            return false;
        }
        long floor = histories.stream().mapToLong(History::lastSeq).min().orElse(-1);
        heldBack.sort(Comparator.comparingLong(Tick::seq));
        if (!heldBack.isEmpty() && floor >= 0 && heldBack.get(0).seq() > floor + 1) {
            // The history ends before the first live tick we hold: the ticks between were missed. Fetch again.
            beginSync();
            return false;
        }
        book.loadHistory(histories);
        for (Tick t : heldBack) {
            if (t.seq() > floor && book.apply(t) == TickOutcome.ACCEPTED) {
                counted.add(t);
            }
        }
        heldBack.clear();
        lastSeq = Math.max(lastSeq, floor);
        syncing = false;
        return true;
    }

    /** No history to wait for (a feed without it): count what was held back and go live. */
    synchronized void finishWithoutHistory(List<Tick> counted) {
        heldBack.sort(Comparator.comparingLong(Tick::seq));
        for (Tick t : heldBack) {
            if (book.apply(t) == TickOutcome.ACCEPTED) {
                counted.add(t);
            }
        }
        heldBack.clear();
        syncing = false;
    }

    private Result count(Tick tick) {
        return switch (book.apply(tick)) {
            case ACCEPTED -> Result.COUNTED;
            case DUPLICATE -> Result.DUPLICATE;
            default -> Result.TOO_LATE;
        };
    }

    private void holdBack(Tick tick) {
        if (heldBack.size() >= MAX_HELD_BACK) {
            // A history answer already on its way may not include the ticks we would drop: start over.
            heldBack.clear();
            overflowed = true;
            return;
        }
        heldBack.add(tick);
    }
}
