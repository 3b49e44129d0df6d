package com.klinelive.sim;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A long poll held until ticks arrive or its time runs out. Answered exactly once, whoever gets there first:
 * the publisher with ticks, the timer with an empty batch, or the server stopping.
 */
final class PollWaiter {

    private final Consumer<String> responder;
    private final Runnable onAbandon;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile long since;
    private volatile ScheduledFuture<?> timeout;

    /**
     * @param responder writes the answer as the HTTP response
     * @param onAbandon runs instead when the client went away first
     */
    PollWaiter(Consumer<String> responder, Runnable onAbandon) {
        this.responder = responder;
        this.onAbandon = onAbandon;
    }

    long since() {
        return since;
    }

    /** Set by the channel when it registers the waiter: the last sequence the client holds. */
    void since(long value) {
        since = value;
    }

    void timeout(ScheduledFuture<?> value) {
        timeout = value;
    }

    /** Answers with {@code text} unless already answered; returns whether this call answered. */
    boolean answer(String text) {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        cancelTimeout();
        responder.accept(text);
        return true;
    }

    /** The client left: nothing will be written. */
    void abandon() {
        if (done.compareAndSet(false, true)) {
            cancelTimeout();
            onAbandon.run();
        }
    }

    private void cancelTimeout() {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
    }
}
