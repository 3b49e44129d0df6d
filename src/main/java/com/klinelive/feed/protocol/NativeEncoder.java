package com.klinelive.feed.protocol;

import com.klinelive.model.Tick;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the native messages of docs/PROTOCOL.md as JSON text, field for field in the order the spec shows.
 * Doubles are written in Java's round-trip decimal form (such as {@code 43250.5} or {@code 1.0E-5}), so a
 * decoder reads back exactly the same value; NaN and infinities are refused with an
 * {@link IllegalArgumentException}, as JSON has no literal for them. Strings are escaped per RFC 8259.
 *
 * <p>The {@code append} variants let a sender reuse one {@link StringBuilder} per connection.
 * Decoders reject messages over {@link JsonCursor#MAX_MESSAGE_BYTES}; a batch element takes at most about
 * 90 characters, so batches of up to 500 ticks always fit.
 */
public final class NativeEncoder {

    private NativeEncoder() {}

    /** A {@code tick} message for one trade. */
    public static String tick(Tick tick) {
        StringBuilder sb = new StringBuilder(96);
        appendTick(sb, tick);
        return sb.toString();
    }

    /** Appends a {@code tick} message for one trade. */
    public static void appendTick(StringBuilder sb, Tick tick) {
        sb.append("{\"type\":\"tick\",\"symbol\":");
        JsonOutput.appendString(sb, tick.symbol());
        sb.append(",\"seq\":").append(tick.seq());
        sb.append(",\"time\":").append(tick.time());
        sb.append(",\"price\":");
        JsonOutput.appendNumber(sb, tick.price(), "price");
        sb.append(",\"size\":");
        JsonOutput.appendNumber(sb, tick.size(), "size");
        sb.append('}');
    }

    /**
     * A {@code ticks} batch of one symbol.
     *
     * @param symbol the symbol every tick must carry
     * @param epoch  the server's epoch, or {@code null} to leave the field out
     * @param ticks  the trades, oldest first; may be empty
     * @throws IllegalArgumentException if a tick belongs to another symbol
     */
    public static String ticks(String symbol, String epoch, List<Tick> ticks) {
        StringBuilder sb = new StringBuilder(64 + 48 * ticks.size());
        appendTicks(sb, symbol, epoch, ticks, 0, ticks.size());
        return sb.toString();
    }

    /**
     * Appends a {@code ticks} batch holding {@code ticks.subList(from, to)}.
     *
     * @throws IllegalArgumentException if a tick in the range belongs to another symbol
     */
    public static void appendTicks(StringBuilder sb, String symbol, String epoch, List<Tick> ticks, int from, int to) {
        Objects.checkFromToIndex(from, to, ticks.size());
        appendBatchHead(sb, symbol, epoch);
        for (int i = from; i < to; i++) {
            Tick t = ticks.get(i);
            if (!t.symbol().equals(symbol)) {
                throw new IllegalArgumentException("tick of " + t.symbol() + " in a batch of " + symbol);
            }
            if (i > from) {
                sb.append(',');
            }
            appendBatchElement(sb, t.seq(), t.time(), t.price(), t.size());
        }
        sb.append("]}");
    }

    /**
     * Appends a {@code ticks} batch from parallel primitive columns, elements {@code from} (inclusive) to
     * {@code to} (exclusive), for senders that keep their trades in columns rather than {@link Tick} objects.
     *
     * @throws IllegalArgumentException if a price or size is not finite
     */
    public static void appendTicks(
            StringBuilder sb,
            String symbol,
            String epoch,
            long[] seqs,
            long[] times,
            double[] prices,
            double[] sizes,
            int from,
            int to) {
        Objects.checkFromToIndex(from, to, seqs.length);
        Objects.checkFromToIndex(from, to, times.length);
        Objects.checkFromToIndex(from, to, prices.length);
        Objects.checkFromToIndex(from, to, sizes.length);
        appendBatchHead(sb, symbol, epoch);
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            appendBatchElement(sb, seqs[i], times[i], prices[i], sizes[i]);
        }
        sb.append("]}");
    }

    /** The {@code hello} that opens every WebSocket connection. */
    public static String hello(String server, String epoch, List<String> symbols, long time) {
        StringBuilder sb = new StringBuilder(96 + 16 * symbols.size());
        sb.append("{\"type\":\"hello\",\"server\":");
        JsonOutput.appendString(sb, server);
        sb.append(",\"epoch\":");
        JsonOutput.appendString(sb, epoch);
        sb.append(",\"symbols\":");
        appendStringArray(sb, symbols);
        sb.append(",\"time\":").append(time).append('}');
        return sb.toString();
    }

    /** A {@code heartbeat} carrying the server's clock in epoch milliseconds UTC. */
    public static String heartbeat(long time) {
        return "{\"type\":\"heartbeat\",\"time\":" + time + '}';
    }

    /** A {@code reset}: the client must re-fetch history, then continue after {@code seq}. */
    public static String reset(String symbol, long seq, String reason) {
        StringBuilder sb = new StringBuilder(64 + reason.length());
        sb.append("{\"type\":\"reset\",\"symbol\":");
        JsonOutput.appendString(sb, symbol);
        sb.append(",\"seq\":").append(seq);
        sb.append(",\"reason\":");
        JsonOutput.appendString(sb, reason);
        sb.append('}');
        return sb.toString();
    }

    /** An {@code error} about a request the server could not honour. */
    public static String error(String message) {
        StringBuilder sb = new StringBuilder(32 + message.length());
        sb.append("{\"type\":\"error\",\"message\":");
        JsonOutput.appendString(sb, message);
        sb.append('}');
        return sb.toString();
    }

    /**
     * The client's {@code subscribe}.
     *
     * @param symbols the symbols to stream
     * @param since   per symbol, the last sequence the client holds, in the map's iteration order; the field is
     *                left out when {@code null} or empty
     */
    public static String subscribe(List<String> symbols, Map<String, Long> since) {
        StringBuilder sb = new StringBuilder(48 + 16 * symbols.size());
        sb.append("{\"type\":\"subscribe\",\"symbols\":");
        appendStringArray(sb, symbols);
        if (since != null && !since.isEmpty()) {
            sb.append(",\"since\":{");
            boolean first = true;
            for (Map.Entry<String, Long> entry : since.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                JsonOutput.appendString(sb, entry.getKey());
                sb.append(':').append(entry.getValue().longValue());
            }
            sb.append('}');
        }
        sb.append('}');
        return sb.toString();
    }

    private static void appendBatchHead(StringBuilder sb, String symbol, String epoch) {
        sb.append("{\"type\":\"ticks\",\"symbol\":");
        JsonOutput.appendString(sb, symbol);
        if (epoch != null) {
            sb.append(",\"epoch\":");
            JsonOutput.appendString(sb, epoch);
        }
        sb.append(",\"ticks\":[");
    }

    private static void appendBatchElement(StringBuilder sb, long seq, long time, double price, double size) {
        sb.append('[').append(seq).append(',').append(time).append(',');
        JsonOutput.appendNumber(sb, price, "price");
        sb.append(',');
        JsonOutput.appendNumber(sb, size, "size");
        sb.append(']');
    }

    private static void appendStringArray(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            JsonOutput.appendString(sb, values.get(i));
        }
        sb.append(']');
    }
}
