package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TimeTicksTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void stepsFallOnCalendarBoundaries() {
        long t = at("2025-11-25T13:47:12Z");
        assertEquals(at("2025-11-25T13:47:15Z"), new TimeStep(TimeStep.Unit.SECOND, 5).next(t));
        assertEquals(at("2025-11-25T14:00:00Z"), new TimeStep(TimeStep.Unit.MINUTE, 15).next(t));
        assertEquals(at("2025-11-25T16:00:00Z"), new TimeStep(TimeStep.Unit.HOUR, 4).next(t));
        assertEquals(at("2025-11-26T00:00:00Z"), new TimeStep(TimeStep.Unit.DAY, 1).next(t));
        assertEquals(at("2025-12-01T00:00:00Z"), new TimeStep(TimeStep.Unit.WEEK, 1).next(t), "a Monday");
        assertEquals(at("2025-12-01T00:00:00Z"), new TimeStep(TimeStep.Unit.MONTH, 1).next(t));
        assertEquals(at("2026-01-01T00:00:00Z"), new TimeStep(TimeStep.Unit.MONTH, 3).next(t));
        assertEquals(at("2026-01-01T00:00:00Z"), new TimeStep(TimeStep.Unit.YEAR, 1).next(t));
        assertEquals(at("2030-01-01T00:00:00Z"), new TimeStep(TimeStep.Unit.YEAR, 5).next(t));
        assertEquals(at("2026-01-01T00:00:00Z"), new TimeStep(TimeStep.Unit.YEAR, 1).next(at("2025-12-31T23:59:59Z")));
    }

    @Test
    void theShortestStepThatKeepsLabelsApartIsChosen() {
        assertEquals(new TimeStep(TimeStep.Unit.MINUTE, 15), TimeStep.atLeast(11 * MINUTE));
        assertEquals(new TimeStep(TimeStep.Unit.HOUR, 1), TimeStep.atLeast(HOUR));
        assertEquals(new TimeStep(TimeStep.Unit.MONTH, 1), TimeStep.atLeast(20 * DAY));
    }

    @Test
    void minuteCandlesGetRoundTimesAndTheNewDay() {
        long start = at("2025-11-25T20:00:00Z");
        ArrayCandles candles = ArrayCandles.atTimes(
                LongStream.range(0, 600).map(i -> start + i * MINUTE).toArray());
        Viewport view = new Viewport(600, 1200, 2, 0);
        List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, MINUTE, 80);
        assertTrue(ticks.size() >= 9, ticks::toString);
        assertTrue(view.x(ticks.get(0).position()) >= 80 / 3.0, "no label cut at the edge");
        double previousX = Double.NEGATIVE_INFINITY;
        for (TimeTicks.Tick tick : ticks) {
            double x = view.x(tick.position());
            assertTrue(x - previousX >= 80, ticks::toString);
            previousX = x;
            assertEquals(0, candles.time(tick.index()) % (30 * MINUTE), tick::toString);
        }
        int midnight = (int) ((at("2025-11-26T00:00:00Z") - start) / MINUTE);
        assertTrue(ticks.contains(new TimeTicks.Tick(midnight, midnight + 0.5, "Nov 26", 1)), ticks::toString);
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("21:00")), ticks::toString);
    }

    @Test
    void aGapLabelsTheFirstCandleAfterIt() {
        long friday = at("2025-11-21T22:00:00Z");
        long monday = at("2025-11-24T08:00:00Z");
        long[] times = LongStream.concat(
                        LongStream.range(0, 120).map(i -> friday + i * MINUTE),
                        LongStream.range(0, 120).map(i -> monday + i * MINUTE))
                .toArray();
        ArrayCandles candles = ArrayCandles.atTimes(times);
        Viewport view = new Viewport(times.length, 960, 4, 0);
        List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, MINUTE, 70);
        assertTrue(ticks.contains(new TimeTicks.Tick(120, 120.5, "Nov 24", 1)), ticks::toString);
        assertTrue(ticks.size() < 20, ticks::toString);
    }

    @Test
    void aNewYearOutranksItsNeighbours() {
        long start = at("2025-12-31T22:00:00Z");
        ArrayCandles candles = ArrayCandles.atTimes(
                LongStream.range(0, 48).map(i -> start + i * 5 * MINUTE).toArray());
        Viewport view = new Viewport(48, 480, 10, 0);
        List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, 5 * MINUTE, 60);
        assertTrue(ticks.contains(new TimeTicks.Tick(24, 24.5, "2026", 3)), ticks::toString);
    }

    @Test
    void secondsShowWhenTheStepIsBelowAMinute() {
        long start = at("2025-11-25T12:00:00Z");
        ArrayCandles candles = ArrayCandles.atTimes(
                LongStream.range(0, 100).map(i -> start + i * 1000).toArray());
        Viewport view = new Viewport(100, 1000, 10, 0);
        List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, 1000, 70);
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("12:00:15")), ticks::toString);
    }

    @Test
    void aBoundaryInAShortGapIsNamedItselfOnTheEdgeBetweenTheCandles() {
        // Sparse one-second candles: every fourth second has no trade, 12:00:15 among them, 12:00:30 not.
        long start = at("2025-11-25T12:00:00Z");
        long[] times = LongStream.range(0, 150)
                .filter(i -> i % 4 != 3)
                .map(i -> start + i * 1000)
                .toArray();
        ArrayCandles candles = ArrayCandles.atTimes(times);
        Viewport view = new Viewport(times.length, times.length * 10, 10, 0);
        List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, 1000, 70);

        int after15 = java.util.Arrays.binarySearch(times, start + 16_000);
        assertTrue(ticks.contains(new TimeTicks.Tick(after15, after15, "12:00:15", 0)), ticks::toString);
        int at30 = java.util.Arrays.binarySearch(times, start + 30_000);
        assertTrue(ticks.contains(new TimeTicks.Tick(at30, at30 + 0.5, "12:00:30", 0)), ticks::toString);
        for (TimeTicks.Tick tick : ticks) {
            char last = tick.label().charAt(tick.label().length() - 1);
            assertTrue(last == '0' || last == '5', "round labels only: " + ticks);
        }
    }

    @Test
    void labelsStayEvenlySpacedInTimeWhereCandlesAreSparse() {
        // Two minutes of a trade every second, then four of a trade every third second: on an axis of candles,
        // fifteen seconds of the sparse part take a third of the room.
        long start = at("2025-11-25T12:00:00Z");
        long[] times = LongStream.range(0, 360)
                .filter(i -> i < 120 || i % 3 == 0)
                .map(i -> start + i * 1000)
                .toArray();
        ArrayCandles candles = ArrayCandles.atTimes(times);
        Viewport view = new Viewport(times.length, times.length * 6, 6, 0);
        List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, 1000, 70);

        assertTrue(ticks.size() >= 5, ticks::toString);
        java.util.Set<Long> gaps = new java.util.TreeSet<>();
        for (int i = 1; i < ticks.size(); i++) {
            gaps.add(java.time.Duration.between(
                            java.time.LocalTime.parse(ticks.get(i - 1).label()),
                            java.time.LocalTime.parse(ticks.get(i).label()))
                    .toSeconds());
        }
        assertEquals(1, gaps.size(), "one step between all labels: " + ticks);
        double previousX = Double.NEGATIVE_INFINITY;
        for (TimeTicks.Tick tick : ticks) {
            assertTrue(view.x(tick.position()) - previousX >= 70, ticks::toString);
            previousX = view.x(tick.position());
        }
    }

    @Test
    void aCoarserStepIsNotTakenWhereItWouldLeaveTheAxisAlmostBare() {
        // Seconds with a trade at random, three in ten: some labels of the fitting step crowd everywhere, and a
        // step coarse enough for none to crowd would leave one or two labels on the axis.
        java.util.Random random = new java.util.Random(5);
        long start = at("2025-11-25T12:00:00Z");
        long[] times = LongStream.range(0, 6_000)
                .filter(i -> random.nextDouble() < 0.3)
                .map(i -> start + i * 1000)
                .toArray();
        ArrayCandles candles = ArrayCandles.atTimes(times);
        for (int count = 200; count <= times.length; count += 7) {
            Viewport view = new Viewport(count, 1200, 6, 0);
            List<TimeTicks.Tick> ticks = TimeTicks.compute(candles, view, 1000, 70);
            assertTrue(ticks.size() >= 8, count + ": " + ticks);
        }
    }

    @Test
    void fullLabelsAreAsPreciseAsThePeriod() {
        long t = at("2025-11-25T12:34:56Z");
        assertEquals("Tue 25 Nov 2025 12:34:56", TimeTicks.full(t, 1000));
        assertEquals("Tue 25 Nov 2025 12:34", TimeTicks.full(t, MINUTE));
        assertEquals("Tue 25 Nov 2025", TimeTicks.full(at("2025-11-25T00:00:00Z"), DAY), "a day from midnight");
    }
}
