package com.klinelive.chart.scale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A calendar step for time axis labels: 1s to 12h, a day, a week (starting Monday), months and years, on the wall
 * clock of a time zone. Steps of hours divide a day and steps of months divide a year, so labels fall on round
 * times: hours count from local midnight, days begin at local midnight (or when the day begins, where midnight is
 * skipped by a daylight-saving change). Across a change a boundary is a wall-clock time that exists, met for the
 * first time: the hour skipped in spring has no boundary, and the hour repeated in autumn has its boundaries once,
 * so the wall-clock times of successive boundaries always rise.
 *
 * @param unit   the calendar unit
 * @param amount how many units per step
 */
public record TimeStep(Unit unit, int amount) {

    /** Calendar units, finest first. */
    public enum Unit {
        SECOND,
        MINUTE,
        HOUR,
        DAY,
        WEEK,
        MONTH,
        YEAR
    }

    /** Every step the axis may use, shortest first. */
    public static final TimeStep[] LADDER = {
        new TimeStep(Unit.SECOND, 1), new TimeStep(Unit.SECOND, 5), new TimeStep(Unit.SECOND, 15),
        new TimeStep(Unit.SECOND, 30), new TimeStep(Unit.MINUTE, 1), new TimeStep(Unit.MINUTE, 5),
        new TimeStep(Unit.MINUTE, 15), new TimeStep(Unit.MINUTE, 30), new TimeStep(Unit.HOUR, 1),
        new TimeStep(Unit.HOUR, 2), new TimeStep(Unit.HOUR, 4), new TimeStep(Unit.HOUR, 6),
        new TimeStep(Unit.HOUR, 12), new TimeStep(Unit.DAY, 1), new TimeStep(Unit.WEEK, 1),
        new TimeStep(Unit.MONTH, 1), new TimeStep(Unit.MONTH, 3), new TimeStep(Unit.MONTH, 6),
        new TimeStep(Unit.YEAR, 1), new TimeStep(Unit.YEAR, 2), new TimeStep(Unit.YEAR, 5),
        new TimeStep(Unit.YEAR, 10), new TimeStep(Unit.YEAR, 25), new TimeStep(Unit.YEAR, 50),
        new TimeStep(Unit.YEAR, 100),
    };

    private static final long SECOND = 1_000L;
    private static final long DAY = 86_400_000L;
    private static final long WEEK = 7 * DAY;
    // 1970-01-01 was a Thursday; the first Monday came four days later.
    private static final long FIRST_MONDAY = 4 * DAY;

    /** The step's length in milliseconds, averaged for months and years. */
    public long approxMillis() {
        return switch (unit) {
            case SECOND -> amount * SECOND;
            case MINUTE -> amount * 60 * SECOND;
            case HOUR -> amount * 3_600 * SECOND;
            case DAY -> amount * DAY;
            case WEEK -> amount * WEEK;
            case MONTH -> amount * 2_629_746_000L;
            case YEAR -> amount * 31_556_952_000L;
        };
    }

    /** The shortest step of the ladder at least {@code millis} long (the longest if none is). */
    public static TimeStep atLeast(double millis) {
        for (TimeStep step : LADDER) {
            if (step.approxMillis() >= millis) {
                return step;
            }
        }
        return LADDER[LADDER.length - 1];
    }

    /** The first step boundary strictly after {@code time} (epoch milliseconds UTC), on the UTC clock. */
    public long next(long time) {
        return nextUtc(time);
    }

    /**
     * The first step boundary strictly after {@code time} (epoch milliseconds UTC) on the wall clock of
     * {@code zone}.
     */
    public long next(long time, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            long offset = rules.getOffset(Instant.EPOCH).getTotalSeconds() * SECOND;
            return nextUtc(time + offset) - offset;
        }
        return unit.compareTo(Unit.DAY) < 0 ? nextTimeOfDay(time, zone, rules) : nextDay(time, zone);
    }

    /**
     * A boundary within the day: the next round wall-clock time that exists and is met for the first time. Each
     * pass moves the wall clock to the next round time or past a transition, so it ends within a few passes.
     */
    private long nextTimeOfDay(long time, ZoneId zone, ZoneRules rules) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(time), zone);
        long stepSeconds = approxMillis() / SECOND;
        while (true) {
            long secondOfDay = local.toLocalTime().toSecondOfDay();
            LocalDateTime round =
                    local.toLocalDate().atStartOfDay().plusSeconds((secondOfDay / stepSeconds + 1) * stepSeconds);
            ZoneOffsetTransition change = rules.getTransition(round);
            if (change == null) {
                long at = round.toInstant(rules.getOffset(round)).toEpochMilli();
                if (at > time) {
                    return at;
                }
                local = round;
            } else if (change.isGap()) {
                // Skipped by the clocks: the next boundary is the first round time after the gap.
                local = change.getDateTimeAfter().minusNanos(1);
            } else {
                long first = round.toInstant(change.getOffsetBefore()).toEpochMilli();
                if (first > time) {
                    return first;
                }
                // Already met: the repeated wall-clock times get no second boundary.
                local = change.getDateTimeBefore().minusNanos(1);
            }
        }
    }

    /** A boundary of days or longer: the start of the next local day that begins a step. */
    private long nextDay(long time, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(time), zone);
        while (true) {
            day = nextDate(day);
            // atStartOfDay finds when a day begins whose midnight the clocks skip; a day whose midnight repeats
            // begins at the first one, which may lie before time: then the step after it.
            long at = day.atStartOfDay(zone).toInstant().toEpochMilli();
            if (at > time) {
                return at;
            }
        }
    }

    /** The first date after {@code day} that begins a step of days or longer. */
    private LocalDate nextDate(LocalDate day) {
        return switch (unit) {
            case WEEK -> {
                long weeks = Math.floorDiv(day.toEpochDay() - FIRST_MONDAY / DAY, 7L * amount);
                yield LocalDate.ofEpochDay((weeks + 1) * 7 * amount + FIRST_MONDAY / DAY);
            }
            case MONTH -> {
                long months = day.getYear() * 12L + day.getMonthValue() - 1;
                long next = (Math.floorDiv(months, amount) + 1) * amount;
                yield LocalDate.of((int) Math.floorDiv(next, 12), (int) Math.floorMod(next, 12) + 1, 1);
            }
            case YEAR -> LocalDate.of((Math.floorDiv(day.getYear(), amount) + 1) * amount, 1, 1);
            default -> LocalDate.ofEpochDay(Math.floorDiv(day.toEpochDay(), amount) * amount + amount);
        };
    }

    /** The next boundary on the UTC clock, by arithmetic alone. */
    private long nextUtc(long time) {
        switch (unit) {
            case WEEK:
                return Math.floorDiv(time - FIRST_MONDAY, WEEK * amount) * WEEK * amount + WEEK * amount + FIRST_MONDAY;
            case MONTH: {
                LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(time, DAY));
                long months = date.getYear() * 12L + date.getMonthValue() - 1;
                long next = (Math.floorDiv(months, amount) + 1) * amount;
                return epochMillis(Math.floorDiv(next, 12), (int) Math.floorMod(next, 12) + 1);
            }
            case YEAR: {
                int year = LocalDate.ofEpochDay(Math.floorDiv(time, DAY)).getYear();
                return epochMillis((Math.floorDiv(year, amount) + 1) * (long) amount, 1);
            }
            default: {
                long millis = approxMillis();
                return Math.floorDiv(time, millis) * millis + millis;
            }
        }
    }

    private static long epochMillis(long year, int month) {
        return LocalDate.of((int) year, month, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * SECOND;
    }
}
