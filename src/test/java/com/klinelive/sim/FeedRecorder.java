package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A real WebSocket client (Java-WebSocket) that decodes every message with the client's own native decoder and
 * records what it got, in order, for the test thread to take with bounded waits.
 */
final class FeedRecorder extends WebSocketClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** How a connection ended. */
    record Close(int code, String reason, boolean remote) {}

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Rejections rejections = new Rejections();
    private final FeedDecoder decoder =
            FormatRegistry.installed().named("native").orElseThrow().newDecoder(rejections, FormatSettings.NONE);
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final AtomicInteger longestMessage = new AtomicInteger();

    private FeedRecorder(URI uri, Map<String, String> headers) {
        super(uri, headers);
        setConnectionLostTimeout(0);
    }

    /** Connects and waits for the handshake; fails the test if it does not complete. */
    static FeedRecorder connect(URI uri) throws InterruptedException {
        return connect(uri, Map.of());
    }

    static FeedRecorder connect(URI uri, Map<String, String> headers) throws InterruptedException {
        FeedRecorder recorder = new FeedRecorder(uri, headers);
        assertTrue(recorder.connectBlocking(WAIT.toSeconds(), TimeUnit.SECONDS), "WebSocket handshake with " + uri);
        return recorder;
    }

    /** Connects over TLS ({@code wss}), trusting what {@code tls} trusts. */
    static FeedRecorder connect(URI uri, javax.net.ssl.SSLContext tls) throws InterruptedException {
        FeedRecorder recorder = new FeedRecorder(uri, Map.of());
        recorder.setSocketFactory(tls.getSocketFactory());
        assertTrue(recorder.connectBlocking(WAIT.toSeconds(), TimeUnit.SECONDS), "WebSocket handshake with " + uri);
        return recorder;
    }

    /** Tries to connect; returns the recorder whether or not the handshake succeeded. */
    static FeedRecorder attempt(URI uri, Map<String, String> headers) throws InterruptedException {
        FeedRecorder recorder = new FeedRecorder(uri, headers);
        recorder.connectBlocking(WAIT.toSeconds(), TimeUnit.SECONDS);
        return recorder;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
        longestMessage.accumulateAndGet(message.length(), Math::max);
        decoder.decode(message, new FeedSink() {
            @Override
            public void onTick(String symbol, long seq, long time, double price, double size) {
                events.add(new Tick(symbol, seq, time, price, size));
            }

            @Override
            public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
                events.add(candle);
            }

            @Override
            public void onControl(ControlMessage control) {
                events.add(control);
            }
        });
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.complete(new Close(code, reason, remote));
    }

    @Override
    public void onError(Exception ex) {
        events.add(ex);
    }

    /** The next event (a Tick or a ControlMessage), failing the test after {@link #WAIT}. */
    Object next() throws InterruptedException {
        Object event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no message within " + WAIT);
        return event;
    }

    /** The next event of {@code type}, skipping others. */
    <T> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        return fail("no " + type.getSimpleName() + " within " + WAIT);
    }

    /**
     * The ticks of {@code symbol} received up to the first with a sequence of at least {@code seq}, in arrival
     * order; other events are kept in {@code others} when not null.
     */
    List<Tick> ticksUntil(String symbol, long seq, List<Object> others) throws InterruptedException {
        List<Tick> ticks = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event instanceof Tick tick && tick.symbol().equals(symbol)) {
                ticks.add(tick);
                if (tick.seq() >= seq) {
                    return ticks;
                }
            } else if (event != null && others != null) {
                others.add(event);
            }
        }
        return fail("no " + symbol + " tick with seq >= " + seq + " within " + WAIT + "; got " + ticks.size());
    }

    /** Ticks of {@code symbol} received until every sequence from {@code from} to {@code to} has been seen. */
    List<Tick> ticksCovering(String symbol, long from, long to) throws InterruptedException {
        List<Tick> ticks = new ArrayList<>();
        java.util.Set<Long> missing = new java.util.HashSet<>();
        for (long seq = from; seq <= to; seq++) {
            missing.add(seq);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event instanceof Tick tick && tick.symbol().equals(symbol)) {
                ticks.add(tick);
                missing.remove(tick.seq());
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " ticks of " + from + ".." + to + " never came");
        return ticks;
    }

    /** How the connection ended, waiting for it. */
    Close awaitClose() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean hasClosed() {
        return closed.isDone();
    }

    /** Messages the native decoder rejected: a compatible server sends none. */
    long rejected() {
        return rejections.count();
    }

    int longestMessage() {
        return longestMessage.get();
    }

    /** Asserts that the sequence numbers of {@code ticks} are exactly {@code from}, from + 1, ... */
    static void assertContiguous(List<Tick> ticks, long from) {
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(from + i, ticks.get(i).seq(), "tick " + i + " of " + ticks.size());
        }
    }
}
