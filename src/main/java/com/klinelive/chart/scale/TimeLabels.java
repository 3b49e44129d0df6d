package com.klinelive.chart.scale;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How times read on the chart: the time zone whose wall clock the labels show, and the patterns and locale that
 * write them (month and weekday names in the chart's language). Candles stay where the feed put them, in UTC
 * buckets; only their labels move to the zone. Immutable; the formatters are built once.
 */
public final class TimeLabels {

    /** UTC, in English: what the chart shows unless told otherwise. */
    public static final TimeLabels UTC = new TimeLabels(ZoneOffset.UTC, Locale.ENGLISH, TimePatterns.ENGLISH);

    private static final long DAY_MILLIS = 86_400_000L;

    private final ZoneId zone;
    private final Locale locale;
    private final TimePatterns patterns;
    private final DateTimeFormatter seconds;
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter day;
    private final DateTimeFormatter month;
    private final DateTimeFormatter year;
    private final DateTimeFormatter fullSeconds;
    private final DateTimeFormatter fullMinutes;
    private final DateTimeFormatter fullDay;

    /**
     * @throws IllegalArgumentException for a pattern {@link DateTimeFormatter} does not accept
     */
    public TimeLabels(ZoneId zone, Locale locale, TimePatterns patterns) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        seconds = DateTimeFormatter.ofPattern(patterns.seconds(), locale);
        minutes = DateTimeFormatter.ofPattern(patterns.minutes(), locale);
        day = DateTimeFormatter.ofPattern(patterns.day(), locale);
        month = DateTimeFormatter.ofPattern(patterns.month(), locale);
        year = DateTimeFormatter.ofPattern(patterns.year(), locale);
        fullSeconds = DateTimeFormatter.ofPattern(patterns.fullSeconds(), locale);
        fullMinutes = DateTimeFormatter.ofPattern(patterns.fullMinutes(), locale);
        fullDay = DateTimeFormatter.ofPattern(patterns.fullDay(), locale);
    }

    /** The zone whose wall clock the labels show. */
    public ZoneId zone() {
        return zone;
    }

    /** The locale month and weekday names are written in. */
    public Locale locale() {
        return locale;
    }

    /** These labels in another zone. */
    public TimeLabels inZone(ZoneId other) {
        return other.equals(zone) ? this : new TimeLabels(other, locale, patterns);
    }

    /** The wall-clock date and time of {@code epochMillis} in the zone. */
    public LocalDateTime local(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }

    /**
     * An axis label of the given rank (see {@link TimeTicks.Tick#rank()}): the year, the month, the day, or the
     * time of day, with seconds when asked.
     */
    String axisLabel(long epochMillis, int rank, boolean showSeconds) {
        LocalDateTime t = local(epochMillis);
        return switch (rank) {
            case 3 -> year.format(t);
            case 2 -> month.format(t);
            case 1 -> day.format(t);
            default -> (showSeconds ? seconds : minutes).format(t);
        };
    }

    /**
     * The full date and time of a candle for the crosshair label, as precise as its period: {@code Tue 25 Nov
     * 2025 12:34} in English, with seconds below a minute; a candle of a day or longer shows its date alone when it
     * begins at local midnight, and its time too where it does not (a UTC day seen from New York begins at 19:00).
     */
    public String full(long epochMillis, long periodMillis) {
        LocalDateTime t = local(epochMillis);
        DateTimeFormatter format;
        if (periodMillis < 60_000) {
            format = fullSeconds;
        } else if (periodMillis < DAY_MILLIS || !t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            format = fullMinutes;
        } else {
            format = fullDay;
        }
        return format.format(t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeLabels other
                && zone.equals(other.zone)
                && locale.equals(other.locale)
                && patterns.equals(other.patterns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, locale, patterns);
    }

    @Override
    public String toString() {
        return "TimeLabels[" + zone + ", " + locale + "]";
    }
}
