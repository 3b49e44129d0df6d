package com.klinelive.candle;

import com.klinelive.model.Candle;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * All candles of one symbol: one {@link CandleSeries} per timeframe, all fed from the same ticks, so switching
 * timeframe is instant and every timeframe agrees.
 *
 * <p>Threads: network threads write ({@link #apply}), the FX thread reads ({@link #read}) once per frame. One
 * read-write lock guards every series of the book, so a writer takes one lock per tick, or per batch of ticks,
 * however many timeframes there are, and a reader sees each tick counted in all timeframes or in none. {@link #version()} changes after
 * every write, so a reader can tell cheaply whether there is anything new to draw.
 *
 * <p>Longer than most: the book keeps bounds over its series so the common tick is counted without asking each timeframe;
 * that fast path and the slow one it falls back to belong together.
 */
public final class CandleBook {

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(CandleBook.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String symbol;
    private final CandleSeries[] series;
    private final long[] historySeq;
    private final SeqWindow seen = new SeqWindow();
    // What lets nearly every tick skip the per-timeframe checks of count, recomputed after any other change: the
    // newest start of all series (a trade from then on can be held by every one) and the first newest end (before
    // it, a trade falls in every newest candle); a trade above historyMax counts in every timeframe; and the last
    // trade counted, in trade order, which no series' newest candle has a later trade than.
    private long holdAllFrom = Long.MIN_VALUE;
    private long newestUntil = Long.MIN_VALUE;
    private long historyMax = -1;
    private long lastTime = Long.MIN_VALUE;
    private long lastSeq = Long.MIN_VALUE;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long version;
    private volatile TradeListener tradeListener;

    /**
     * @param symbol     the instrument
     * @param timeframes the timeframes to keep, at least one
     * @param capacity   most candles kept per timeframe
     */
    public CandleBook(String symbol, Set<Timeframe> timeframes, int capacity) {
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("no timeframes");
        }
        this.symbol = symbol;
        this.series = EnumSet.copyOf(timeframes).stream()
                .map(tf -> new CandleSeries(tf, capacity))
                .toArray(CandleSeries[]::new);
        this.historySeq = new long[series.length];
        Arrays.fill(historySeq, -1L);
    }

    public String symbol() {
        return symbol;
    }

    /** The timeframes this book keeps, shortest first. */
    public Set<Timeframe> timeframes() {
        Set<Timeframe> set = EnumSet.noneOf(Timeframe.class);
        for (CandleSeries s : series) {
            set.add(s.timeframe());
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Tells {@code listener} (null: nobody) of every trade counted from now on, after the lock is released; set it
     * before the trades flow.
     */
    public void tradeListener(TradeListener listener) {
        this.tradeListener = listener;
    }

    /** Counts one tick of this book's symbol in every timeframe. */
    public TickOutcome apply(Tick tick) {
        return apply(tick.seq(), tick.time(), tick.price(), tick.size());
    }

    /**
     * Counts one trade in every timeframe, unless its sequence was already counted or it is older than the
     * candles held for late updates; then nothing changes, and the sequence is not remembered.
     *
     * @param seq      per-symbol sequence number or trade id
     * @param time     event time, epoch milliseconds UTC
     * @param price    finite and &gt; 0
     * @param quantity finite and &ge; 0
     */
    public TickOutcome apply(long seq, long time, double price, double quantity) {
        TickOutcome outcome;
        lock.writeLock().lock();
        try {
            outcome = count(seq, time, price, quantity);
            if (outcome == TickOutcome.ACCEPTED) {
                changed();
            }
        } finally {
            lock.writeLock().unlock();
        }
        TradeListener listener = tradeListener;
        if (listener != null && outcome == TickOutcome.ACCEPTED) {
            listener.counted(symbol, seq, time, price, quantity);
        }
        return outcome;
    }

    /**
     * Counts the trades {@code from} to {@code to - 1} of these columns in that order, each as
     * {@link #apply(long, long, double, double)} would, under one lock and one version change: a reader sees the
     * whole run counted or none of it.
     *
     * @param outcomes where tick {@code i}'s outcome goes, at {@code outcomes[i]}; null if only the count matters
     * @return how many were accepted
     */
    public int apply(
            long[] seqs, long[] times, double[] prices, double[] quantities, int from, int to, TickOutcome[] outcomes) {
        int accepted = 0;
        TradeListener listener = tradeListener;
        TickOutcome[] results = outcomes == null && listener != null ? new TickOutcome[to] : outcomes;
        lock.writeLock().lock();
        try {
            for (int i = from; i < to; i++) {
                TickOutcome outcome = count(seqs[i], times[i], prices[i], quantities[i]);
                if (results != null) {
                    results[i] = outcome;
                }
                if (outcome == TickOutcome.ACCEPTED) {
                    accepted++;
                }
            }
            if (accepted > 0) {
                changed();
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (listener != null) {
            for (int i = from; i < to; i++) {
                if (results[i] == TickOutcome.ACCEPTED) {
                    listener.counted(symbol, seqs[i], times[i], prices[i], quantities[i]);
                }
            }
        }
        return accepted;
    }

    /** Counts one trade in every timeframe; the caller holds the write lock. */
    private TickOutcome count(long seq, long time, double price, double quantity) {
        switch (seen.check(seq)) {
            case DUPLICATE:
                return TickOutcome.DUPLICATE;
            case TOO_OLD:
                return TickOutcome.TOO_LATE;
            default:
                break;
        }
        boolean inOrder = time > lastTime || (time == lastTime && seq > lastSeq);
        if (inOrder && seq > historyMax && time >= holdAllFrom && time < newestUntil) {
            // Nearly every tick: the next trade, in the newest candle of every timeframe, newer than any history.
            seen.mark(seq);
            for (CandleSeries s : series) {
                s.addInOrder(seq, time, price, quantity);
            }
            lastTime = time;
            lastSeq = seq;
            return TickOutcome.ACCEPTED;
        }
        if (seq > historyMax && time >= holdAllFrom) {
            // A trade that opens a candle, or comes a little out of order: every series can still hold it.
            seen.mark(seq);
            for (CandleSeries s : series) {
                s.add(seq, time, price, quantity);
            }
            counted(time, seq, inOrder);
            return TickOutcome.ACCEPTED;
        }
        // All timeframes or none: refused by one, the tick is counted in no other.
        for (int i = 0; i < series.length; i++) {
            if (seq > historySeq[i] && !series[i].canHold(time)) {
                return TickOutcome.TOO_LATE;
            }
        }
        seen.mark(seq);
        for (int i = 0; i < series.length; i++) {
            // History loaded per timeframe may already hold this tick in some timeframes but not in others.
            if (seq > historySeq[i]) {
                series[i].add(seq, time, price, quantity);
            }
        }
        counted(time, seq, inOrder);
        return TickOutcome.ACCEPTED;
    }

    /** After a trade counted other than in-order in every newest candle: the shortcuts again. */
    private void counted(long time, long seq, boolean inOrder) {
        if (inOrder) {
            lastTime = time;
            lastSeq = seq;
        }
        refreshShortcuts();
    }

    /** Recomputes the shortcuts of {@link #count} from the series, after a change other than the common tick. */
    private void refreshShortcuts() {
        long from = Long.MIN_VALUE;
        long until = Long.MAX_VALUE;
        long history = -1;
        for (int i = 0; i < series.length; i++) {
            from = Math.max(from, series[i].holdsAllFrom());
            until = Math.min(until, series[i].newestEnd());
            history = Math.max(history, historySeq[i]);
        }
        holdAllFrom = from;
        newestUntil = until;
        historyMax = history;
    }

    /**
     * Loads the history of each given timeframe, atomically: its candles replace those from its first candle on.
     * Older candles stay when the book holds that first candle with exactly the history's values, so the history
     * continues them (cached candles, pages loaded by scrolling back); otherwise they go too. Each timeframe then
     * counts only ticks after its own {@link History#lastSeq()}; ticks at or below the lowest of them are
     * duplicates. Timeframes not given keep their candles.
     */
    public void loadHistory(List<History> histories) {
        lock.writeLock().lock();
        try {
            long lowest = Long.MAX_VALUE;
            for (History h : histories) {
                int i = indexOf(h.timeframe());
                series[i].load(h.candles());
                historySeq[i] = h.lastSeq();
                lowest = Math.min(lowest, h.lastSeq());
            }
            if (lowest != Long.MAX_VALUE) {
                seen.resetTo(lowest);
            }
            changed();
        } finally {
            // Also after history that failed to load part-way: the shortcuts must match what the series hold.
            refreshShortcuts();
            lock.writeLock().unlock();
        }
    }

    /**
     * Puts a page of older candles of {@code timeframe} in front of its oldest candle, under the write lock, so
     * live ticks go on around it and a reader sees the page whole or not at all; bumps the version and the
     * series' {@link CandleColumns#rewrites() rewrites} (indicators computed from the oldest candle on start
     * again). The page must have been asked for as the candles before {@code endExclusive}, the start of the
     * oldest candle then held: if that is no longer the oldest, nothing changes ({@link Prepended.Status#MOVED}).
     * The series' capacity bounds it: when full, the newest of the page that fit go in and the rest is refused
     * ({@link Prepended.Status#FULL}); the newest candles are never dropped for older ones.
     *
     * @param older oldest first, aligned to the timeframe, strictly increasing, all before {@code endExclusive}
     * @throws IllegalArgumentException when {@code older} breaks that, changing nothing
     */
    public Prepended prepend(Timeframe timeframe, long endExclusive, CandleColumns older) {
        Prepended result;
        lock.writeLock().lock();
        try {
            CandleSeries s = seriesOf(timeframe);
            if (s.size() == 0 || s.time(0) != endExclusive) {
                return new Prepended(0, Prepended.Status.MOVED);
            }
            int offered = older.size();
            int added = s.prepend(older, 0, offered);
            result = new Prepended(added, added < offered ? Prepended.Status.FULL : Prepended.Status.ADDED);
            if (added > 0) {
                changed();
            }
        } finally {
            lock.writeLock().unlock();
        }
        return result;
    }

    /**
     * The start of the oldest candle held in {@code timeframe}, epoch ms UTC, or {@link Long#MIN_VALUE} when there
     * is none: where a page of older candles ends (exclusive).
     */
    public long oldestTime(Timeframe timeframe) {
        return read(timeframe, columns -> columns.size() == 0 ? Long.MIN_VALUE : columns.time(0));
    }

    /** Whether the series of {@code timeframe} is at its capacity: no older candle can be put in front of it. */
    public boolean isFull(Timeframe timeframe) {
        lock.readLock().lock();
        try {
            CandleSeries s = seriesOf(timeframe);
            return s.size() >= s.capacity();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Puts a whole candle an exchange reported for {@code timeframe} (a Binance kline): it replaces the candle
     * with the same start, or joins the series in time order. Returns false when it is too old to be held.
     */
    public boolean putCandle(Timeframe timeframe, Candle candle) {
        lock.writeLock().lock();
        try {
            boolean put = seriesOf(timeframe).put(candle);
            if (put) {
                refreshShortcuts();
                changed();
            }
            return put;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops every candle and every remembered sequence (the feed restarted its sequence numbers). */
    public void clear() {
        lock.writeLock().lock();
        try {
            for (CandleSeries s : series) {
                s.clear();
            }
            Arrays.fill(historySeq, -1L);
            seen.clear();
            lastTime = Long.MIN_VALUE;
            lastSeq = Long.MIN_VALUE;
            refreshShortcuts();
            changed();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code reader} on the candles of {@code timeframe} under the read lock and returns its result. The
     * view is valid only inside the call: keep no reference to it. Writers wait meanwhile, so read briefly.
     */
    public <R> R read(Timeframe timeframe, Function<? super CandleColumns, R> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(seriesOf(timeframe));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of the newest {@code limit} candles of {@code timeframe}, oldest first. */
    public List<Candle> candles(Timeframe timeframe, int limit) {
        return read(timeframe, columns -> {
            int n = Math.min(limit, columns.size());
            List<Candle> out = new ArrayList<>(n);
            for (int i = columns.size() - n; i < columns.size(); i++) {
                out.add(columns.candle(i));
            }
            return out;
        });
    }

    /**
     * The last sequence of the feed history loaded for {@code timeframe} (its candles hold every trade up to it), or
     * -1 when no feed history was loaded since the book was made or cleared (candles loaded with
     * {@code lastSeq} -1, such as cached ones, do not count).
     */
    public long historySeq(Timeframe timeframe) {
        lock.readLock().lock();
        try {
            return historySeq[indexOf(timeframe)];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The highest sequence counted so far, or -1. */
    public long lastSeq() {
        lock.readLock().lock();
        try {
            return seen.highest();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Bumps the version; the caller holds the write lock, so no other writer races it. A release store is enough
     * for a reader of {@link #version()} to see the write it announces, and spares a tick the full fence of a
     * volatile store (the unlock right after it has one anyway).
     */
    private void changed() {
        VERSION.setRelease(this, version + 1);
    }

    /** Changes after every write; equal values mean nothing changed in between. */
    public long version() {
        return version;
    }

    private CandleSeries seriesOf(Timeframe timeframe) {
        return series[indexOf(timeframe)];
    }

    private int indexOf(Timeframe timeframe) {
        for (int i = 0; i < series.length; i++) {
            if (series[i].timeframe() == timeframe) {
                return i;
            }
        }
        throw new IllegalArgumentException(symbol + " keeps no " + timeframe.label() + " candles");
    }
}
