package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time axis labels on the wall clock of a zone, across daylight-saving changes in both directions: Europe/Berlin
 * (the last Sundays of March and October, at 01:00 UTC) and America/New_York (the second Sunday of March and the
 * first of November, at 02:00 local). The candles stay in UTC buckets; only their labels follow the zone.
 */
class TimeZoneTicksTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** Candles of {@code period} from {@code start}, {@code count} of them, none missing. */
    private static ArrayCandles candles(long start, long period, int count) {
        return ArrayCandles.atTimes(
                LongStream.range(0, count).map(i -> start + i * period).toArray());
    }

    /** The labels of all {@code candles} on an axis of {@code spacing} pixels per candle. */
    private static List<TimeTicks.Tick> ticks(
            ArrayCandles candles, long period, double spacing, double minSpacing, ZoneId zone) {
        int n = candles.size();
        Viewport view = new Viewport(n, n * spacing, spacing, 0);
        return TimeTicks.compute(candles, view, period, minSpacing, TimeLabels.UTC.inZone(zone));
    }

    private static List<String> texts(List<TimeTicks.Tick> ticks) {
        return ticks.stream().map(TimeTicks.Tick::label).toList();
    }

    @Test
    void berlinSpringSkipsTheMissingHourAndLabelsLocalMidnight() {
        // 2025-03-30: at 01:00 UTC the clocks go from 02:00 CET to 03:00 CEST; that day has 23 hours.
        ArrayCandles hours = candles(at("2025-03-29T20:00:00Z"), HOUR, 12);
        List<TimeTicks.Tick> ticks = ticks(hours, HOUR, 60, 50, BERLIN);
        assertEquals(
                List.of("21:00", "22:00", "23:00", "Mar 30", "01:00", "03:00", "04:00", "05:00", "06:00", "07:00"),
                texts(ticks).subList(0, 10));
        assertEquals(new TimeTicks.Tick(3, 3.5, "Mar 30", 1), ticks.get(3), "midnight CET is 23:00 UTC");
        assertEquals(new TimeTicks.Tick(5, 5.5, "03:00", 0), ticks.get(5), "03:00 CEST is 01:00 UTC");
    }

    @Test
    void berlinAutumnLabelsTheRepeatedHourOnce() {
        // 2025-10-26: at 01:00 UTC the clocks go from 03:00 CEST back to 02:00 CET; that day has 25 hours.
        ArrayCandles hours = candles(at("2025-10-25T20:00:00Z"), HOUR, 12);
        List<TimeTicks.Tick> ticks = ticks(hours, HOUR, 60, 50, BERLIN);
        assertEquals(
                List.of("22:00", "23:00", "Oct 26", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"),
                texts(ticks).subList(0, 9));
        assertEquals(new TimeTicks.Tick(4, 4.5, "02:00", 0), ticks.get(4), "02:00 CEST, at 00:00 UTC");
        assertEquals(new TimeTicks.Tick(6, 6.5, "03:00", 0), ticks.get(5), "02:00 CET at 01:00 UTC has none");
    }

    @Test
    void newYorkSpringSkipsTheMissingHour() {
        // 2025-03-09: at 07:00 UTC the clocks go from 02:00 EST to 03:00 EDT.
        ArrayCandles hours = candles(at("2025-03-09T03:00:00Z"), HOUR, 10);
        List<TimeTicks.Tick> ticks = ticks(hours, HOUR, 60, 50, NEW_YORK);
        assertEquals(
                List.of("22:00", "23:00", "Mar 9", "01:00", "03:00", "04:00", "05:00", "06:00"),
                texts(ticks).subList(0, 8));
        assertEquals(new TimeTicks.Tick(4, 4.5, "03:00", 0), ticks.get(4), "03:00 EDT is 07:00 UTC");
    }

    @Test
    void newYorkAutumnLabelsEachHalfHourOnce() {
        // 2025-11-02: at 06:00 UTC the clocks go from 02:00 EDT back to 01:00 EST; 01:00 to 02:00 comes twice.
        ArrayCandles quarters = candles(at("2025-11-02T03:00:00Z"), 15 * MINUTE, 32);
        List<TimeTicks.Tick> ticks = ticks(quarters, 15 * MINUTE, 30, 50, NEW_YORK);
        assertEquals(
                List.of("23:30", "Nov 2", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30", "04:00"),
                texts(ticks).subList(0, 10));
        int twoEst = (int) ((at("2025-11-02T07:00:00Z") - at("2025-11-02T03:00:00Z")) / (15 * MINUTE));
        assertEquals(new TimeTicks.Tick(twoEst, twoEst + 0.5, "02:00", 0), ticks.get(5), "after 01:30 EDT, 02:00 EST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York"})
    void dailyCandlesBeginAtUtcMidnightAndTheirDaysAtLocalMidnight(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        // October and November 2025: both zones' autumn change, so one of the days has 25 hours.
        ArrayCandles days = candles(at("2025-10-20T00:00:00Z"), DAY, 20);
        List<TimeTicks.Tick> ticks = ticks(days, DAY, 80, 60, zone);
        assertTrue(ticks.size() >= 15, ticks::toString);
        for (TimeTicks.Tick tick : ticks) {
            long instant = instantAt(days, DAY, tick);
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(instant), zone);
            assertEquals(LocalTime.MIDNIGHT, local.toLocalTime(), "a day label stands at local midnight: " + tick);
            // The UTC day's candle that holds a local midnight east of Greenwich is the one before it in the west.
            long candleStart = days.time(tick.index());
            assertTrue(candleStart <= instant && instant < candleStart + DAY, tick::toString);
        }
        assertTrue(texts(ticks).contains("Nov"), "November's first day is named by its month: " + ticks);
    }

    /**
     * Every timeframe the chart has, around all four changes: each label names the wall-clock time at the point
     * where it stands, labels rise in time and in wall-clock time (none repeated), and neighbours are one step
     * apart on the wall clock, so none is missing.
     */
    @ParameterizedTest
    @CsvSource({
        "Europe/Berlin, 2025-03-30T01:00:00Z",
        "Europe/Berlin, 2025-10-26T01:00:00Z",
        "America/New_York, 2025-03-09T07:00:00Z",
        "America/New_York, 2025-11-02T06:00:00Z"
    })
    void labelsNameTheirPlaceAtEveryTimeframe(String zoneId, String change) {
        ZoneId zone = ZoneId.of(zoneId);
        long[] periods = {1_000, 15_000, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 4 * HOUR, DAY};
        for (long period : periods) {
            for (double spacing : new double[] {3, 8, 25}) {
                int count = 400;
                long start = Math.floorDiv(at(change), period) * period - count / 2 * period;
                ArrayCandles candles = candles(start, period, count);
                List<TimeTicks.Tick> ticks = ticks(candles, period, spacing, 70, zone);
                String where = zoneId + " " + period / 1000 + "s x" + spacing + ": " + ticks;
                assertTrue(ticks.size() >= 3, where);
                checkLabels(candles, period, zone, ticks, where);
            }
        }
    }

    private static void checkLabels(
            ArrayCandles candles, long period, ZoneId zone, List<TimeTicks.Tick> ticks, String where) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
        List<LocalDateTime> named = new ArrayList<>();
        long previousInstant = Long.MIN_VALUE;
        for (TimeTicks.Tick tick : ticks) {
            long instant = instantAt(candles, period, tick);
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(instant), zone);
            String expected = switch (tick.rank()) {
                case 0 ->
                    local.toLocalTime()
                            .format(DateTimeFormatter.ofPattern(
                                    tick.label().length() > 5 ? "HH:mm:ss" : "HH:mm", Locale.ENGLISH));
                case 1 -> local.format(day);
                case 2 -> local.format(DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH));
                default -> Integer.toString(local.getYear());
            };
            assertEquals(
                    expected, tick.label(), "the label names its place, " + tick + " at " + local + " in " + where);
            if (tick.rank() > 0) {
                assertEquals(LocalTime.MIDNIGHT, local.toLocalTime(), "a date at local midnight, " + where);
            }
            assertTrue(instant > previousInstant, "rising in time: " + where);
            assertTrue(named.isEmpty() || local.isAfter(named.get(named.size() - 1)), "none repeated: " + where);
            previousInstant = instant;
            named.add(local);
        }
        // None missing: every round wall-clock time between two neighbours is one the clocks skip. The step is the
        // most common distance; in spring the wall clock jumps an hour, and autumn's repeated hour has no labels.
        List<Long> wall = new ArrayList<>();
        for (int i = 1; i < named.size(); i++) {
            wall.add(java.time.Duration.between(named.get(i - 1), named.get(i)).toMillis());
        }
        long step = wall.stream()
                .max(java.util.Comparator.comparingInt(g -> java.util.Collections.frequency(wall, g)))
                .orElseThrow();
        if (step >= 28 * DAY) {
            return; // months differ in length
        }
        for (int i = 1; i < named.size(); i++) {
            for (LocalDateTime between = named.get(i - 1).plus(java.time.Duration.ofMillis(step));
                    between.isBefore(named.get(i));
                    between = between.plus(java.time.Duration.ofMillis(step))) {
                assertTrue(
                        zone.getRules().getValidOffsets(between).isEmpty(),
                        "no label at " + between + ", which exists, in " + where);
            }
        }
    }

    /** The moment where a label stands: its candle's start, plus the share of the period it stands past the centre. */
    private static long instantAt(ArrayCandles candles, long period, TimeTicks.Tick tick) {
        return candles.time(tick.index()) + Math.round((tick.position() - tick.index() - 0.5) * period);
    }

    @ParameterizedTest
    @CsvSource({
        "Europe/Berlin, 2025-03-29T12:00:00Z",
        "Europe/Berlin, 2025-10-25T12:00:00Z",
        "America/New_York, 2025-03-08T12:00:00Z",
        "America/New_York, 2025-11-01T12:00:00Z",
        "Australia/Lord_Howe, 2025-04-05T12:00:00Z",
        "Asia/Kolkata, 2025-06-01T12:00:00Z"
    })
    void stepsAreEveryWallClockTimeThatExistsOnce(String zoneId, String from) {
        ZoneId zone = ZoneId.of(zoneId);
        long start = at(from);
        long end = start + 2 * DAY;
        for (TimeStep step : TimeStep.LADDER) {
            if (step.unit().compareTo(TimeStep.Unit.DAY) >= 0 || step.approxMillis() < MINUTE) {
                continue;
            }
            // The oracle: walk the wall clock minute by minute and keep each round time the first time it shows.
            List<Long> expected = new ArrayList<>();
            LocalDateTime latest = LocalDateTime.MIN;
            for (long t = start + MINUTE - Math.floorMod(start, MINUTE); t < end; t += MINUTE) {
                LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(t), zone);
                if (local.isAfter(latest)) {
                    latest = local;
                    if (local.toLocalTime().toSecondOfDay() % (step.approxMillis() / 1000) == 0) {
                        expected.add(t);
                    }
                }
            }
            List<Long> actual = new ArrayList<>();
            for (long t = step.next(start, zone); t < end; t = step.next(t, zone)) {
                actual.add(t);
            }
            assertEquals(expected, actual, zoneId + " " + step);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "America/Santiago", "Asia/Kolkata"})
    void daysWeeksMonthsAndYearsBeginAtLocalMidnight(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        long t = at("2025-01-01T12:00:00Z");
        TimeStep day = new TimeStep(TimeStep.Unit.DAY, 1);
        for (LocalDate date = LocalDate.of(2025, 1, 2); date.getYear() == 2025; date = date.plusDays(1)) {
            t = day.next(t, zone);
            assertEquals(date.atStartOfDay(zone).toInstant().toEpochMilli(), t, zoneId + " " + date);
        }
        long june = at("2025-06-15T12:00:00Z");
        assertEquals(
                LocalDate.of(2025, 6, 16).atStartOfDay(zone).toInstant().toEpochMilli(),
                new TimeStep(TimeStep.Unit.WEEK, 1).next(june, zone),
                "a Monday");
        assertEquals(
                LocalDate.of(2025, 7, 1).atStartOfDay(zone).toInstant().toEpochMilli(),
                new TimeStep(TimeStep.Unit.MONTH, 3).next(june, zone));
        assertEquals(
                LocalDate.of(2026, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli(),
                new TimeStep(TimeStep.Unit.YEAR, 1).next(june, zone));
    }

    @Test
    void aFixedOffsetShiftsRoundTimesByIt() {
        ZoneId kolkata = ZoneId.of("+05:30");
        long t = at("2025-11-25T13:47:12Z");
        assertEquals(at("2025-11-25T14:30:00Z"), new TimeStep(TimeStep.Unit.HOUR, 4).next(t, kolkata), "20:00 local");
        assertEquals(at("2025-11-25T18:30:00Z"), new TimeStep(TimeStep.Unit.DAY, 1).next(t, kolkata), "midnight");
    }

    @Test
    void theCrosshairShowsTheCandlesLocalTimeAndADayCandlesStartWhereItIsNotMidnight() {
        TimeLabels newYork = TimeLabels.UTC.inZone(NEW_YORK);
        long t = at("2025-11-25T12:34:56Z");
        assertEquals("Tue 25 Nov 2025 07:34:56", newYork.full(t, 1_000));
        assertEquals("Tue 25 Nov 2025 07:34", newYork.full(t, MINUTE));
        assertEquals("Mon 24 Nov 2025 19:00", newYork.full(at("2025-11-25T00:00:00Z"), DAY));
        assertEquals("Tue 25 Nov 2025", TimeLabels.UTC.full(at("2025-11-25T00:00:00Z"), DAY));
        TimeLabels chinese = new TimeLabels(
                NEW_YORK,
                Locale.SIMPLIFIED_CHINESE,
                new TimePatterns(
                        "HH:mm:ss",
                        "HH:mm",
                        "M\u6708d\u65e5",
                        "MMM",
                        "yyyy\u5e74",
                        "yyyy\u5e74M\u6708d\u65e5 EEE HH:mm:ss",
                        "yyyy\u5e74M\u6708d\u65e5 EEE HH:mm",
                        "yyyy\u5e74M\u6708d\u65e5 EEE"));
        assertEquals("2025\u5e7411\u670825\u65e5 \u5468\u4e8c 07:34", chinese.full(t, MINUTE));
    }
}
