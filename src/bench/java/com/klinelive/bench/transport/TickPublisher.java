package com.klinelive.bench.transport;

import com.klinelive.sim.SimTap;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes ticks through a {@link SimTap} as the simulator's generator would: Poisson arrivals at the set rate,
 * whatever arrived since the last round published as one batch, rounds at least {@link #MIN_STEP_NANOS} apart.
 * Remembers the nanoTime each sequence was handed to the server, for delivery latencies measured in the same
 * JVM (one clock). The rate may change while it runs.
 */
public final class TickPublisher implements AutoCloseable {

    /** The generator's batching window. */
    static final long MIN_STEP_NANOS = 1_000_000;

    private final SimTap tap;
    private final long firstSeq;
    private final long[] sentNanos;
    /** JSON bytes of each tick as a batch element, {@code [seq,time,price,size],}, when asked for. */
    private final byte[] elementBytes;

    private final StringBuilder scratch = new StringBuilder(64);
    private final SplittableRandom random = new SplittableRandom(5);
    private final Thread thread;
    private volatile double rate;
    private volatile boolean running = true;
    private volatile long lastSeq;
    /** The last sequence whose send time is stamped: set before publishing, as a client may count it at once. */
    private volatile long stampedSeq;

    private double price = 43_250.5;

    /**
     * @param capacity      most ticks this publisher will send; it stops publishing beyond
     * @param countsPayload whether to remember each tick's size as a batch element, for overhead figures
     */
    public TickPublisher(SimTap tap, double rate, int capacity, boolean countsPayload) {
        this.tap = tap;
        this.rate = rate;
        this.firstSeq = tap.lastSeq() + 1;
        this.lastSeq = tap.lastSeq();
        this.stampedSeq = lastSeq;
        this.sentNanos = new long[capacity];
        this.elementBytes = countsPayload ? new byte[capacity] : null;
        this.thread = new Thread(this::run, "bench-publisher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void rate(double ticksPerSecond) {
        rate = ticksPerSecond;
    }

    /** The last sequence published so far. */
    public long lastSeq() {
        return lastSeq;
    }

    /** When {@code seq} was handed to the server, or 0 if it was not published by this publisher. */
    public long sentNanos(long seq) {
        long i = seq - firstSeq;
        return i >= 0 && i < sentNanos.length && seq <= stampedSeq ? sentNanos[(int) i] : 0;
    }

    /** The bytes of ticks {@code fromSeq..toSeq} as batch elements: the payload, all else is overhead. */
    public long payloadBytes(long fromSeq, long toSeq) {
        long sum = 0;
        for (long s = Math.max(fromSeq, firstSeq); s <= Math.min(toSeq, lastSeq); s++) {
            sum += elementBytes[(int) (s - firstSeq)];
        }
        return sum;
    }

    /** Whether every tick this publisher may send has been sent. */
    public boolean exhausted() {
        return lastSeq - firstSeq + 1 >= sentNanos.length;
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            long seq = lastSeq;
            long wall = System.currentTimeMillis();
            int n = 0;
            double r = rate;
            while (next <= now && seq - firstSeq + 1 < sentNanos.length && r > 0) {
                price = Math.max(1, price * (1 + (random.nextDouble() - 0.5) * 1e-4));
                double p = Math.round(price * 100) / 100.0;
                double size = Math.round(random.nextDouble() * 1e4) / 1e4;
                tap.add(++seq, wall, p, size);
                if (elementBytes != null) {
                    // As the encoder writes them (StringBuilder.append), with brackets and three commas, and the
                    // comma that separates it from the next element.
                    scratch.setLength(0);
                    scratch.append(seq).append(wall).append(p).append(size);
                    elementBytes[(int) (seq - firstSeq)] = (byte) (scratch.length() + 6);
                }
                n++;
                next += (long) (-Math.log(1 - random.nextDouble()) / r * 1e9);
            }
            if (next <= now) {
                // Behind (a pause): skip the backlog instead of bursting, as the generator does.
                next = now;
            }
            if (n > 0) {
                long sent = System.nanoTime();
                for (long s = lastSeq + 1; s <= seq; s++) {
                    sentNanos[(int) (s - firstSeq)] = sent;
                }
                stampedSeq = seq;
                tap.publish();
                lastSeq = seq;
            }
            long sleep = r > 0 ? next - System.nanoTime() : 10_000_000;
            LockSupport.parkNanos(Math.max(MIN_STEP_NANOS, Math.min(100_000_000, sleep)));
            if (r <= 0) {
                next = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
