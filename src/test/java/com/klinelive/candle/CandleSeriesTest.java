package com.klinelive.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Timeframe;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CandleSeriesTest {

    private static final long T0 = 1_764_000_000_000L;

    @Test
    void fullSeriesDropsTheOldestCandle() {
        CandleSeries series = new CandleSeries(Timeframe.S1, 3);
        for (int i = 0; i < 5; i++) {
            series.add(i, T0 + i * 1_000L, 100 + i, 1);
        }
        assertEquals(3, series.size());
        assertEquals(T0 + 2_000, series.time(0));
        assertEquals(104.0, series.close(2));
        assertThrows(IndexOutOfBoundsException.class, () -> series.time(3));
    }

    @Test
    void ringWrapsAroundManyTimesAndStaysOrdered() {
        CandleSeries series = new CandleSeries(Timeframe.S1, 5_000);
        for (int i = 0; i < 50_000; i++) {
            series.add(i, T0 + i * 1_000L, 100, 1);
        }
        assertEquals(5_000, series.size());
        for (int i = 0; i < series.size(); i++) {
            assertEquals(T0 + (45_000L + i) * 1_000L, series.time(i));
        }
        assertEquals(45_000 * 1_000L + T0, series.time(series.search(T0 + 45_000_000L)));
    }

    @Test
    void lateTickInsertedIntoAFullSeriesKeepsCapacityAndOrder() {
        CandleSeries series = new CandleSeries(Timeframe.S1, 4);
        series.add(1, T0, 100, 1);
        series.add(2, T0 + 1_000, 100, 1);
        series.add(3, T0 + 3_000, 100, 1);
        series.add(4, T0 + 4_000, 100, 1);
        assertTrue(series.canHold(T0 + 2_000));
        series.add(5, T0 + 2_000, 101, 1);

        assertEquals(4, series.size());
        assertEquals(T0 + 1_000, series.time(0));
        assertEquals(T0 + 2_000, series.time(1));
        assertEquals(101.0, series.open(1));
        assertEquals(T0 + 4_000, series.time(3));
        assertFalse(series.canHold(T0 - 1_000), "before the oldest candle of a full series");
    }

    @Test
    void searchFindsExactTimesAndInsertionPoints() {
        CandleSeries series = new CandleSeries(Timeframe.M1, 10);
        series.add(1, T0, 1, 1);
        series.add(2, T0 + 120_000, 1, 1);
        assertEquals(1, series.search(T0 + 120_000));
        assertEquals(-2, series.search(T0 + 60_000));
        assertEquals(-1, series.search(T0 - 60_000));
        assertEquals(-3, series.search(T0 + 180_000));
    }

    @Test
    void aMillionCandlesTakeAtMost64BytesEach() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CandleSeries series = new CandleSeries(Timeframe.S1, 1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            series.add(i, T0 + i * 1_000L, 100, 1);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(1_000_000, series.size());
        assertTrue(bytes <= 64L * 1_000_000, "allocated " + bytes + " bytes for 1M candles");
    }

    @Test
    void aFullSeriesAppendsWithoutAllocating() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CandleSeries series = new CandleSeries(Timeframe.S1, 10_000);
        int seq = 0;
        for (; seq < 30_000; seq++) {
            series.add(seq, T0 + seq * 1_000L, 100 + seq % 7, 1);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++, seq++) {
            series.add(seq, T0 + seq * 1_000L, 100 + seq % 7, 1);
            series.add(seq, T0 + seq * 1_000L + 500, 99, 1);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(bytes < 4_096, "200k appends and updates allocated " + bytes + " bytes");
    }
}
