package com.klinelive.feed;

import com.klinelive.feed.transport.TransportKind;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters of one {@link FeedClient}, written by network threads and read by whoever shows them. Thread-safe;
 * {@link #snapshot()} gives a consistent-enough copy for a status bar.
 */
public final class FeedMetrics {

    /**
     * What the feed did so far.
     *
     * @param transport         the transport ticks arrive on now, or null
     * @param roundTripMillis   last measured round trip (WebSocket ping, or an immediate poll answer); -1 if none
     * @param ticksPerSecond    ticks counted over the last second or so
     * @param ticks             ticks counted in candles
     * @param duplicates        ticks dropped because they were already counted
     * @param rejected          messages rejected as malformed
     * @param lastRejectReason  why the last one was rejected, or empty
     * @param gapsRepaired      gaps and resets repaired (missing trades fetched, history reloaded, or candles
     *                          replaced)
     * @param reconnects        connections lost and made again, transport switches included
     * @param tooLate           ticks refused because their candles were no longer held
     * @param silentMillis      time since the last message, -1 before the first
     * @param gaps              gaps found: trades missing in the stream, or resets
     * @param rateLimit         the last REST rate limit met, in words, or empty
     * @param historyProblem    why the feed's history could not be loaded while its ticks are counted without it,
     *                          or empty
     */
    public record Snapshot(
            TransportKind transport,
            double roundTripMillis,
            double ticksPerSecond,
            long ticks,
            long duplicates,
            long rejected,
            String lastRejectReason,
            long gapsRepaired,
            long reconnects,
            long tooLate,
            long silentMillis,
            long gaps,
            String rateLimit,
            String historyProblem) {

        /** The counters without gaps found or a rate limit (as before they were counted). */
        public Snapshot(
                TransportKind transport,
                double roundTripMillis,
                double ticksPerSecond,
                long ticks,
                long duplicates,
                long rejected,
                String lastRejectReason,
                long gapsRepaired,
                long reconnects,
                long tooLate,
                long silentMillis) {
            this(
                    transport,
                    roundTripMillis,
                    ticksPerSecond,
                    ticks,
                    duplicates,
                    rejected,
                    lastRejectReason,
                    gapsRepaired,
                    reconnects,
                    tooLate,
                    silentMillis,
                    0,
                    "",
                    "");
        }
    }

    private final LongSupplier ticks;
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder tooLate = new LongAdder();
    private final LongAdder gapsRepaired = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private volatile String rateLimit = "";
    private volatile String historyProblem = "";
    private final LongAdder reconnects = new LongAdder();
    private final AtomicLong roundTripNanos = new AtomicLong(-1);
    private final AtomicLong lastMessageNanos = new AtomicLong(0);
    private volatile TransportKind transport;
    private volatile long rejected;
    private volatile String lastRejectReason = "";

    // Rate: the count at the start of the current one-second window and the rate of the last complete one.
    private long windowStartNanos = System.nanoTime();
    private long windowStartTicks;
    private volatile double ticksPerSecond;

    /**
     * @param ticks the ticks counted in candles so far. Each symbol's sync tallies its own under the lock it holds
     *              anyway: a counter shared by every network thread would cost each tick an atomic operation.
     */
    FeedMetrics(LongSupplier ticks) {
        this.ticks = ticks;
    }

    void duplicateDropped() {
        duplicates.increment();
    }

    void tooLate() {
        tooLate.increment();
    }

    void gapRepaired() {
        gapsRepaired.increment();
    }

    void gapFound() {
        gaps.increment();
    }

    void rateLimited(String what) {
        rateLimit = what == null ? "" : what;
    }

    /** The history could not be loaded and ticks are counted without it ({@code why}); empty once it loaded. */
    void historyProblem(String why) {
        historyProblem = why == null ? "" : why;
    }

    void reconnected() {
        reconnects.increment();
    }

    void rejections(long count, String lastReason) {
        rejected = count;
        lastRejectReason = lastReason == null ? "" : lastReason;
    }

    void messageReceived(long nanos) {
        // A status figure read a few times a second: a release store, without a full fence per message.
        lastMessageNanos.lazySet(nanos);
    }

    void roundTrip(long nanos) {
        roundTripNanos.set(nanos);
    }

    void transport(TransportKind kind) {
        transport = kind;
    }

    /** Called about once a second by the client's control thread to update the rate. */
    synchronized void sampleRate(long nowNanos) {
        long elapsed = nowNanos - windowStartNanos;
        if (elapsed >= 500_000_000L) {
            long count = ticks.getAsLong();
            ticksPerSecond = (count - windowStartTicks) * 1e9 / elapsed;
            windowStartTicks = count;
            windowStartNanos = nowNanos;
        }
    }

    /** Nanos of the last message, 0 before the first. */
    long lastMessageNanos() {
        return lastMessageNanos.get();
    }

    public Snapshot snapshot() {
        long rtt = roundTripNanos.get();
        long last = lastMessageNanos.get();
        return new Snapshot(
                transport,
                rtt < 0 ? -1 : rtt / 1e6,
                ticksPerSecond,
                ticks.getAsLong(),
                duplicates.sum(),
                rejected,
                lastRejectReason,
                gapsRepaired.sum(),
                reconnects.sum(),
                tooLate.sum(),
                last == 0 ? -1 : (System.nanoTime() - last) / 1_000_000,
                gaps.sum(),
                rateLimit,
                historyProblem);
    }
}
