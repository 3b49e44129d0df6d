package com.klinelive.feed.protocol;

/**
 * Reads an RFC 3339 / ISO-8601 instant such as {@code 2014-11-07T08:19:27.028459Z} to epoch milliseconds UTC,
 * without allocating: four-digit year, {@code T}, seconds, an optional fraction of 1 to 9 digits (truncated to
 * milliseconds), then {@code Z} or an offset {@code ±HH:MM}. Every field is range-checked, including the day of
 * the month in leap years; leap seconds ({@code :60}) are refused.
 */
final class IsoInstantParser {

    /** Returned for text that is not such an instant; no valid instant maps to it. */
    static final long INVALID = Long.MIN_VALUE;

    private static final int DATE_TIME_LENGTH = 19;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int OFFSET_LENGTH = 6;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoInstantParser() {}

    /** The instant in {@code text[start, end)} as epoch milliseconds UTC, or {@link #INVALID}. */
    static long parseEpochMillis(char[] text, int start, int end) {
        if (end - start < DATE_TIME_LENGTH + 1) {
            return INVALID;
        }
        int year = digits(text, start, 4);
        int month = digits(text, start + 5, 2);
        int day = digits(text, start + 8, 2);
        int hour = digits(text, start + 11, 2);
        int minute = digits(text, start + 14, 2);
        int second = digits(text, start + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysInMonth(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || text[start + 4] != '-'
                || text[start + 7] != '-'
                || text[start + 13] != ':'
                || text[start + 16] != ':'
                || (text[start + 10] != 'T' && text[start + 10] != 't')) {
            return INVALID;
        }
        int p = start + DATE_TIME_LENGTH;
        int millis = 0;
        if (text[p] == '.') {
            p++;
            int fractionStart = p;
            while (p < end && p - fractionStart < MAX_FRACTION_DIGITS + 1 && isDigit(text[p])) {
                if (p - fractionStart < 3) {
                    millis = millis * 10 + (text[p] - '0');
                }
                p++;
            }
            int fractionDigits = p - fractionStart;
            if (fractionDigits == 0 || fractionDigits > MAX_FRACTION_DIGITS) {
                return INVALID;
            }
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
        }
        long offsetMillis = offsetMillis(text, p, end);
        if (offsetMillis == INVALID) {
            return INVALID;
        }
        long dayMillis = ((hour * 60L + minute) * 60L + second) * 1000L + millis;
        return daysSinceEpoch(year, month, day) * MILLIS_PER_DAY + dayMillis - offsetMillis;
    }

    private static long offsetMillis(char[] text, int p, int end) {
        if (p == end - 1 && (text[p] == 'Z' || text[p] == 'z')) {
            return 0;
        }
        if (end - p != OFFSET_LENGTH || (text[p] != '+' && text[p] != '-') || text[p + 3] != ':') {
            return INVALID;
        }
        int hours = digits(text, p + 1, 2);
        int minutes = digits(text, p + 4, 2);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return INVALID;
        }
        long offset = (hours * 60L + minutes) * 60_000L;
        return text[p] == '-' ? -offset : offset;
    }

    /** Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    private static long daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} decimal digits at {@code start}, or -1 if one is not a digit. */
    private static int digits(char[] text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            if (!isDigit(text[i])) {
                return -1;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
