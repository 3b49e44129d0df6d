package com.klinelive.feed.socketio;

/**
 * Finds, in the data of a Socket.IO event ({@code ["trade",{"sym":..},..]}), the event name and the text of its
 * first argument, without parsing the argument: that text goes to the feed's decoder, which reads it strictly.
 * A linear scan that tracks strings and brackets, so a bracket or comma inside a string or a nested value never
 * ends the argument early. Reusable, not thread-safe.
 */
final class EventArguments {

    static final String NOT_AN_ARRAY = "socket.io event data is not a JSON array";
    static final String NO_NAME = "socket.io event without a name";
    static final String MALFORMED = "socket.io event data is malformed";

    private String problem;
    private int nameStart;
    private int nameEnd;
    private int argStart;
    private int argEnd;

    /**
     * Scans the event array in {@code text} from {@code start} to its end.
     *
     * @return whether it is well-formed; if not, {@link #problem()} says why
     */
    boolean scan(String text, int start) {
        problem = null;
        argStart = -1;
        argEnd = -1;
        int p = skipSpace(text, start);
        if (p >= text.length() || text.charAt(p) != '[') {
            return fail(NOT_AN_ARRAY);
        }
        p = skipSpace(text, p + 1);
        if (p >= text.length() || text.charAt(p) != '"') {
            return fail(NO_NAME);
        }
        nameStart = p;
        p = skipString(text, p);
        if (p < 0) {
            return fail(MALFORMED);
        }
        nameEnd = p;
        int argument = 0;
        while (true) {
            p = skipSpace(text, p);
            if (p >= text.length()) {
                return fail(MALFORMED);
            }
            char c = text.charAt(p);
            if (c == ']') {
                return skipSpace(text, p + 1) == text.length() || fail(MALFORMED);
            }
            if (c != ',') {
                return fail(MALFORMED);
            }
            p = skipSpace(text, p + 1);
            int end = skipValue(text, p);
            if (end < 0) {
                return fail(MALFORMED);
            }
            if (argument++ == 0) {
                argStart = p;
                argEnd = end;
            }
            p = end;
        }
    }

    /** Whether the event's name, as written in JSON with its quotes, is {@code quotedName}. */
    boolean nameIs(String text, String quotedName) {
        return nameEnd - nameStart == quotedName.length() && text.startsWith(quotedName, nameStart);
    }

    /** Whether the event has an argument after its name. */
    boolean hasArgument() {
        return argStart >= 0;
    }

    /** The first argument's text. */
    String firstArgument(String text) {
        return text.substring(argStart, argEnd);
    }

    String problem() {
        return problem;
    }

    private boolean fail(String reason) {
        problem = reason;
        return false;
    }

    /** The end of the string whose quote is at {@code p}, or -1. */
    private static int skipString(String text, int p) {
        for (int i = p + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The end of the value starting at {@code p}, or -1: strings skipped whole, brackets counted. */
    private static int skipValue(String text, int p) {
        int depth = 0;
        int i = p;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipString(text, i);
                if (i < 0) {
                    return -1;
                }
                if (depth == 0) {
                    return i;
                }
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i == p ? -1 : trimEnd(text, p, i);
                }
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i == p ? -1 : trimEnd(text, p, i);
            }
            i++;
        }
        return -1;
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int skipSpace(String text, int p) {
        while (p < text.length() && isSpace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
