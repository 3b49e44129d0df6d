package com.klinelive.bench.fanout;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.bench.common.Samples;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.sim.SimStats;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Figure 5b: the simulator's fan-out. N WebSocket clients (the JDK's asynchronous client, so a thousand of them
 * cost a few threads) each receive one symbol at 100 ticks/s from the real tick generator, and check that every
 * sequence arrives once and in order. Delivery latency is the tick's event time (the server's wall clock when it
 * published) to its decoding, in milliseconds. Clients and server share this JVM and the machine's two cores,
 * so the figure is a lower bound for the server alone. Writes {@code fanout.json}.
 */
public final class FanOutBench {

    static final int RATE = 100;

    private FanOutBench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.addProperty("rate", RATE);
        JsonArray steps = new JsonArray();
        SimOptions options = SimOptions.defaults()
                .withPort(0)
                .withRate(RATE)
                .withSymbols(List.of("BTCUSDT"))
                .withHistory(Duration.ZERO)
                .withSeed(6);
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "fanout-client");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        try (SimServer sim = SimServer.start(options)) {
            for (int clients : quick ? new int[] {1, 200} : new int[] {1, 1_000, 2_000}) {
                JsonObject step = step(sim, http, clients, quick ? 3 : 5);
                System.out.println("fanout " + step);
                steps.add(step);
            }
        }
        out.add("steps", steps);
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("fanout", out);
        System.exit(0);
    }

    private static JsonObject step(SimServer sim, HttpClient http, int n, double seconds) throws Exception {
        List<Client> clients = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Client c = new Client();
            clients.add(c);
            opening.add(http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(sim.webSocketUri(), c));
            if (opening.size() % 100 == 0) {
                // Handshakes in waves of a hundred: the server's accept queue is finite.
                CompletableFuture.allOf(opening.subList(opening.size() - 100, opening.size())
                                .toArray(CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
            }
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        Thread.sleep(1_000);
        SimStats before = sim.stats();
        clients.forEach(Client::startWindow);
        Thread.sleep((long) (seconds * 1000));
        clients.forEach(Client::endWindow);
        SimStats after = sim.stats();
        long published = after.ticksPublished() - before.ticksPublished();
        long gaps = 0;
        long closed = 0;
        long minReceived = Long.MAX_VALUE;
        long maxReceived = 0;
        Samples latency = new Samples(n * RATE * 6);
        for (Client c : clients) {
            synchronized (c) {
                gaps += c.gaps;
                closed += c.closed ? 1 : 0;
                minReceived = Math.min(minReceived, c.windowTicks);
                maxReceived = Math.max(maxReceived, c.windowTicks);
                for (int i = 0; i < c.latency.size(); i++) {
                    latency.add(c.latency.get(i));
                }
            }
        }
        for (CompletableFuture<WebSocket> ws : opening) {
            ws.get().abort();
        }
        Thread.sleep(500);
        JsonObject step = new JsonObject();
        step.addProperty("clients", n);
        step.addProperty("connectSeconds", connectSeconds);
        step.addProperty("publishedPerClient", published);
        step.addProperty("minReceivedPerClient", minReceived);
        step.addProperty("maxReceivedPerClient", maxReceived);
        step.addProperty("gaps", gaps);
        step.addProperty("clientsClosed", closed);
        step.addProperty("slowClientsCut", after.slowClientsCut() - before.slowClientsCut());
        step.addProperty("messagesPerSecondOut", (double) sumWindowMessages(clients) / seconds);
        step.add("latencyMs", Results.gson().toJsonTree(latency.summary(1)));
        // Ticks published in the window may arrive just after it: a client is short by at most a batch.
        boolean noDrops = gaps == 0 && closed == 0 && after.slowClientsCut() == before.slowClientsCut();
        step.addProperty("noDrops", noDrops);
        return step;
    }

    private static long sumWindowMessages(List<Client> clients) {
        long sum = 0;
        for (Client c : clients) {
            synchronized (c) {
                sum += c.windowMessages;
            }
        }
        return sum;
    }

    /** One subscriber: decodes with our decoder, checks the sequence, keeps latencies in milliseconds. */
    private static final class Client implements WebSocket.Listener, FeedSink {
        private final FeedDecoder decoder = FormatRegistry.installed()
                .named("native")
                .orElseThrow()
                .newDecoder(new Rejections(), FormatSettings.NONE);
        private final StringBuilder partial = new StringBuilder();
        private final Samples latency = new Samples(1024);
        private long lastSeq = -1;
        private long gaps;
        private boolean closed;
        private boolean inWindow;
        private long windowTicks;
        private long windowMessages;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                synchronized (this) {
                    decoder.decode(partial.toString(), this);
                    if (inWindow) {
                        windowMessages++;
                    }
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            synchronized (this) {
                closed = true;
            }
            return null;
        }

        @Override
        public void onTick(String symbol, long seq, long time, double price, double size) {
            if (lastSeq >= 0 && seq != lastSeq + 1) {
                gaps++;
            }
            lastSeq = seq;
            if (inWindow) {
                windowTicks++;
                latency.add(System.currentTimeMillis() - time);
            }
        }

        synchronized void startWindow() {
            inWindow = true;
        }

        synchronized void endWindow() {
            inWindow = false;
        }

        @Override
        public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closedCandle) {
            // Not in our protocol.
        }

        @Override
        public void onControl(ControlMessage message) {
            // hello and heartbeats: nothing to check.
        }
    }
}
