package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.model.CandleColumns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ViewTrackerTest {

    /** Candles at the given times; only times matter here. */
    private static CandleColumns times(long... times) {
        return new CandleColumns() {
            @Override
            public int size() {
                return times.length;
            }

            @Override
            public long time(int index) {
                return times[index];
            }

            @Override
            public double open(int index) {
                return 1;
            }

            @Override
            public double high(int index) {
                return 1;
            }

            @Override
            public double low(int index) {
                return 1;
            }

            @Override
            public double close(int index) {
                return 1;
            }

            @Override
            public double volume(int index) {
                return 1;
            }

            @Override
            public long trades(int index) {
                return 1;
            }
        };
    }

    @Test
    void appendedCandlesDoNotMoveAViewInHistory() {
        ViewTracker tracker = new ViewTracker();
        assertEquals(-50, tracker.resolve(times(10, 20, 30), "a", -50, false), 0);
        assertEquals(-52, tracker.resolve(times(10, 20, 30, 40, 50), "a", -50, false), 0);
    }

    @Test
    void aFullSeriesThatDropsItsOldestCandleCountsAsAppended() {
        ViewTracker tracker = new ViewTracker();
        tracker.resolve(times(10, 20, 30), "a", -1, false);
        assertEquals(-2, tracker.resolve(times(20, 30, 40), "a", -1, false), 0);
    }

    @Test
    void followingLiveLetsNewCandlesScrollIn() {
        ViewTracker tracker = new ViewTracker();
        tracker.resolve(times(10, 20, 30), "a", 4, true);
        assertEquals(4, tracker.resolve(times(10, 20, 30, 40), "a", 4, true), 0);
    }

    @Test
    void anotherSeriesKeepsTheSameTimeAtTheRightEdge() {
        ViewTracker tracker = new ViewTracker();
        long[] minutes = new long[100];
        Arrays.setAll(minutes, i -> i * 60L);
        tracker.resolve(times(minutes), "1m", -40, false);
        tracker.anchorAt(59 * 60L);
        long[] fives = new long[20];
        Arrays.setAll(fives, i -> i * 300L);
        // 59 minutes is in the 55-minute candle, index 11 of 20: it goes to the right edge.
        assertEquals(12 - 20, tracker.resolve(times(fives), "5m", -40, false), 0);
    }
}
