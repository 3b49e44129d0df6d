package com.klinelive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Candles a gap touched, replaced from REST candles once closed: on a wall clock the test sets, no threads. */
class CandleReplacementsTest {

    private static final long T0 = ManualControlLoop.WALL_START_MILLIS; // 12:20:00 UTC, a minute's start
    private static final long MINUTE = 60_000;
    private static final Executor DIRECT = Runnable::run;

    /** One request the source was asked. */
    private record Asked(Timeframe timeframe, int limit, long end) {}

    private final CandleBook book = new CandleBook("X", EnumSet.of(Timeframe.M1, Timeframe.H1), 10_000);
    private final Set<Timeframe> timeframes = EnumSet.of(Timeframe.M1, Timeframe.H1);
    private final List<Asked> asked = new ArrayList<>();
    private final int[] repaired = {0};
    private final CandleReplacements replacements = new CandleReplacements(() -> repaired[0]++);

    /** The feed's truth: a candle at every bucket before the end, its close telling its start. */
    private final CandleSource source = (symbol, tf, limit, end) -> {
        asked.add(new Asked(tf, limit, end.orElseThrow()));
        List<Candle> page = new ArrayList<>();
        for (long t = end.getAsLong() - (long) limit * tf.millis(); t < end.getAsLong(); t += tf.millis()) {
            page.add(new Candle(t, 1, 3, 1, 2 + (t - T0) / 1_000.0, 1, 1));
        }
        return CompletableFuture.completedFuture(new CandlePage(page, -1, null));
    };

    /** Replaces what is due at {@code now} until nothing more is, or a bound is hit; returns the requests made. */
    private int replaceAllDue(long now) {
        int before = asked.size();
        for (int i = 0; i < 10_000; i++) {
            int n = asked.size();
            replacements.replaceClosed(now, source, DIRECT, symbol -> {});
            if (asked.size() == n) {
                break;
            }
        }
        return asked.size() - before;
    }

    @Test
    void aGapEveryFewSecondsForHoursKeepsOneRangePerTimeframeSoMemoryAndRequestsStayBounded() {
        int gaps = 50_000;
        for (int i = 0; i < gaps; i++) {
            long t = T0 + i * 1_500L; // nearly 21 hours of gaps
            replacements.add("X", book, timeframes, t, t + 400, true);
        }
        long end = T0 + gaps * 1_500L;

        int requests = replaceAllDue(end + 2 * 3_600_000);

        assertTrue(replacements.isEmpty());
        assertEquals(2, requests, "one request a timeframe, not one a gap: " + asked);
        assertEquals(CandleReplacements.MAX_CANDLES, asked.get(0).limit(), "the newest 1,000 minutes at most");
        assertEquals(gaps, repaired[0], "every gap counted as repaired");
    }

    @Test
    void theClosedPartOfARangeIsReplacedWhileLaterGapsWidenIt() {
        Set<Timeframe> m1 = EnumSet.of(Timeframe.M1);
        replacements.add("X", book, m1, T0 + 1_000, T0 + 2_000, true);
        replacements.add("X", book, m1, T0 + MINUTE + 1_000, T0 + MINUTE + 2_000, true);

        assertEquals(0, replaceAllDue(T0 + MINUTE + 1_999), "nor a candle that closed less than 2 s ago");
        assertEquals(1, replaceAllDue(T0 + MINUTE + 2_000));
        assertEquals(new Asked(Timeframe.M1, 1, T0 + MINUTE), asked.get(0), "only the closed candle");
        assertEquals(
                new Candle(T0, 1, 3, 1, 2, 1, 1), book.candles(Timeframe.M1, 1).get(0));
        assertTrue(replacements.pendingFor("X"), "the open minute still waits");
        assertEquals(0, repaired[0], "gaps merged into one range count as repaired together, once it is done");

        assertEquals(1, replaceAllDue(T0 + 2 * MINUTE + 2_000));
        assertEquals(new Asked(Timeframe.M1, 1, T0 + 2 * MINUTE), asked.get(1));
        assertFalse(replacements.pendingFor("X"));
        assertEquals(2, repaired[0]);
    }

    @Test
    void aFailedFetchIsTriedAgainAndKeepsItsCandles() {
        Set<Timeframe> m1 = EnumSet.of(Timeframe.M1);
        replacements.add("X", book, m1, T0 + 1_000, T0 + 1_000, true);
        int[] calls = {0};
        CandleSource failingOnce = (symbol, tf, limit, end) -> calls[0]++ == 0
                ? CompletableFuture.failedFuture(new IllegalStateException("HTTP 502"))
                : source.candles(symbol, tf, limit, end);

        replacements.replaceClosed(T0 + MINUTE + 2_000, failingOnce, DIRECT, symbol -> {});
        assertTrue(replacements.pendingFor("X"));
        replacements.replaceClosed(T0 + MINUTE + 2_000, failingOnce, DIRECT, symbol -> {});
        assertTrue(replacements.isEmpty());
        assertEquals(1, repaired[0]);
    }
}
