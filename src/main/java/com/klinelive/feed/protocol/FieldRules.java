package com.klinelive.feed.protocol;

/**
 * The value rules of docs/PROTOCOL.md "Validation", shared by every decoder, so "plausible time" or "valid price"
 * means the same thing whichever format a tick came in.
 */
public final class FieldRules {

    /** 2000-01-01T00:00:00Z, the earliest plausible event time, in epoch milliseconds. */
    public static final long MIN_TIME = 946_684_800_000L;
    /** 2100-01-01T00:00:00Z, the first implausible event time, in epoch milliseconds. */
    public static final long END_TIME = 4_102_444_800_000L;
    /** Longest symbol (and epoch name) in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    public static final String PRICE_PROBLEM = "must be finite and > 0";
    public static final String SIZE_PROBLEM = "must be finite and >= 0";
    public static final String TIME_PROBLEM = "must be epoch milliseconds from 2000-01-01 to 2100-01-01 UTC";
    public static final String ID_PROBLEM = "must be an integer from 0 to 2^63-1";
    public static final String EMPTY_NAME = "must not be empty";
    public static final String LONG_NAME = "must be at most 64 characters";
    public static final String CONTROL_IN_NAME = "must not contain control characters";

    private FieldRules() {}

    public static boolean isValidPrice(double price) {
        return Double.isFinite(price) && price > 0;
    }

    public static boolean isValidSize(double size) {
        return Double.isFinite(size) && size >= 0;
    }

    public static boolean isPlausibleTime(long epochMillis) {
        return epochMillis >= MIN_TIME && epochMillis < END_TIME;
    }

    public static boolean isValidId(long id) {
        return id >= 0;
    }

    /** What is wrong with a symbol or epoch name, or {@code null} if nothing is. */
    public static String nameProblem(CharSequence name) {
        String lengthProblem = lengthProblem(name.length());
        if (lengthProblem != null) {
            return lengthProblem;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return CONTROL_IN_NAME;
            }
        }
        return null;
    }

    /** What is wrong with the name in {@code text[start, end)}, or {@code null} if nothing is. */
    public static String nameProblem(char[] text, int start, int end) {
        String lengthProblem = lengthProblem(end - start);
        if (lengthProblem != null) {
            return lengthProblem;
        }
        for (int i = start; i < end; i++) {
            if (Character.isISOControl(text[i])) {
                return CONTROL_IN_NAME;
            }
        }
        return null;
    }

    private static String lengthProblem(int length) {
        if (length == 0) {
            return EMPTY_NAME;
        }
        return length > MAX_NAME_LENGTH ? LONG_NAME : null;
    }
}
