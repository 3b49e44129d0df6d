package com.klinelive.bench.transport;

import com.klinelive.bench.common.Samples;

/**
 * Delivery latency per tick, from the moment the server got it ({@link TickPublisher#sentNanos}) to the moment a
 * client had decoded and counted it, for the ticks of a measurement window. Thread-safe.
 */
public final class DeliveryRecorder {

    private final TickPublisher publisher;
    private final Samples latencies = new Samples(1 << 16);
    private long fromSeq = Long.MAX_VALUE;
    private long toSeq = Long.MAX_VALUE;
    private long highest = -1;

    public DeliveryRecorder(TickPublisher publisher) {
        this.publisher = publisher;
    }

    /** Records ticks after {@code afterSeq} from now on. */
    public synchronized void start(long afterSeq) {
        latencies.clear();
        fromSeq = afterSeq + 1;
        toSeq = Long.MAX_VALUE;
    }

    /** Stops the window at {@code lastSeq}: later ticks are not recorded. */
    public synchronized void stop(long lastSeq) {
        toSeq = lastSeq;
    }

    /** The client now holds every tick up to {@code seq}; those new since the last call arrived {@code now}. */
    public synchronized void deliveredUpTo(long seq, long now) {
        long from = Math.max(highest + 1, fromSeq);
        long to = Math.min(seq, toSeq);
        for (long s = from; s <= to; s++) {
            long sent = publisher.sentNanos(s);
            if (sent != 0) {
                latencies.add(now - sent);
            }
        }
        highest = Math.max(highest, seq);
    }

    /** The highest sequence the client holds. */
    public synchronized long highest() {
        return highest;
    }

    /** Ticks of the window delivered so far (clients count in sequence order, so the highest tells). */
    public synchronized long delivered() {
        return fromSeq == Long.MAX_VALUE ? 0 : Math.max(0, Math.min(highest, toSeq) - fromSeq + 1);
    }

    public synchronized Samples.Summary summaryMillis() {
        return latencies.summary(1e6);
    }
}
