package com.klinelive.feed.longpoll;

import com.klinelive.feed.transport.BoundedBody;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP long polling: per symbol one outstanding {@code GET /poll?symbol=S&since=SEQ} at a time, asynchronous
 * ({@link HttpClient#sendAsync}, no thread parked per poll). Each answer is one message; the next poll asks for
 * the ticks after the last sequence the feed client holds by then, so nothing is lost or asked for twice.
 */
final class LongPollTransport implements Transport {

    /** The server holds a poll about 25 s; allow for that plus a slow answer. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(35);
    /** An answer quicker than this was not held: its duration is a fair round trip. */
    private static final long IMMEDIATE_NANOS = 250_000_000L;
    /**
     * Polls of one symbol start at least this far apart, unless the last answer was large (catching up): at high
     * rates each answer then carries many ticks, so the HTTP overhead per tick stays small.
     */
    private static final long MIN_SPACING_NANOS = 20_000_000L;
    /** An answer this large was cut at the server's batch limit: more is waiting, poll again at once. */
    private static final int LARGE_ANSWER_CHARS = 16 * 1024;

    private final TransportRequest request;
    private final TransportEvents events;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean opened = new AtomicBoolean();
    /** Answers for different symbols complete on different threads; events go out one at a time. */
    private final Object delivering = new Object();

    LongPollTransport(
            TransportRequest request, TransportEvents events, HttpClient http, ScheduledExecutorService timer) {
        this.request = request;
        this.events = events;
        this.http = http;
        this.timer = timer;
    }

    @Override
    public TransportKind kind() {
        return TransportKind.LONG_POLLING;
    }

    @Override
    public void start() {
        if (request.symbols().isEmpty()) {
            end("no symbols to poll");
            return;
        }
        for (String symbol : request.symbols()) {
            poll(symbol);
        }
    }

    @Override
    public boolean send(String text) {
        return false;
    }

    @Override
    public void close() {
        ended.set(true);
    }

    private void poll(String symbol) {
        if (ended.get()) {
            return;
        }
        long since = request.resumeFrom().applyAsLong(symbol);
        String query =
                "symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + (since >= 0 ? "&since=" + since : "");
        URI base = request.uri();
        String path = (base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "")) + "/poll";
        URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "?" + query);
        HttpRequest get = HttpRequest.newBuilder(uri)
                .timeout(POLL_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        long sentNanos = System.nanoTime();
        http.sendAsync(get, BoundedBody.ofString(request.maxMessageBytes())).whenComplete((response, error) -> {
            if (ended.get()) {
                return;
            }
            if (error != null) {
                end("poll failed: " + describe(error));
                return;
            }
            if (response.statusCode() != 200) {
                end("poll answered HTTP " + response.statusCode());
                return;
            }
            long now = System.nanoTime();
            synchronized (delivering) {
                if (opened.compareAndSet(false, true)) {
                    events.onOpen(this);
                }
                if (now - sentNanos < IMMEDIATE_NANOS) {
                    events.onRoundTrip(this, now - sentNanos);
                }
                events.onMessage(this, response.body(), now);
            }
            long wait = sentNanos + MIN_SPACING_NANOS - System.nanoTime();
            if (wait <= 0 || response.body().length() >= LARGE_ANSWER_CHARS) {
                poll(symbol);
            } else {
                timer.schedule(() -> poll(symbol), wait, TimeUnit.NANOSECONDS);
            }
        });
    }

    private void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            events.onClosed(this, reason, opened.get());
        }
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof BoundedBody.TooLargeException) {
            return root.getMessage();
        }
        String message = root.getMessage();
        String printable = message == null ? "" : ": " + message.replaceAll("[^\\x20-\\x7E]", "?");
        return root.getClass().getSimpleName() + printable;
    }
}
