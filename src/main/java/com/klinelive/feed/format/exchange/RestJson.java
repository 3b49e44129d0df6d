package com.klinelive.feed.format.exchange;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strict reading of exchanges' REST answers with Gson's streaming reader: RFC 8259 only, bounded nesting, nothing
 * after the top-level value, and numbers the exchange sends as decimal strings read in the JSON number grammar
 * (no spaces, {@code +}, {@code NaN} or hex, which {@link Double#parseDouble} would accept).
 *
 * <pre>{@code
 * List<Candle> candles = RestJson.read(body, "klines", reader -> readKlines(reader));
 * }</pre>
 */
public final class RestJson {

    /** What an answer that is a web page rather than JSON is reported as. */
    public static final String HTML_PAGE = "an HTML page, not JSON (an error page from the exchange or a proxy?)";

    private static final int MAX_NESTING = 16;
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    /** Reads one answer's top-level value; the reader it gets is strict and positioned at that value. */
    @FunctionalInterface
    public interface Body<T> {
        T read(JsonReader reader) throws IOException;
    }

    private RestJson() {}

    /**
     * A JSON array, each element read by {@code element}; more elements than an answer may hold are refused.
     *
     * @param what names the array in error messages
     */
    public static <T> List<T> array(JsonReader reader, String what, Body<T> element) throws IOException {
        List<T> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            RestChecks.countOne(list, what);
            list.add(element.read(reader));
        }
        reader.endArray();
        return list;
    }

    /**
     * Parses {@code body} with {@code content}, checking that nothing follows the value.
     *
     * @param what names the answer in error messages, such as {@code "klines"}
     * @throws RestAnswerException when the body is empty, an HTML page, malformed, or {@code content} refuses it
     */
    public static <T> T read(String body, String what, Body<T> content) {
        if (body == null || body.isBlank()) {
            throw new RestAnswerException(what + ": empty answer");
        }
        if (looksLikeHtml(body)) {
            throw new RestAnswerException(what + ": " + HTML_PAGE);
        }
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            T value = content.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new RestAnswerException(what + ": data after the JSON value");
            }
            return value;
        } catch (RestAnswerException e) {
            throw e;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new RestAnswerException(what + ": malformed JSON (" + shortMessage(e) + ")", e);
        } catch (RuntimeException e) {
            // A parser bug must cost one answer, never the caller's thread.
            throw new RestAnswerException(what + ": could not be read (" + shortMessage(e) + ")", e);
        }
    }

    /** A decimal number sent as a string, such as {@code "43250.50"}. */
    public static double decimalString(JsonReader reader, String field) throws IOException {
        String text = string(reader, field);
        if (!DECIMAL.matcher(text).matches()) {
            throw new RestAnswerException(field + ": expected a decimal number in a string");
        }
        return Double.parseDouble(text);
    }

    /** An integer sent as a string, such as {@code "1630048897897"}. */
    public static long integerString(JsonReader reader, String field) throws IOException {
        return parseInteger(string(reader, field), field);
    }

    /** An integer sent as a JSON number, without fraction or exponent. */
    public static long integer(JsonReader reader, String field) throws IOException {
        expect(reader, JsonToken.NUMBER, field);
        // nextString gives a number token's text as sent, so "1.0" or "1e3" is not silently taken as an integer.
        return parseInteger(reader.nextString(), field);
    }

    /** A number sent as a JSON number (Coinbase candles, Kraken v2 trades). */
    public static double number(JsonReader reader, String field) throws IOException {
        expect(reader, JsonToken.NUMBER, field);
        String text = reader.nextString();
        if (!DECIMAL.matcher(text).matches()) {
            throw new RestAnswerException(field + ": malformed number");
        }
        return Double.parseDouble(text);
    }

    /** Epoch seconds as epoch milliseconds, refusing a value too large to convert. */
    public static long secondsToMillis(long seconds, String field) {
        if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
            throw new RestAnswerException(field + ": seconds out of range");
        }
        return seconds * 1000;
    }

    /** A string value; a number or anything else where a string belongs is refused. */
    public static String string(JsonReader reader, String field) throws IOException {
        expect(reader, JsonToken.STRING, field);
        return reader.nextString();
    }

    /** Refuses the answer unless the next token is {@code token}. */
    public static void expect(JsonReader reader, JsonToken token, String field) throws IOException {
        JsonToken found = reader.peek();
        if (found != token) {
            throw new RestAnswerException(field + ": expected " + describe(token) + ", found " + describe(found));
        }
    }

    /** Whether a body is a web page: proxies and CDNs answer errors with HTML whatever the API speaks. */
    public static boolean looksLikeHtml(String body) {
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return i < body.length() && body.charAt(i) == '<';
    }

    private static long parseInteger(String text, String field) {
        if (!INTEGER.matcher(text).matches()) {
            throw new RestAnswerException(field + ": expected an integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RestAnswerException(field + ": integer out of range", e);
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the answer";
            default -> "the end of a container";
        };
    }

    private static String shortMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.length() > 120 ? m.substring(0, 120) + "..." : m;
    }
}
