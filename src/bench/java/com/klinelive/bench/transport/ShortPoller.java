package com.klinelive.bench.transport;

import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The short-polling peer: once a second, {@code GET /poll?symbol=S&since=N} for what is new, asked again at once
 * while answers come back full (the server caps a batch at 1,000 ticks), decoded with our own decoder. What a
 * client does when it has neither WebSocket nor long polling.
 */
final class ShortPoller implements AutoCloseable {

    private static final int SERVER_BATCH = 1_000;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "short-poll");
        t.setDaemon(true);
        return t;
    });
    private final FeedDecoder decoder =
            FormatRegistry.installed().named("native").orElseThrow().newDecoder(new Rejections(), FormatSettings.NONE);
    private final URI base;
    private final String symbol;
    private final DeliveryRecorder recorder;
    private final AtomicLong requests = new AtomicLong();
    private long since;
    private long maxSeq;
    private int count;

    ShortPoller(URI base, String symbol, long since, DeliveryRecorder recorder) {
        this.base = base;
        this.symbol = symbol;
        this.since = since;
        this.recorder = recorder;
    }

    void start(long periodMillis) {
        timer.scheduleAtFixedRate(this::pollUntilCaughtUp, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    long requests() {
        return requests.get();
    }

    private void pollUntilCaughtUp() {
        try {
            do {
                HttpRequest get = HttpRequest.newBuilder(base.resolve("/poll?symbol=" + symbol + "&since=" + since))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
                String body =
                        http.send(get, HttpResponse.BodyHandlers.ofString()).body();
                requests.incrementAndGet();
                count = 0;
                maxSeq = since;
                decoder.decode(body, sink);
                since = maxSeq;
                recorder.deliveredUpTo(maxSeq, System.nanoTime());
            } while (count >= SERVER_BATCH);
        } catch (Exception e) {
            if (!timer.isShutdown()) {
                System.err.println("short poll failed: " + e);
            }
        }
    }

    private final FeedSink sink = new FeedSink() {
        @Override
        public void onTick(String symbol, long seq, long time, double price, double size) {
            count++;
            maxSeq = Math.max(maxSeq, seq);
        }

        @Override
        public void onKline(String s, Timeframe timeframe, Candle candle, boolean closed) {
            // Not in our protocol.
        }

        @Override
        public void onControl(ControlMessage message) {
            // The epoch of each answer: one server run here.
        }
    };

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
