package com.klinelive.feed.protocol;

/**
 * Reads an event time written as a plain decimal count since 1970-01-01T00:00Z, in seconds, milliseconds,
 * microseconds or nanoseconds, to epoch milliseconds UTC without allocating. The unit is told apart by the
 * magnitude of the integer part, which for any time from 1973 to 5138 falls in exactly one band: below 10^11
 * seconds, below 10^14 milliseconds, below 10^17 microseconds, nanoseconds above. A fraction is allowed in any
 * unit and truncated below the millisecond, digit by digit, so {@code 1764073200.1239} is exactly
 * {@code 1764073200123} (a double would round it to ...122.99). No sign, exponent or leading zero.
 */
final class EpochTimeParser {

    /** Returned for text that is not such a number; no valid time maps to it. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = 100_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;
    /** 18 digits always fit in a long; a 19th may not. */
    private static final int SAFE_DIGITS = 18;

    private EpochTimeParser() {}

    /** The time in {@code text[start, end)} as epoch milliseconds UTC, or {@link #INVALID}. */
    static long parseEpochMillis(char[] text, int start, int end) {
        int p = start;
        long whole = 0;
        while (p < end && isDigit(text[p])) {
            if (p - start == SAFE_DIGITS) {
                long next = whole * 10 + (text[p] - '0');
                if (whole > Long.MAX_VALUE / 10 || next < 0) {
                    return INVALID;
                }
                whole = next;
            } else if (p - start > SAFE_DIGITS) {
                return INVALID;
            } else {
                whole = whole * 10 + (text[p] - '0');
            }
            p++;
        }
        int digits = p - start;
        if (digits == 0 || (digits > 1 && text[start] == '0')) {
            return INVALID;
        }
        int fractionMillis = 0;
        if (p < end && text[p] == '.') {
            int fractionStart = ++p;
            while (p < end && isDigit(text[p])) {
                if (p - fractionStart < 3) {
                    fractionMillis = fractionMillis * 10 + (text[p] - '0');
                }
                p++;
            }
            int fractionDigits = p - fractionStart;
            if (fractionDigits == 0) {
                return INVALID;
            }
            for (int i = fractionDigits; i < 3; i++) {
                fractionMillis *= 10;
            }
        }
        if (p != end) {
            return INVALID;
        }
        if (whole < SECONDS_BELOW) {
            return whole * 1000 + fractionMillis;
        }
        if (whole < MILLIS_BELOW) {
            return whole;
        }
        return whole < MICROS_BELOW ? whole / 1_000 : whole / 1_000_000;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
