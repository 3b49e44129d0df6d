package com.klinelive.sim;

import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Strict reading of a request's query parameters: a parameter given twice, a malformed number or one out of
 * range is a {@link BadRequestException} whose message says which and why.
 */
final class QueryParams {

    private static final Pattern NON_NEGATIVE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final int MAX_ECHOED = 40;

    private final Fields fields;

    private QueryParams(Fields fields) {
        this.fields = fields;
    }

    /** The query parameters of {@code request}; a malformed query string is a bad request. */
    static QueryParams of(Request request) {
        try {
            return new QueryParams(Request.extractQueryParameters(request));
        } catch (RuntimeException malformed) {
            throw new BadRequestException("malformed query string");
        }
    }

    /** The value of {@code name}, or null when absent. */
    String optional(String name) {
        List<String> values = fields.getValues(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequestException(name + " given more than once");
        }
        return values.get(0);
    }

    /** The value of {@code name}; absent or empty is a bad request. */
    String required(String name) {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("missing " + name);
        }
        return value;
    }

    /**
     * The whole number {@code name} (decimal digits, no sign, no leading zero), {@code fallback} when absent.
     *
     * @throws BadRequestException when it is not such a number or lies outside {@code min..max}
     */
    long number(String name, long min, long max, long fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        long n;
        try {
            if (!NON_NEGATIVE.matcher(value).matches()) {
                throw new NumberFormatException();
            }
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    name + " must be a whole number from " + min + " to " + max + ", got '" + shorten(value) + "'");
        }
        if (n < min || n > max) {
            throw new BadRequestException(name + " must be from " + min + " to " + max + ", got " + n);
        }
        return n;
    }

    /** At most a few characters of a client's value, for an error message. */
    static String shorten(String value) {
        return value.length() > MAX_ECHOED ? value.substring(0, MAX_ECHOED) + "..." : value;
    }
}
