package com.klinelive.chart.scale;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A calendar step for time axis labels, in UTC: 1s to 12h, a day, a week (starting Monday), months and years.
 * Steps of hours divide a day and steps of months divide a year, so labels fall on round times.
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

    /** The first step boundary strictly after {@code time} (epoch milliseconds UTC). */
    public long next(long time) {
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
