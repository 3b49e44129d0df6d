package com.klinelive.feed.protocol;

/**
 * Reads numbers in the strict RFC 8259 grammar {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} from a
 * char array without allocating in the common case. {@code NaN}, {@code Infinity}, a leading {@code +}, leading
 * zeros, hex and a bare {@code .} are not numbers.
 *
 * <p>Doubles use Clinger's fast path: a decimal significand of at most 2^53 scaled by a power of ten of at most
 * 22 is one correctly rounded multiplication or division of two exact doubles. Anything else, such as 17 or more
 * significant digits, falls back to {@link Double#parseDouble} on a copy of the text, which is exact as well.
 *
 * <p>Each parse method returns the index just after the number, or {@link #FAILED} with the problem in
 * {@link #problem()}; the value is in {@link #doubleValue()} or {@link #longValue()}. Not thread-safe.
 */
final class JsonNumberParser {

    /** Returned by a parse method when the text is not a number of the expected kind. */
    static final int FAILED = -1;

    static final String MALFORMED = "malformed number (JSON has no NaN, Infinity, '+', hex or bare '.')";
    static final String LEADING_ZERO = "malformed number (leading zero)";
    static final String NOT_INTEGER = "expected an integer without fraction or exponent";
    static final String OUT_OF_RANGE = "integer out of range";

    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT_SIGNIFICAND = 1L << 53;
    /** 18 decimal digits always fit in a long, 19 may not. */
    private static final int MAX_SIGNIFICAND_DIGITS = 18;

    private static final long LONG_MAX_DIV_10 = Long.MAX_VALUE / 10;
    private static final int LONG_MAX_LAST_DIGIT = (int) (Long.MAX_VALUE % 10);
    /** Exponents beyond this give zero or infinity anyway; saturating keeps the int from overflowing. */
    private static final int EXPONENT_SATURATION = 100_000;

    private double doubleValue;
    private long longValue;
    private String problem;

    /** Parses a number starting at {@code start}, stopping at the first character that cannot continue it. */
    int parseDouble(char[] text, int start, int limit) {
        // Plain decimals of at most 18 digits, which is what feeds send, in one short pass that inlines; anything
        // else, errors included, is read again by the general method, which gives the same value for these.
        int p = start;
        boolean negative = p < limit && text[p] == '-';
        if (negative) {
            p++;
        }
        int integerStart = p;
        long significand = 0;
        char digit;
        while (p < limit && (digit = (char) (text[p] - '0')) <= 9) {
            significand = significand * 10 + digit;
            p++;
        }
        int digits = p - integerStart;
        if (digits == 0 || digits > MAX_SIGNIFICAND_DIGITS || (digits > 1 && text[integerStart] == '0')) {
            return parseAnyDouble(text, start, limit);
        }
        int exponent = 0;
        if (p < limit && text[p] == '.') {
            int fractionStart = ++p;
            while (p < limit && (digit = (char) (text[p] - '0')) <= 9) {
                significand = significand * 10 + digit;
                p++;
            }
            exponent = fractionStart - p;
            if (exponent == 0 || digits - exponent > MAX_SIGNIFICAND_DIGITS) {
                return parseAnyDouble(text, start, limit);
            }
        }
        if (p < limit && (text[p] == 'e' || text[p] == 'E') || significand > MAX_EXACT_SIGNIFICAND) {
            return parseAnyDouble(text, start, limit);
        }
        double magnitude =
                significand == 0 ? 0.0 : exponent == 0 ? significand : significand / EXACT_POWERS_OF_TEN[-exponent];
        doubleValue = negative ? -magnitude : magnitude;
        return p;
    }

    /** {@link #parseDouble} of any number the grammar allows, and the problem with anything else. */
    private int parseAnyDouble(char[] text, int start, int limit) {
        int p = start;
        boolean negative = p < limit && text[p] == '-';
        if (negative) {
            p++;
        }
        if (p >= limit) {
            return fail(MALFORMED);
        }
        long significand = 0;
        int digits = 0;
        int exponent = 0;
        boolean truncated = false;
        char digit;
        if (text[p] == '0') {
            p++;
            if (p < limit && isDigit(text[p])) {
                return fail(LEADING_ZERO);
            }
        } else if (isDigit(text[p])) {
            int digitsStart = p;
            int exactEnd = Math.min(limit, p + MAX_SIGNIFICAND_DIGITS);
            while (p < exactEnd && (digit = (char) (text[p] - '0')) <= 9) {
                significand = significand * 10 + digit;
                p++;
            }
            digits = p - digitsStart;
            while (p < limit && (digit = (char) (text[p] - '0')) <= 9) {
                exponent++;
                truncated |= digit != 0;
                p++;
            }
        } else {
            return fail(MALFORMED);
        }
        if (p < limit && text[p] == '.') {
            p++;
            int fractionStart = p;
            if (significand == 0) {
                // Zeros right after "0." only scale the value; they are not significant digits.
                while (p < limit && text[p] == '0') {
                    p++;
                }
            }
            int significantStart = p;
            int exactEnd = Math.min(limit, p + MAX_SIGNIFICAND_DIGITS - digits);
            while (p < exactEnd && (digit = (char) (text[p] - '0')) <= 9) {
                significand = significand * 10 + digit;
                p++;
            }
            digits += p - significantStart;
            exponent -= p - fractionStart;
            while (p < limit && (digit = (char) (text[p] - '0')) <= 9) {
                truncated |= digit != 0;
                p++;
            }
            if (p == fractionStart) {
                return fail(MALFORMED);
            }
        }
        if (p < limit && (text[p] == 'e' || text[p] == 'E')) {
            p++;
            boolean negativeExponent = false;
            if (p < limit && (text[p] == '+' || text[p] == '-')) {
                negativeExponent = text[p] == '-';
                p++;
            }
            if (p >= limit || !isDigit(text[p])) {
                return fail(MALFORMED);
            }
            int written = 0;
            while (p < limit && (digit = (char) (text[p] - '0')) <= 9) {
                if (written < EXPONENT_SATURATION) {
                    written = written * 10 + digit;
                }
                p++;
            }
            exponent += negativeExponent ? -written : written;
        }
        doubleValue = roundedDouble(text, start, p, negative, significand, exponent, truncated);
        return p;
    }

    /**
     * Checks a number starting at {@code start} as {@link #parseDouble} would, without computing its value, for a
     * value to skip: the same end, or {@link #FAILED} with the same problem.
     */
    int skip(char[] text, int start, int limit) {
        int p = start;
        if (p < limit && text[p] == '-') {
            p++;
        }
        if (p >= limit) {
            return fail(MALFORMED);
        }
        if (text[p] == '0') {
            p++;
            if (p < limit && isDigit(text[p])) {
                return fail(LEADING_ZERO);
            }
        } else if (isDigit(text[p])) {
            p = skipDigits(text, p + 1, limit);
        } else {
            return fail(MALFORMED);
        }
        if (p < limit && text[p] == '.') {
            int fractionStart = p + 1;
            p = skipDigits(text, fractionStart, limit);
            if (p == fractionStart) {
                return fail(MALFORMED);
            }
        }
        if (p < limit && (text[p] == 'e' || text[p] == 'E')) {
            p++;
            if (p < limit && (text[p] == '+' || text[p] == '-')) {
                p++;
            }
            if (p >= limit || !isDigit(text[p])) {
                return fail(MALFORMED);
            }
            p = skipDigits(text, p + 1, limit);
        }
        return p;
    }

    /** Parses an integer starting at {@code start}; a fraction or exponent after it is an error. */
    int parseLong(char[] text, int start, int limit) {
        int p = start;
        boolean negative = p < limit && text[p] == '-';
        if (negative) {
            p++;
        }
        if (p >= limit) {
            return fail(MALFORMED);
        }
        long value = 0;
        char digit;
        if (text[p] == '0') {
            p++;
            if (p < limit && isDigit(text[p])) {
                return fail(LEADING_ZERO);
            }
        } else if (isDigit(text[p])) {
            int exactEnd = Math.min(limit, p + MAX_SIGNIFICAND_DIGITS);
            while (p < exactEnd && (digit = (char) (text[p] - '0')) <= 9) {
                value = value * 10 + digit;
                p++;
            }
            // 18 digits cannot overflow; only a 19th needs checking, and a 20th always overflows.
            if (p < limit && (digit = (char) (text[p] - '0')) <= 9) {
                if (value > LONG_MAX_DIV_10
                        || (value == LONG_MAX_DIV_10 && digit > LONG_MAX_LAST_DIGIT)
                        || (p + 1 < limit && isDigit(text[p + 1]))) {
                    return fail(OUT_OF_RANGE);
                }
                value = value * 10 + digit;
                p++;
            }
        } else {
            return fail(MALFORMED);
        }
        if (p < limit && (text[p] == '.' || text[p] == 'e' || text[p] == 'E')) {
            return fail(NOT_INTEGER);
        }
        longValue = negative ? -value : value;
        return p;
    }

    double doubleValue() {
        return doubleValue;
    }

    long longValue() {
        return longValue;
    }

    String problem() {
        return problem;
    }

    private static double roundedDouble(
            char[] text, int start, int end, boolean negative, long significand, int exponent, boolean truncated) {
        if (significand == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (!truncated && significand <= MAX_EXACT_SIGNIFICAND && exponent >= -22 && exponent <= 22) {
            double magnitude = exponent >= 0
                    ? significand * EXACT_POWERS_OF_TEN[exponent]
                    : significand / EXACT_POWERS_OF_TEN[-exponent];
            return negative ? -magnitude : magnitude;
        }
        return Double.parseDouble(new String(text, start, end - start));
    }

    private static int skipDigits(char[] text, int p, int limit) {
        while (p < limit && isDigit(text[p])) {
            p++;
        }
        return p;
    }

    private int fail(String reason) {
        problem = reason;
        return FAILED;
    }

    private static boolean isDigit(char c) {
        return (char) (c - '0') <= 9;
    }
}
