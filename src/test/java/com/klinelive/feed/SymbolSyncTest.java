package com.klinelive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolSyncTest {

    private static final long T0 = 1_764_073_200_000L;
    private static final long SECOND = 1_000_000_000L;

    private final FeedMetrics metrics = new FeedMetrics(() -> this.sync.ticksCounted());
    private final CandleBook book = new CandleBook("X", EnumSet.of(Timeframe.M1), 100);
    private final SymbolSync sync = new SymbolSync(book, true, metrics);

    @Test
    void ticksAheadWaitForTheMissingOnesThenCountInOrder() {
        offer(sync, tick(1, 1.0), 0);
        assertEquals(SymbolSync.Result.WAITING, offer(sync, tick(3, 0.1), 0));
        assertEquals(1, sync.lastSeq());
        assertEquals(SymbolSync.Result.COUNTED, offer(sync, tick(2, 1e16), 0));

        assertEquals(3, sync.lastSeq());
        assertEquals(3, metrics.snapshot().ticks());
        // Summed in sequence order, as the server sums: (1 + 1e16) + 0.1, not (1 + 0.1) + 1e16.
        assertEquals((1.0 + 1e16) + 0.1, book.candles(Timeframe.M1, 1).get(0).volume());
        assertEquals(null, sync.gapOlderThan(10 * SECOND, SECOND));
    }

    @Test
    void aSequenceThatNeverComesIsAGapAfterTheGraceTime() {
        offer(sync, tick(1, 1), 0);
        offer(sync, tick(5, 1), SECOND);

        assertEquals(null, sync.gapOlderThan(2 * SECOND, 2 * SECOND), "still within the grace time");
        assertEquals(new SymbolSync.Gap(1, T0 + 1, 5, T0 + 5), sync.gapOlderThan(4 * SECOND, 2 * SECOND));
        assertEquals(null, sync.gapOlderThan(5 * SECOND, 2 * SECOND), "a gap is reported once");
        assertEquals(SymbolSync.Phase.REPAIRING, sync.phase());
        int generation = sync.beginResync();
        assertEquals(true, generation > 0);
        assertEquals(true, sync.syncing());
        assertEquals(5, sync.lastSeq(), "resume after the newest tick held");

        assertEquals(SymbolSync.Result.HELD_BACK, offer(sync, tick(6, 1), 4 * SECOND));
        // History up to 5 covers the gap; tick 6 is replayed on top of it.
        int replayed = sync.finish(
                generation, List.of(new History(Timeframe.M1, List.of(new Candle(T0, 10, 10, 10, 10, 5, 5)), 5)));

        assertEquals(1, replayed);
        assertEquals(
                new Candle(T0, 10, 10, 10, 10, 6, 6),
                book.candles(Timeframe.M1, 1).get(0));
        assertEquals(false, sync.syncing());
    }

    @Test
    void historyThatEndsBeforeTheHeldBackTicksIsFetchedAgain() {
        int generation = sync.beginBackfill();
        offer(sync, tick(10, 1), 0);
        offer(sync, tick(11, 1), 0);

        assertEquals(
                -1,
                sync.finish(generation, List.of(new History(Timeframe.M1, List.of(), 7))),
                "ticks 8 and 9 are in neither");
        assertEquals(true, sync.syncing());
        assertEquals(-1, sync.finish(generation, List.of(new History(Timeframe.M1, List.of(), 9))), "stale");
        assertEquals(2, sync.finish(sync.generation(), List.of(new History(Timeframe.M1, List.of(), 9))));
        assertEquals(11, sync.lastSeq());
    }

    @Test
    void backfillBeginsOnlyOnce() {
        assertEquals(true, sync.beginBackfill() > 0);
        assertEquals(-1, sync.beginBackfill());
    }

    @Test
    void resetContinuesAfterTheServersSequence() {
        offer(sync, tick(1, 1), 0);
        int generation = sync.reset(1_000);

        assertEquals(1_000, sync.lastSeq());
        assertEquals(SymbolSync.Result.HELD_BACK, offer(sync, tick(1_001, 1), 0));
        assertEquals(1, sync.finish(generation, List.of(new History(Timeframe.M1, List.of(), 1_000))));
    }

    @Test
    void withoutHistoryTicksCountAsTheyCome() {
        SymbolSync exchange = new SymbolSync(book, false, metrics);
        offer(exchange, tick(1, 1), 0);
        assertEquals(SymbolSync.Result.COUNTED, offer(exchange, tick(9, 1), 0));
        assertEquals(SymbolSync.Result.DUPLICATE, offer(exchange, tick(9, 1), 0));
        assertEquals(1, metrics.snapshot().duplicates());
    }

    @Test
    void aBatchEndsAsItsTicksOneByOneWouldWithGapsDuplicatesAndLateTicks() {
        java.util.Random random = new java.util.Random(11);
        CandleBook oneByOneBook = new CandleBook("X", EnumSet.allOf(Timeframe.class), 1_000);
        FeedMetrics oneByOneMetrics = new FeedMetrics(() -> 0);
        SymbolSync oneByOne = new SymbolSync(oneByOneBook, true, oneByOneMetrics);
        CandleBook batchedBook = new CandleBook("X", EnumSet.allOf(Timeframe.class), 1_000);
        FeedMetrics batchedMetrics = new FeedMetrics(() -> 0);
        SymbolSync batched = new SymbolSync(batchedBook, true, batchedMetrics);
        long next = 1;
        for (int b = 0; b < 2_000; b++) {
            int count = 1 + random.nextInt(60);
            long[] seqs = new long[count];
            long[] times = new long[count];
            double[] prices = new double[count];
            double[] sizes = new double[count];
            boolean changed = false;
            for (int i = 0; i < count; i++) {
                // Mostly the next sequence; sometimes one seen before, one a little ahead, or one far behind.
                int kind = random.nextInt(40);
                seqs[i] = kind == 0
                        ? Math.max(1, next - 1 - random.nextInt(20))
                        : kind == 1 ? next + 1 + random.nextInt(3) : next++;
                times[i] = T0 + seqs[i] * 700 - random.nextInt(3_000);
                prices[i] = 10 + random.nextInt(100) / 10.0;
                sizes[i] = random.nextInt(10) / 4.0;
                SymbolSync.Result r = oneByOne.onTick(seqs[i], times[i], prices[i], sizes[i], 0);
                changed |= r != SymbolSync.Result.DUPLICATE && r != SymbolSync.Result.TOO_LATE;
            }
            assertEquals(changed, batched.onTicks(seqs, times, prices, sizes, count, 0), "batch " + b);
            assertEquals(oneByOne.lastSeq(), batched.lastSeq(), "batch " + b);
        }
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(oneByOneBook.candles(tf, 1_000), batchedBook.candles(tf, 1_000), tf.label());
        }
        FeedMetrics.Snapshot expected = oneByOneMetrics.snapshot();
        FeedMetrics.Snapshot actual = batchedMetrics.snapshot();
        assertEquals(true, expected.duplicates() > 10 && oneByOne.ticksCounted() > 40_000, "the stream should vary");
        assertEquals(oneByOne.ticksCounted(), batched.ticksCounted());
        assertEquals(expected.duplicates(), actual.duplicates());
        assertEquals(expected.tooLate(), actual.tooLate());
    }

    private static SymbolSync.Result offer(SymbolSync to, Tick tick, long nowNanos) {
        return to.onTick(tick.seq(), tick.time(), tick.price(), tick.size(), nowNanos);
    }

    private static Tick tick(long seq, double size) {
        return new Tick("X", seq, T0 + seq, 10, size);
    }
}
