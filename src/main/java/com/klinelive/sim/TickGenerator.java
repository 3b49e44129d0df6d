package com.klinelive.sim;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the live ticks: one thread for all symbols. Trades arrive as a Poisson process at the configured rate per
 * symbol; the thread sleeps until the next arrival, at least {@link #MIN_STEP_NANOS}, and publishes what arrived
 * meanwhile as one batch per symbol stamped with the wall clock. At high rates this batches naturally (about 150
 * ticks per millisecond at 150,000 ticks/s); at low rates each tick goes out as it arrives.
 *
 * <p>Prices advance in simulated time of one mean inter-arrival per tick, so a seed gives the same price path
 * whatever the machine's timing. If the thread falls behind (a pause), it skips the backlog rather than bursting.
 */
final class TickGenerator {

    /** Shortest sleep between two rounds: the batching window at high rates. */
    static final long MIN_STEP_NANOS = 1_000_000;

    private static final long MAX_SLEEP_NANOS = 100_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(TickGenerator.class);

    private final SymbolChannel[] channels;
    private final PriceModel[] models;
    private final SimCounters counters;
    private final double rate;
    private final double step;
    private final int maxPerRound;
    private final SplittableRandom arrivals;
    private final TickColumns batch = new TickColumns(1024);
    private final long[] lastTimes;
    // Per symbol, the simulated arrival time of its next trade, in seconds since start.
    private final double[] next;
    // Held for a whole round, so that pausing can wait for the round in progress.
    private final ReentrantLock round = new ReentrantLock();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;
    private long start;

    /**
     * @param lastTimes per symbol, the time of the last history tick: live times never go below it
     * @param rate      ticks per second per symbol, &gt; 0
     */
    TickGenerator(
            SymbolChannels channels,
            PriceModel[] models,
            long[] lastTimes,
            double rate,
            long seed,
            SimCounters counters) {
        this.channels = channels.all().toArray(new SymbolChannel[0]);
        this.models = models.clone();
        this.lastTimes = lastTimes.clone();
        this.rate = rate;
        this.counters = counters;
        this.maxPerRound = (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, rate / 10));
        this.arrivals = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.step = 1.0 / rate;
        this.next = new double[this.channels.length];
        this.thread = new Thread(this::run, "sim-ticks");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Stops or restarts the flow of ticks; a paused feed still answers, heartbeats and holds polls. When pausing,
     * returns only once the round in progress is over, so no tick is published after this call.
     */
    void paused(boolean value) {
        paused = value;
        round.lock();
        round.unlock();
        LockSupport.unpark(thread);
    }

    /** Stops the thread and waits for it (briefly). */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        start = System.nanoTime();
        for (int i = 0; i < next.length; i++) {
            next[i] = gap();
        }
        while (running) {
            long sleep;
            round.lock();
            try {
                sleep = paused ? idle() : round();
            } finally {
                round.unlock();
            }
            LockSupport.parkNanos(sleep);
        }
    }

    // Publishes what arrived since the last round; returns how long to sleep.
    private long round() {
        double now = clock();
        long wall = System.currentTimeMillis();
        double earliest = Double.MAX_VALUE;
        for (int i = 0; i < channels.length; i++) {
            batch.clear();
            long seq = channels[i].lastSeq();
            long time = Math.max(lastTimes[i], wall);
            while (next[i] <= now && batch.size() < maxPerRound) {
                models[i].step(step);
                batch.add(++seq, time, models[i].price(), models[i].size());
                next[i] += gap();
            }
            if (next[i] <= now) {
                // Behind (a pause of the process or of the feed): skip the backlog instead of bursting.
                next[i] = now + gap();
            }
            if (!batch.isEmpty()) {
                lastTimes[i] = time;
                publish(channels[i]);
            }
            earliest = Math.min(earliest, next[i]);
        }
        long sleep = (long) ((earliest - clock()) * 1e9);
        return Math.max(MIN_STEP_NANOS, Math.min(MAX_SLEEP_NANOS, sleep));
    }

    // While paused, arrivals are pushed ahead, so resuming does not publish the time spent paused in a burst.
    private long idle() {
        double now = clock();
        for (int i = 0; i < next.length; i++) {
            next[i] = now + gap();
        }
        return MAX_SLEEP_NANOS;
    }

    private double clock() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void publish(SymbolChannel channel) {
        try {
            channel.publish(batch);
            counters.ticksPublished.add(batch.size());
        } catch (RuntimeException e) {
            // A bug must not silence the feed for every client: log it and go on with the next round.
            LOG.error("publishing {} failed", channel.symbol(), e);
        }
    }

    // Exponential waiting time between two trades of one symbol.
    private double gap() {
        return -Math.log(1 - arrivals.nextDouble()) / rate;
    }
}
