package com.klinelive.feed.socketio;

import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Records what a transport reports, with the transport's kind at each message, and waits for it. */
final class RecordingEvents implements TransportEvents {

    /** One message and the channel it came on. */
    record Message(String text, TransportKind kind) {}

    final List<Message> messages = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();
    int opens;
    int roundTrips;
    String closedReason;
    boolean closedAfterOpen;

    @Override
    public synchronized void onOpen(Transport t) {
        opens++;
        notifyAll();
    }

    @Override
    public synchronized void onMessage(Transport t, String text, long receivedNanos) {
        messages.add(new Message(text, t.kind()));
        notifyAll();
    }

    @Override
    public synchronized void onRejected(Transport t, String reason) {
        rejections.add(reason);
        notifyAll();
    }

    @Override
    public synchronized void onRoundTrip(Transport t, long nanos) {
        roundTrips++;
    }

    @Override
    public synchronized void onClosed(Transport t, String reason, boolean opened) {
        if (closedReason != null) {
            fail("onClosed twice: " + closedReason + ", then " + reason);
        }
        closedReason = reason;
        closedAfterOpen = opened;
        notifyAll();
    }

    synchronized List<String> texts() {
        return messages.stream().map(Message::text).toList();
    }

    synchronized long countOn(TransportKind kind) {
        return messages.stream().filter(m -> m.kind() == kind).count();
    }

    /** Waits until {@code condition} holds, at most {@code millis}; fails the test with {@code what} otherwise. */
    synchronized void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                fail("waited " + millis + " ms for " + what + "; got " + messages.size() + " messages, closed: "
                        + closedReason + ", rejections: " + rejections);
            }
            wait(left);
        }
    }
}
