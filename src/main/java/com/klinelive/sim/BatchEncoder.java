package com.klinelive.sim;

import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Tick;

/**
 * Turns runs of ticks into native messages, each within the protocol's 64 KiB message limit: as many ticks per
 * message as fit, so a client's decoder never rejects a batch for its size.
 *
 * <p>Not thread-safe: one per owner, reusing its buffer.
 */
final class BatchEncoder {

    /** Longest message sent: decoders reject anything over 64 KiB (ASCII, so chars are bytes). */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;

    private static final int MIN_TICK_CHARS = 16;

    private final String symbol;
    private final int maxMessageChars;
    private final StringBuilder sb = new StringBuilder(4096);

    BatchEncoder(String symbol) {
        this(symbol, MAX_MESSAGE_CHARS);
    }

    BatchEncoder(String symbol, int maxMessageChars) {
        this.symbol = symbol;
        this.maxMessageChars = maxMessageChars;
    }

    /**
     * Encodes the ticks {@code from} (inclusive) to {@code to} (exclusive) of {@code ticks}, or as many of the first
     * of them as fit one message, and returns how many. A lone live tick becomes a {@code tick} message, anything
     * else a {@code ticks} batch.
     *
     * @param epoch the server epoch to put in a batch, or null to leave it out
     */
    int encode(TickColumns ticks, int from, int to, String epoch) {
        if (to - from < 1) {
            throw new IllegalArgumentException("nothing to encode");
        }
        // A real tick (13-digit time) takes more than 16 characters, so more than this cannot fit anyway.
        int n = Math.min(to - from, Math.max(1, maxMessageChars / MIN_TICK_CHARS));
        while (true) {
            sb.setLength(0);
            if (n == 1 && epoch == null) {
                NativeEncoder.appendTick(
                        sb,
                        new Tick(symbol, ticks.seqs[from], ticks.times[from], ticks.prices[from], ticks.sizes[from]));
            } else {
                NativeEncoder.appendTicks(
                        sb, symbol, epoch, ticks.seqs, ticks.times, ticks.prices, ticks.sizes, from, from + n);
            }
            if (sb.length() <= maxMessageChars || n == 1) {
                return n;
            }
            // Shrink in proportion, with a margin, so one retry nearly always fits.
            n = Math.max(1, (int) (n * (maxMessageChars * 0.9 / sb.length())));
        }
    }

    /** An empty {@code ticks} batch carrying the epoch: a poll that waited in vain. */
    String empty(String epoch) {
        sb.setLength(0);
        NativeEncoder.appendTicks(sb, symbol, epoch, new long[0], new long[0], new double[0], new double[0], 0, 0);
        return sb.toString();
    }

    /** The text of the last {@link #encode} or {@link #empty}. */
    String text() {
        return sb.toString();
    }
}
