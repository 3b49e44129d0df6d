package com.klinelive.sim;

import com.klinelive.feed.protocol.SubscribeRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The sending side of one WebSocket connection: a bounded queue of outgoing messages, the client's subscriptions,
 * and the replay that catches a resuming client up.
 *
 * <p>Messages go straight to Jetty's asynchronous send, which queues the frames; this class counts the bytes
 * queued and, past the limit, disconnects the client as too slow instead of letting the queue grow. Replay
 * chunks are sent one at a time, each when the previous one was written, so a long replay costs the server
 * one chunk of memory per client however far behind the client is.
 */
final class WsClient {

    private final Session session;
    private final SymbolChannels channels;
    private final Subscription[] subscriptions;
    private final SimCounters counters;
    private final ScheduledExecutorService scheduler;
    private final long latencyNanos;
    private final int queueLimit;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ReplayPump pump = new ReplayPump();
    private volatile long lastSendNanos = System.nanoTime();
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long lastPingNanos = System.nanoTime();

    WsClient(
            Session session,
            SymbolChannels channels,
            SimCounters counters,
            ScheduledExecutorService scheduler,
            long latencyNanos,
            int queueLimit) {
        this.session = session;
        this.channels = channels;
        this.counters = counters;
        this.scheduler = scheduler;
        this.latencyNanos = latencyNanos;
        this.queueLimit = queueLimit;
        this.subscriptions = new Subscription[channels.size()];
        for (int i = 0; i < subscriptions.length; i++) {
            subscriptions[i] = new Subscription(this);
        }
    }

    /**
     * Queues one text message. Returns false, sending nothing, when the connection is closing or when the queue
     * would exceed its limit; in the latter case the client is disconnected as too slow.
     *
     * @param done completed once the message was written or failed; may be null
     */
    boolean send(String text, org.eclipse.jetty.util.Callback done) {
        if (closing.get()) {
            return false;
        }
        int bytes = text.length();
        long queued = queuedBytes.addAndGet(bytes);
        if (queued > queueLimit) {
            queuedBytes.addAndGet(-bytes);
            cutOff();
            return false;
        }
        lastSendNanos = System.nanoTime();
        Callback written = new Written(bytes, done);
        if (latencyNanos > 0) {
            try {
                scheduler.schedule(() -> session.sendText(text, written), latencyNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                written.fail(stopping);
            }
        } else {
            session.sendText(text, written);
        }
        return true;
    }

    /** Streams every symbol live: what a client gets before it sends {@code subscribe}. */
    void subscribeAll() {
        for (SymbolChannel channel : channels.all()) {
            channel.subscribeLive(subscriptions[channel.index()]);
        }
    }

    /**
     * Applies a {@code subscribe}: symbols not named stop, named ones without {@code since} stream live, and the
     * others replay what the client lacks first.
     *
     * @return null, or an error text when a symbol is unknown (then nothing changed)
     */
    String subscribe(SubscribeRequest request) {
        List<String> symbols = request.symbols();
        for (String symbol : symbols) {
            if (channels.find(symbol) == null) {
                return "unknown symbol: " + symbol;
            }
        }
        Map<String, Long> since = request.since();
        boolean replay = false;
        for (SymbolChannel channel : channels.all()) {
            Subscription s = subscriptions[channel.index()];
            if (!symbols.contains(channel.symbol())) {
                channel.unsubscribe(s);
            } else if (since.containsKey(channel.symbol())) {
                replay |= channel.resume(s, since.get(channel.symbol()));
            } else {
                channel.subscribeLive(s);
            }
        }
        if (replay) {
            pump.iterate();
        }
        return null;
    }

    /** Stops every subscription; the connection is gone. */
    void unsubscribeAll() {
        closing.set(true);
        for (SymbolChannel channel : channels.all()) {
            channel.unsubscribe(subscriptions[channel.index()]);
        }
    }

    /** Sends {@code heartbeat} if nothing went out for {@code idleNanos}; pings every {@code pingNanos}. */
    void keepAlive(long now, long idleNanos, String heartbeat, long pingNanos) {
        if (now - lastSendNanos >= idleNanos) {
            send(heartbeat, null);
        }
        if (now - lastPingNanos >= pingNanos) {
            lastPingNanos = now;
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** Nanosecond time of the last frame received from the client. */
    long lastInboundNanos() {
        return lastInboundNanos;
    }

    void inbound() {
        lastInboundNanos = System.nanoTime();
    }

    /** Closes the connection with a close frame, and cuts it if the client does not finish the close handshake. */
    void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        session.close(code, reason, Callback.NOOP);
        try {
            scheduler.schedule(session::disconnect, 2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            session.disconnect();
        }
    }

    private void cutOff() {
        if (!closing.get()) {
            counters.slowClientsCut.increment();
            close(StatusCode.POLICY_VIOLATION, "too slow: send queue over " + queueLimit + " bytes");
        }
    }

    /** Releases the queued bytes of one message and passes the outcome on. */
    private final class Written implements Callback {

        private final int bytes;
        private final org.eclipse.jetty.util.Callback done;

        Written(int bytes, org.eclipse.jetty.util.Callback done) {
            this.bytes = bytes;
            this.done = done;
        }

        @Override
        public void succeed() {
            queuedBytes.addAndGet(-bytes);
            if (done != null) {
                done.succeeded();
            }
        }

        @Override
        public void fail(Throwable x) {
            queuedBytes.addAndGet(-bytes);
            if (done != null) {
                done.failed(x);
            }
        }
    }

    /**
     * Sends replay chunks, one in flight at a time, round-robin over the symbols catching up. Jetty's
     * IteratingCallback turns completions that happen inside the send into a loop rather than a recursion.
     */
    private final class ReplayPump extends IteratingCallback {

        private int next;

        @Override
        protected Action process() {
            if (closing.get()) {
                return Action.IDLE;
            }
            int n = subscriptions.length;
            for (int k = 0; k < n; k++) {
                int i = (next + k) % n;
                if (channels.get(i).replayNext(subscriptions[i], this)) {
                    next = (i + 1) % n;
                    return Action.SCHEDULED;
                }
            }
            return Action.IDLE;
        }
    }
}
