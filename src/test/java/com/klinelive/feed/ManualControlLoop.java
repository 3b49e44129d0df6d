package com.klinelive.feed;

import java.util.PriorityQueue;

/**
 * A control loop the test drives: tasks run only in {@link #runDue} and {@link #advance}, on the test's thread, at
 * a clock that moves only when told. The supervisor's timers (backoff, probes, the watchdog, deadlines) become
 * steps of the test instead of sleeps.
 */
final class ManualControlLoop implements ControlLoop {

    /** The wall clock at the start: 2025-11-25T12:20:00Z. */
    static final long WALL_START_MILLIS = 1_764_073_200_000L;

    private record Task(long dueNanos, long order, Runnable run, boolean[] cancelled) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private long now = 1_000_000_000L;
    private long order;
    private boolean shutDown;

    @Override
    public synchronized void execute(Runnable task) {
        add(now, task);
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, long delayMillis) {
        Task t = add(now + delayMillis * 1_000_000L, task);
        return () -> t.cancelled[0] = true;
    }

    private Task add(long due, Runnable run) {
        Task t = new Task(due, order++, run, new boolean[1]);
        if (!shutDown) {
            tasks.add(t);
        }
        return t;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return WALL_START_MILLIS + (now - 1_000_000_000L) / 1_000_000L;
    }

    @Override
    public synchronized void shutdown() {
        runDue();
        shutDown = true;
        tasks.clear();
    }

    /** Runs every task due by now, including those they add for now. */
    synchronized void runDue() {
        while (!tasks.isEmpty() && tasks.peek().dueNanos <= now) {
            Task t = tasks.poll();
            if (!t.cancelled[0]) {
                t.run.run();
            }
        }
    }

    /** Moves the clock forward by {@code millis}, running each task when its time comes. */
    synchronized void advance(long millis) {
        long end = now + millis * 1_000_000L;
        runDue();
        while (!tasks.isEmpty() && tasks.peek().dueNanos <= end) {
            now = Math.max(now, tasks.peek().dueNanos);
            runDue();
        }
        now = end;
        runDue();
    }
}
