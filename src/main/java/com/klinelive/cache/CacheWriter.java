package com.klinelive.cache;

import com.klinelive.cache.FeedTracker.SeriesMark;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.CandleSeries;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Timeframe;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One write pass after another, on the cache's one writer thread: for every tracked feed, the closed candles its
 * books gained since the last pass go into the database, in a few transactions; then the database is kept under
 * its size bound. A failed pass is rolled back and retried from the same marks on the next one.
 *
 * <p>A candle is closed once a newer one exists in its series; the newest is left to the feed. Candles are copied
 * from a book under its read lock in chunks of {@link #CHUNK}, so a writer never holds up ingest for long. When a
 * book's candles no longer match what was written (the feed's history replaced them), what the cache holds from
 * the book's oldest candle on is deleted and the book's closed candles are written again: the book is the truth.
 */
final class CacheWriter {

    /** Most candles copied under one read lock of a book. */
    static final int CHUNK = 8_192;

    /** Most candles in one transaction. */
    static final int ROWS_PER_COMMIT = 65_536;

    private final CandleStore store;
    private final CacheEviction eviction;
    private final LongSupplier clock;
    private final CachedCandles buffer = new CachedCandles(CHUNK);
    private final List<SeriesMark> touched = new ArrayList<>();
    // Per-chunk plan, written by plan() under the book's lock and read right after it.
    private long deleteFrom;
    private long deleteTo;
    private int rowsInTransaction;
    private long candlesWritten;

    CacheWriter(CandleStore store, CacheEviction eviction, LongSupplier clock) throws SQLException {
        this.store = store;
        this.eviction = eviction;
        this.clock = clock;
        store.connection().setAutoCommit(false);
    }

    long candlesWritten() {
        return candlesWritten;
    }

    /**
     * Writes what closed in the trackers' books since the last pass, then evicts if the database grew past its
     * bound.
     *
     * @throws SQLException after rolling back; the marks stay where the last commit left them
     */
    void pass(List<FeedTracker> trackers) throws SQLException {
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            for (FeedTracker tracker : trackers) {
                for (String symbol : tracker.aggregator().symbols()) {
                    CandleBook book = tracker.aggregator().book(symbol);
                    long version = book.version();
                    if (version == tracker.writtenVersion(symbol)) {
                        continue;
                    }
                    for (Timeframe timeframe : book.timeframes()) {
                        writeSeries(tracker, book, timeframe);
                    }
                    afterCommit.add(() -> tracker.writtenVersion(symbol, version));
                }
            }
            commit();
            afterCommit.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
        List<CandleStore.SymbolUse> evicted = eviction.enforce(store);
        for (CandleStore.SymbolUse gone : evicted) {
            for (FeedTracker tracker : trackers) {
                if (tracker.feed().equals(gone.feed())) {
                    tracker.evicted(gone.symbol());
                }
            }
        }
    }

    /** Deletes every candle; the trackers write the closed candles their books hold again. */
    void clear(List<FeedTracker> trackers) throws SQLException {
        try {
            store.clear();
            commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
        trackers.forEach(FeedTracker::forgetAll);
        store.releaseFreePages();
        store.connection().commit();
    }

    /**
     * Writes candles the feed gave for a series (a page loaded by scrolling back) in one transaction, replacing
     * those with the same times; the next pass keeps the database under its bound.
     */
    void put(SeriesKey key, CandleColumns candles) throws SQLException {
        try {
            long id = store.createSeries(key, clock.getAsLong());
            store.upsert(id, candles, 0, candles.size());
            rowsInTransaction += candles.size();
            commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        }
    }

    /** Marks series as used now (they were read), so eviction keeps them longer. */
    void touch(List<Long> seriesIds) throws SQLException {
        long now = clock.getAsLong();
        for (long id : seriesIds) {
            store.touch(id, now);
        }
        commit();
    }

    private void writeSeries(FeedTracker tracker, CandleBook book, Timeframe timeframe) throws SQLException {
        SeriesMark mark = mark(tracker, book.symbol(), timeframe);
        if (mark.seriesId < 0) {
            mark.seriesId =
                    store.createSeries(new SeriesKey(tracker.feed(), book.symbol(), timeframe), clock.getAsLong());
        }
        store.touch(mark.seriesId, clock.getAsLong());
        boolean synced = book.historySeq(timeframe) >= 0;
        while (book.read(timeframe, columns -> plan(columns, mark, synced))) {
            if (deleteFrom <= deleteTo) {
                store.deleteRange(mark.seriesId, deleteFrom, deleteTo);
            }
            store.upsert(mark.seriesId, buffer, 0, buffer.size());
            mark.pending = buffer.candle(buffer.size() - 1);
            touched.add(mark);
            rowsInTransaction += buffer.size();
            if (rowsInTransaction >= ROWS_PER_COMMIT) {
                commit();
            }
        }
    }

    /**
     * Under the book's read lock: copies the next chunk of closed candles to write into the buffer, and sets the
     * range to delete first (empty unless the book's candles were replaced). Returns false when none are left.
     *
     * @param synced whether the feed's history is in the book; before it is, the oldest candle counted from live
     *     trades misses the trades before the book began and is left out
     */
    private boolean plan(CandleColumns columns, SeriesMark mark, boolean synced) {
        buffer.clear();
        deleteFrom = 1;
        deleteTo = 0;
        int closed = columns.size() - 1;
        if (closed <= 0) {
            return false;
        }
        int start = 0;
        Candle last = mark.last();
        if (last != null) {
            int found = columns.search(last.time());
            if (found >= 0 && found < closed && same(columns, found, last)) {
                start = found + 1;
            } else if (found < 0 && -found - 1 == 0) {
                // Everything in the book is newer than what was written: go on from its oldest candle.
                start = 0;
            } else {
                // Changed by late trades, which reach only the newest HELD candles: write those again. Otherwise the
                // book's candles were replaced (a new epoch of the feed, a repair): the book is the truth from its
                // oldest candle on, so what the cache holds from there is deleted first.
                boolean lateTrades = found >= 0 && found < closed && found >= columns.size() - CandleSeries.HELD;
                start = lateTrades ? Math.max(0, columns.size() - CandleSeries.HELD) : 0;
                deleteFrom = columns.time(start);
                deleteTo = Long.MAX_VALUE;
            }
        }
        if (!synced) {
            if (mark.partialTime == Long.MIN_VALUE) {
                mark.partialTime = columns.time(start);
            }
            int partial = columns.search(mark.partialTime);
            if (partial >= start) {
                start = partial + 1;
            }
        } else if (mark.partialTime != Long.MIN_VALUE) {
            // The history is in: the candle left out is whole now (the history replaced it).
            int partial = columns.ceilingIndex(mark.partialTime);
            start = Math.min(start, partial);
            mark.partialTime = Long.MIN_VALUE;
        }
        if (start >= closed) {
            return false;
        }
        int end = Math.min(closed, start + CHUNK);
        for (int i = start; i < end; i++) {
            buffer.add(
                    columns.time(i),
                    columns.open(i),
                    columns.high(i),
                    columns.low(i),
                    columns.close(i),
                    columns.volume(i),
                    columns.trades(i));
        }
        return true;
    }

    private SeriesMark mark(FeedTracker tracker, String symbol, Timeframe timeframe) throws SQLException {
        SeriesMark mark = tracker.mark(symbol, timeframe);
        if (mark == null) {
            long id = store.createSeries(new SeriesKey(tracker.feed(), symbol, timeframe), clock.getAsLong());
            CachedCandles newest = store.readBefore(id, Long.MAX_VALUE, 1);
            mark = new SeriesMark(id, newest.isEmpty() ? null : newest.candle(0));
            tracker.mark(symbol, timeframe, mark);
        }
        return mark;
    }

    private static boolean same(CandleColumns columns, int i, Candle c) {
        return Double.compare(columns.open(i), c.open()) == 0
                && Double.compare(columns.high(i), c.high()) == 0
                && Double.compare(columns.low(i), c.low()) == 0
                && Double.compare(columns.close(i), c.close()) == 0
                && Double.compare(columns.volume(i), c.volume()) == 0
                && columns.trades(i) == c.trades();
    }

    private void commit() throws SQLException {
        store.connection().commit();
        candlesWritten += rowsInTransaction;
        touched.forEach(SeriesMark::commit);
        touched.clear();
        rowsInTransaction = 0;
    }

    private void rollback() {
        touched.forEach(SeriesMark::rollback);
        touched.clear();
        rowsInTransaction = 0;
        try {
            store.connection().rollback();
        } catch (SQLException ignored) {
            // The connection is gone or not in a transaction: nothing was committed either way.
        }
    }
}
