package com.klinelive.feed.protocol;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rejected messages and logs them without letting a hostile feed flood the log or write into it: at most
 * one WARN per second, which also says how many rejections it left out, and the message quoted as a short excerpt
 * with every control, quote, backslash and non-ASCII character escaped. Thread-safe; one instance usually serves
 * one connection and feeds the "rejected messages" figure of the connection status.
 */
public final class Rejections {

    /** Characters of a rejected message quoted in the log. */
    static final int EXCERPT_CHARS = 120;

    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_REASON_CHARS = 200;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong nextLogAt;
    private final LongSupplier nanoClock;
    private final Consumer<String> warnings;
    private volatile String lastReason;

    /** Counts rejections and logs them to SLF4J at WARN, rate-limited. */
    public Rejections() {
        this(System::nanoTime, LOG::warn);
    }

    /** For tests: a chosen clock and log line consumer. */
    Rejections(LongSupplier nanoClock, Consumer<String> warnings) {
        this.nanoClock = nanoClock;
        this.warnings = warnings;
        this.nextLogAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Counts one rejected message and logs it unless another rejection was logged less than a second ago.
     *
     * @param reason  why it was rejected
     * @param message the message as received, possibly huge or {@code null}; only an escaped excerpt is logged
     */
    public void reject(String reason, CharSequence message) {
        String safeReason = escape(String.valueOf(reason), MAX_REASON_CHARS);
        count.incrementAndGet();
        lastReason = safeReason;
        long now = nanoClock.getAsLong();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + LOG_INTERVAL_NANOS)) {
            warnings.accept(logLine(safeReason, message, unlogged.getAndSet(0)));
        } else {
            unlogged.incrementAndGet();
        }
    }

    /** How many messages were rejected so far. */
    public long count() {
        return count.get();
    }

    /** The reason of the latest rejection, escaped like the log, or empty if there was none. */
    public Optional<String> lastReason() {
        return Optional.ofNullable(lastReason);
    }

    private static String logLine(String reason, CharSequence message, long unlogged) {
        StringBuilder sb = new StringBuilder(EXCERPT_CHARS + 2 * MAX_REASON_CHARS);
        sb.append("Rejected feed message: ").append(reason);
        if (message == null) {
            sb.append(" (no message)");
        } else {
            sb.append("; message \"").append(escape(message, EXCERPT_CHARS)).append('"');
            if (message.length() > EXCERPT_CHARS) {
                sb.append("... (").append(message.length()).append(" chars)");
            }
        }
        if (unlogged > 0) {
            sb.append("; ").append(unlogged).append(" more rejected since the last report");
        }
        return sb.toString();
    }

    /**
     * The first {@code maxChars} characters of {@code text} in printable ASCII: quotes, backslashes and
     * common controls escaped as in Java, every other character outside space..tilde as {@code \\uXXXX}.
     */
    static String escape(CharSequence text, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        StringBuilder sb = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        sb.append(c);
                    } else {
                        sb.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    }
                }
            }
        }
        return sb.toString();
    }
}
