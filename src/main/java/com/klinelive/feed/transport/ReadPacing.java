package com.klinelive.feed.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * How often a stream transport's read thread may wake up for messages. In the foreground it reads each message as it
 * comes. In the background (nobody sees the feed's charts, e.g. the window is minimised) it naps a little after a
 * message that it had to wait for, so the messages arriving meanwhile pile up in the socket's buffer and are read and
 * handed on in one go: at 1,000 messages a second a read thread that wakes once a message spends most of its time in
 * the kernel (a wake-up and a read per message), while the messages themselves cost little. Nothing is dropped or
 * reordered, ticks are still counted and alerts still fire, a nap later.
 *
 * <p>A nap only follows a message that came after a wait (a gap since the previous one returned): while the thread
 * is working through a backlog it never naps, so a fast feed is read as fast as before. Going back to the foreground
 * wakes a napping thread at once.
 */
public final class ReadPacing {

    /** The nap in the background: short enough for alerts, long enough to read some twenty messages at once. */
    public static final Duration BACKGROUND_NAP = Duration.ofMillis(20);

    /** A message this long after the previous one's return was waited for: the thread had caught up. */
    static final long WAITED_NANOS = 250_000;

    private final Set<Thread> napping = ConcurrentHashMap.newKeySet();
    private volatile long napNanos;

    /** In the background, read threads nap {@link #BACKGROUND_NAP} between bunches; in the foreground they don't. */
    public void background(boolean background) {
        napNanos = background ? BACKGROUND_NAP.toNanos() : 0;
        if (!background) {
            napping.forEach(LockSupport::unpark);
        }
    }

    /** Whether read threads nap. */
    public boolean isBackground() {
        return napNanos > 0;
    }

    /** The pacer of one read thread. */
    public Pacer pacer() {
        return new Pacer();
    }

    /** Paces one read thread; call {@link #afterMessage()} on it after handing on each message. */
    public final class Pacer {

        private long returned = System.nanoTime();

        private Pacer() {}

        /**
         * Naps if in the background and this message was waited for. Read thread only. In the foreground it reads
         * one volatile field and returns: it runs once a message.
         */
        public void afterMessage() {
            long nap = napNanos;
            if (nap == 0) {
                // `returned` is not kept up meanwhile: the first message in the background naps at once, which is
                // harmless.
                return;
            }
            long now = System.nanoTime();
            if (now - returned >= WAITED_NANOS) {
                Thread self = Thread.currentThread();
                napping.add(self);
                try {
                    long until = now + nap;
                    // Re-read: the foreground may have come between the check and the add, or unparked us early.
                    while (napNanos > 0 && System.nanoTime() < until && !self.isInterrupted()) {
                        LockSupport.parkNanos(this, until - System.nanoTime());
                    }
                } finally {
                    napping.remove(self);
                }
                now = System.nanoTime();
            }
            returned = now;
        }
    }
}
