package com.klinelive.feed.protocol;

/**
 * A strict (RFC 8259), reusable, allocation-free pull parser over one message at a time. Decoders walk a message
 * with it: {@link #beginObject}, then {@link #hasNext}/{@link #nextName}/{@link #nameIs} per field, a typed read
 * or {@link #skipValue} per value, {@link #endObject}, and finally {@link #finish}.
 *
 * <p>Every problem throws the cursor's one reusable {@link InvalidMessageException}, whose reason names the field
 * being read. Limits: messages over {@link #MAX_MESSAGE_BYTES} UTF-8 bytes are refused before parsing, nesting
 * deeper than {@link #MAX_DEPTH} is refused without recursion, and anything but whitespace after the top-level
 * value is refused. Strings may not hold unescaped control characters or invalid escapes; a lone surrogate
 * written as {@code \\uD800} is accepted as a char.
 *
 * <p>Not thread-safe: one cursor per decoder, one decoder per connection.
 */
public final class JsonCursor {

    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final int MAX_DEPTH = 32;

    static final String NO_MESSAGE = "no message";
    static final String TOO_LARGE = "message over 64 KiB";
    static final String TOO_DEEP = "nesting deeper than 32 levels";
    static final String TRAILING_DATA = "data after the end of the message";
    static final String TRUNCATED = "message ends inside a value";
    static final String EXPECTED_NAME = "expected a field name in double quotes";
    static final String EXPECTED_COLON = "expected ':' after a field name";
    static final String EXPECTED_OBJECT_SEPARATOR = "expected ',' or '}'";
    static final String EXPECTED_ARRAY_SEPARATOR = "expected ',' or ']'";
    static final String TRAILING_COMMA = "trailing comma";
    static final String EXPECTED_VALUE = "expected a value";
    static final String ESCAPE_IN_NUMBER = "a number in a string must not contain escapes";
    static final String MALFORMED_NUMBER_STRING = "expected a number in a string";
    static final String MALFORMED_INSTANT = "expected an ISO-8601 instant such as 2014-11-07T08:19:27.028459Z";
    static final String EXPECTED_TIME = "expected a time: a number, a numeric string or an ISO-8601 string";
    static final String MALFORMED_EPOCH_TIME =
            "expected epoch s, ms, us or ns as a plain decimal (no sign, exponent or leading zero)";

    private static final String FOUND_END = "end of message";
    private static final String FOUND_UNEXPECTED = "an unexpected character";
    private static final String FOUND_SINGLE_QUOTE = "a single quote";
    private static final String FOUND_NON_FINITE = "NaN or Infinity, which JSON does not have";

    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();
    private static final char[] NULL = "null".toCharArray();

    private static final byte TOP_LEVEL = 0;
    private static final byte EMPTY_OBJECT = 1;
    private static final byte OBJECT = 2;
    private static final byte EMPTY_ARRAY = 3;
    private static final byte ARRAY = 4;
    private static final int MARK_SCOPE_BITS = 3;
    private static final int MARK_DEPTH_BITS = 6;

    private char[] text = new char[512];
    private int pos;
    private int limit;
    private int depth;
    private final byte[] scopes = new byte[MAX_DEPTH + 1];

    /** Content (without quotes) of the last string read, value or name. */
    private int stringStart;

    private int stringEnd;
    private boolean stringEscaped;
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;

    private final JsonStringScanner strings = new JsonStringScanner();
    private final JsonNumberParser numbers = new JsonNumberParser();
    private final SymbolTable symbols = new SymbolTable();
    private final InvalidMessageException failure = new InvalidMessageException();

    /** Starts on a new message, refusing {@code null} and messages over the size limit. */
    public void reset(String message) {
        pos = 0;
        limit = 0;
        depth = 0;
        scopes[0] = TOP_LEVEL;
        if (message == null) {
            throw fail(null, NO_MESSAGE, null);
        }
        int length = message.length();
        // A char is at most 3 UTF-8 bytes, so only long messages need their encoded length counted.
        if (length > MAX_MESSAGE_BYTES || (length > MAX_MESSAGE_BYTES / 3 && utf8Length(message) > MAX_MESSAGE_BYTES)) {
            throw fail(null, TOO_LARGE, null);
        }
        if (text.length < length) {
            text = new char[Math.min(MAX_MESSAGE_BYTES, Math.max(length, text.length * 2))];
        }
        message.getChars(0, length, text, 0);
        limit = length;
    }

    /** Checks that nothing but whitespace follows the top-level value. */
    public void finish() {
        skipWhitespace();
        if (pos < limit) {
            throw fail(null, TRAILING_DATA, null);
        }
    }

    /** The exception to throw for a problem found by a decoder, such as a value out of range. */
    public InvalidMessageException fail(String field, String problem, String found) {
        return failure.describe(field, problem, found);
    }

    /** The kind of the next value; throws if there is none. */
    public JsonKind peek(String field) {
        skipWhitespace();
        JsonKind kind = kindAt(pos);
        if (kind == null) {
            throw fail(field, EXPECTED_VALUE, found());
        }
        return kind;
    }

    public void beginObject(String field) {
        expectStart(field, '{', JsonKind.OBJECT);
        push(EMPTY_OBJECT);
    }

    public void beginArray(String field) {
        expectStart(field, '[', JsonKind.ARRAY);
        push(EMPTY_ARRAY);
    }

    /**
     * Whether the current object or array has another member, consuming the comma before it. Call once per
     * member, then read the member ({@link #nextName} and a value, or a value).
     */
    public boolean hasNext() {
        skipWhitespace();
        if (pos >= limit) {
            throw fail(null, TRUNCATED, null);
        }
        byte scope = scopes[depth];
        boolean inObject = scope == EMPTY_OBJECT || scope == OBJECT;
        char c = text[pos];
        if (c == (inObject ? '}' : ']')) {
            return false;
        }
        if (scope == EMPTY_OBJECT || scope == EMPTY_ARRAY) {
            scopes[depth] = inObject ? OBJECT : ARRAY;
            return true;
        }
        if (c != ',') {
            throw fail(null, inObject ? EXPECTED_OBJECT_SEPARATOR : EXPECTED_ARRAY_SEPARATOR, found());
        }
        pos++;
        skipWhitespace();
        if (pos < limit && (text[pos] == '}' || text[pos] == ']')) {
            throw fail(null, TRAILING_COMMA, null);
        }
        return true;
    }

    /** Reads a field name and its colon; compare it with {@link #nameIs}. */
    public void nextName() {
        skipWhitespace();
        if (pos >= limit || text[pos] != '"') {
            throw fail(null, EXPECTED_NAME, found());
        }
        scanString(null);
        nameStart = stringStart;
        nameEnd = stringEnd;
        nameEscaped = stringEscaped;
        skipWhitespace();
        if (pos >= limit || text[pos] != ':') {
            throw fail(null, EXPECTED_COLON, found());
        }
        pos++;
    }

    /** The last field name read, as a new String. */
    public String nameValue() {
        if (nameEscaped) {
            return strings.decode(text, nameStart, nameEnd).toString();
        }
        return new String(text, nameStart, nameEnd - nameStart);
    }

    /** Whether the last field name read equals {@code name}, decoding escapes only if the name has any. */
    public boolean nameIs(String name) {
        return strings.regionEquals(text, nameStart, nameEnd, nameEscaped, name);
    }

    /**
     * The first character of the last field name read, or -1 when the name is empty or holds an escape: lets a
     * decoder that looks names up in a table rule most of them out without comparing them.
     */
    public int nameFirstChar() {
        return nameEscaped || nameEnd == nameStart ? -1 : text[nameStart];
    }

    public void endObject() {
        expectEnd('}');
    }

    public void endArray() {
        expectEnd(']');
    }

    /** Skips the rest of the current object, checking it as strictly as the rest, and consumes its '}'. */
    public void skipRestOfObject() {
        while (hasNext()) {
            nextName();
            skipValue();
        }
        endObject();
    }

    /** Skips one value of any kind, checking its syntax and depth, without recursion. */
    public void skipValue() {
        int base = depth;
        while (true) {
            switch (peek(null)) {
                case OBJECT -> beginObject(null);
                case ARRAY -> beginArray(null);
                case STRING -> scanString(null);
                case NUMBER -> skipNumber();
                case BOOLEAN, NULL -> skipLiteral();
            }
            while (true) {
                if (depth == base) {
                    return;
                }
                if (hasNext()) {
                    if (scopes[depth] == OBJECT) {
                        nextName();
                    }
                    break;
                }
                expectEnd(text[pos]);
            }
        }
    }

    /**
     * Looks through the rest of the current object for the field {@code name}. If found, the cursor stands at its
     * value; if not, just before the object's '}'. Use with {@link #mark()}/{@link #rewind} to read a field
     * before the ones that precede it.
     */
    public boolean findField(String name) {
        while (hasNext()) {
            nextName();
            if (nameIs(name)) {
                return true;
            }
            skipValue();
        }
        return false;
    }

    /**
     * Consumes {@code literal} if the text at the cursor is exactly that, with no whitespace before it, and tells
     * whether it did. For decoders reading a message in its usual compact layout; the literal may span structure
     * (such as {@code ,"seq":}), which the cursor then does not track, so use it only outside any object or array
     * begun with {@link #beginObject} or {@link #beginArray}.
     */
    public boolean consumeIfNext(char[] literal) {
        int p = pos;
        int length = literal.length;
        if (limit - p < length) {
            return false;
        }
        if (!CharRegions.equal(text, p, literal, 0, length)) {
            return false;
        }
        pos = p + length;
        return true;
    }

    /** The current position, to come back to with {@link #rewind} while still inside the same container. */
    public int mark() {
        return (((pos << MARK_DEPTH_BITS) | depth) << MARK_SCOPE_BITS) | scopes[depth];
    }

    /** A copy of the text from {@code mark} (see {@link #mark()}) to the cursor: a literal to match later. */
    public char[] textSince(int mark) {
        int from = mark >>> (MARK_SCOPE_BITS + MARK_DEPTH_BITS);
        return java.util.Arrays.copyOfRange(text, from, pos);
    }

    public void rewind(int mark) {
        depth = (mark >>> MARK_SCOPE_BITS) & ((1 << MARK_DEPTH_BITS) - 1);
        scopes[depth] = (byte) (mark & ((1 << MARK_SCOPE_BITS) - 1));
        pos = mark >>> (MARK_SCOPE_BITS + MARK_DEPTH_BITS);
    }

    /** Reads an integer without fraction or exponent. */
    public long nextLong(String field) {
        expectNumber(field);
        int end = numbers.parseLong(text, pos, limit);
        if (end == JsonNumberParser.FAILED) {
            throw fail(field, numbers.problem(), null);
        }
        pos = end;
        return numbers.longValue();
    }

    /** Reads a number as the nearest double; a number too large for a double reads as an infinity. */
    public double nextDouble(String field) {
        expectNumber(field);
        int end = numbers.parseDouble(text, pos, limit);
        if (end == JsonNumberParser.FAILED) {
            throw fail(field, numbers.problem(), null);
        }
        pos = end;
        return numbers.doubleValue();
    }

    public boolean nextBoolean(String field) {
        expectKind(field, JsonKind.BOOLEAN);
        boolean value = text[pos] == 't';
        skipLiteral();
        return value;
    }

    /** Reads a string value; compare it with {@link #stringIs}, {@link #matchString} or take it as a String. */
    public void nextStringToken(String field) {
        skipWhitespace();
        if (pos >= limit || text[pos] != '"') {
            throw fail(field, JsonKind.STRING.expectation(), found());
        }
        scanString(field);
    }

    /** Reads a string value as a new String. */
    public String nextString(String field) {
        nextStringToken(field);
        return stringValue();
    }

    /** The last string value read, as a String. */
    public String stringValue() {
        if (stringEscaped) {
            return strings.decode(text, stringStart, stringEnd).toString();
        }
        return new String(text, stringStart, stringEnd - stringStart);
    }

    /** Whether the last string value read equals {@code value}. */
    public boolean stringIs(String value) {
        return strings.regionEquals(text, stringStart, stringEnd, stringEscaped, value);
    }

    /** The index of the last string value read in {@code options}, or -1. */
    public int matchString(String[] options) {
        for (int i = 0; i < options.length; i++) {
            if (stringIs(options[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads a symbol (or another short name, such as an epoch): a string of 1 to 64 characters without control
     * characters. Symbols the feed repeats come from a bounded intern table rather than a new String each time.
     */
    public String nextSymbol(String field) {
        skipWhitespace();
        if (pos < limit && text[pos] == '"') {
            // Feeds repeat one symbol: if the text holds the last one and its closing quote, that is the value.
            String last = symbols.matchLast(text, pos + 1, limit);
            if (last != null) {
                stringStart = pos + 1;
                stringEnd = stringStart + last.length();
                stringEscaped = false;
                pos = stringEnd + 1;
                return last;
            }
        }
        nextStringToken(field);
        String problem;
        if (stringEscaped) {
            String name = strings.decode(text, stringStart, stringEnd).toString();
            problem = FieldRules.nameProblem(name);
            if (problem == null) {
                return name;
            }
        } else {
            // The table holds only valid names, so a name found there needs no checking.
            String known = symbols.find(text, stringStart, stringEnd);
            if (known != null) {
                return known;
            }
            problem = FieldRules.nameProblem(text, stringStart, stringEnd);
            if (problem == null) {
                return symbols.add(text, stringStart, stringEnd);
            }
        }
        throw fail(field, problem, null);
    }

    /** Reads a decimal number written as a string, such as {@code "43250.50"}, in the strict number grammar. */
    public double nextNumberInString(String field) {
        skipWhitespace();
        if (pos < limit && text[pos] == '"') {
            // A number cannot hold a quote, backslash or control character: if one ends right at a quote, that
            // quote closes the string and the string is exactly the number.
            int end = numbers.parseDouble(text, pos + 1, limit);
            if (end != JsonNumberParser.FAILED && end < limit && text[end] == '"') {
                stringStart = pos + 1;
                stringEnd = end;
                stringEscaped = false;
                pos = end + 1;
                return numbers.doubleValue();
            }
        }
        nextStringToken(field);
        if (stringEscaped) {
            throw fail(field, ESCAPE_IN_NUMBER, null);
        }
        int end = numbers.parseDouble(text, stringStart, stringEnd);
        if (end == JsonNumberParser.FAILED) {
            throw fail(field, numbers.problem(), null);
        }
        if (end != stringEnd) {
            throw fail(field, MALFORMED_NUMBER_STRING, null);
        }
        return numbers.doubleValue();
    }

    /**
     * Reads an integer written as a string, such as {@code "130639474"} (OKX and Bybit send trade ids and times so),
     * in the strict integer grammar: no fraction, exponent, spaces or escapes.
     */
    public long nextLongInString(String field) {
        nextStringToken(field);
        if (stringEscaped) {
            throw fail(field, ESCAPE_IN_NUMBER, null);
        }
        int end = numbers.parseLong(text, stringStart, stringEnd);
        if (end == JsonNumberParser.FAILED) {
            throw fail(field, numbers.problem(), null);
        }
        if (end != stringEnd) {
            throw fail(field, MALFORMED_NUMBER_STRING, null);
        }
        return numbers.longValue();
    }

    /** Reads an ISO-8601 instant written as a string, returning epoch milliseconds UTC. */
    public long nextInstantInString(String field) {
        nextStringToken(field);
        long millis = stringEscaped
                ? IsoInstantParser.INVALID
                : IsoInstantParser.parseEpochMillis(text, stringStart, stringEnd);
        if (millis == IsoInstantParser.INVALID) {
            throw fail(field, MALFORMED_INSTANT, null);
        }
        return millis;
    }

    /**
     * Reads an event time, returning epoch milliseconds UTC: a number or a numeric string counting seconds,
     * milliseconds, microseconds or nanoseconds since the epoch, told apart by magnitude (see
     * {@link EpochTimeParser}), or an ISO-8601 string such as {@code "2014-11-07T08:19:27.028459Z"}.
     */
    public long nextEpochMillis(String field) {
        skipWhitespace();
        JsonKind kind = kindAt(pos);
        long millis;
        if (kind == JsonKind.NUMBER) {
            int end = numbers.skip(text, pos, limit);
            if (end == JsonNumberParser.FAILED) {
                throw fail(field, numbers.problem(), null);
            }
            millis = EpochTimeParser.parseEpochMillis(text, pos, end);
            pos = end;
        } else if (kind == JsonKind.STRING) {
            scanString(field);
            if (stringEscaped) {
                throw fail(field, ESCAPE_IN_NUMBER, null);
            }
            boolean iso = stringEnd - stringStart > 4 && text[stringStart + 4] == '-';
            millis = iso
                    ? IsoInstantParser.parseEpochMillis(text, stringStart, stringEnd)
                    : EpochTimeParser.parseEpochMillis(text, stringStart, stringEnd);
            if (iso && millis == IsoInstantParser.INVALID) {
                throw fail(field, MALFORMED_INSTANT, null);
            }
        } else {
            throw fail(field, EXPECTED_TIME, found());
        }
        if (millis == EpochTimeParser.INVALID) {
            throw fail(field, MALFORMED_EPOCH_TIME, null);
        }
        return millis;
    }

    private void skipWhitespace() {
        char[] t = text;
        int p = pos;
        int end = limit;
        // Whitespace is at most ' ', and compact senders have none: one comparison is the common case.
        if (p < end && t[p] > ' ') {
            return;
        }
        while (p < end) {
            char c = t[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }

    private void push(byte scope) {
        if (depth == MAX_DEPTH) {
            throw fail(null, TOO_DEEP, null);
        }
        scopes[++depth] = scope;
    }

    private void expectStart(String field, char open, JsonKind kind) {
        skipWhitespace();
        if (pos >= limit || text[pos] != open) {
            throw fail(field, kind.expectation(), found());
        }
        pos++;
    }

    private void expectEnd(char close) {
        skipWhitespace();
        if (pos >= limit || text[pos] != close || depth == 0) {
            throw fail(null, close == '}' ? EXPECTED_OBJECT_SEPARATOR : EXPECTED_ARRAY_SEPARATOR, found());
        }
        pos++;
        depth--;
    }

    private void expectKind(String field, JsonKind kind) {
        skipWhitespace();
        if (kindAt(pos) != kind) {
            throw fail(field, kind.expectation(), found());
        }
    }

    /** The hot-path form of {@code expectKind(field, NUMBER)}. */
    private void expectNumber(String field) {
        skipWhitespace();
        if (pos < limit) {
            char c = text[pos];
            if ((c >= '0' && c <= '9') || c == '-') {
                return;
            }
        }
        throw fail(field, JsonKind.NUMBER.expectation(), found());
    }

    private void skipNumber() {
        int end = numbers.skip(text, pos, limit);
        if (end == JsonNumberParser.FAILED) {
            throw fail(null, numbers.problem(), null);
        }
        pos = end;
    }

    private void skipLiteral() {
        char[] literal = switch (text[pos]) {
            case 't' -> TRUE;
            case 'f' -> FALSE;
            default -> NULL;
        };
        if (!consumeIfNext(literal)) {
            throw fail(null, EXPECTED_VALUE, FOUND_UNEXPECTED);
        }
    }

    /** Scans the string starting at the quote at {@code pos}, checking its escapes, and records its content. */
    private void scanString(String field) {
        int start = pos + 1;
        int end = strings.scan(text, start, limit);
        if (end == JsonStringScanner.FAILED) {
            throw fail(field, strings.problem(), null);
        }
        stringStart = start;
        stringEnd = end;
        stringEscaped = strings.escaped();
        pos = end + 1;
    }

    private JsonKind kindAt(int p) {
        if (p >= limit) {
            return null;
        }
        char c = text[p];
        return switch (c) {
            case '{' -> JsonKind.OBJECT;
            case '[' -> JsonKind.ARRAY;
            case '"' -> JsonKind.STRING;
            case 't', 'f' -> JsonKind.BOOLEAN;
            case 'n' -> JsonKind.NULL;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> JsonKind.NUMBER;
            default -> null;
        };
    }

    /** What stands at the cursor, for a reason such as "expected a number, found a string". */
    private String found() {
        if (pos >= limit) {
            return FOUND_END;
        }
        JsonKind kind = kindAt(pos);
        if (kind != null) {
            return kind.description();
        }
        return switch (text[pos]) {
            case '\'' -> FOUND_SINGLE_QUOTE;
            case 'N', 'I' -> FOUND_NON_FINITE;
            default -> FOUND_UNEXPECTED;
        };
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
