package com.klinelive.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}, a bare number of seconds ({@code 0}, {@code 90}), or ISO-8601 such as {@code PT1H30M}.
 */
public final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    private DurationText() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the accepted forms, when {@code text} is not one of them
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(t);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // Not ISO-8601 either: the message below names the forms.
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 500ms, 30s, 5m, 2h, 1d or PT1H");
    }
}
