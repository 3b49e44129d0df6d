package com.klinelive.bench.transport;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.app.Feeds;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.bench.common.Samples;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedListener;
import com.klinelive.feed.FeedOptions;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.sim.SimTap;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * Figure 4: WebSocket, long polling and short polling (1 s) against the real simulator on loopback, at 10 to
 * 10,000 ticks/s, after an unmeasured warm-up. Per transport and rate: delivery latency from the server's publish
 * to the client's decoded and counted tick (one JVM, one clock), HTTP requests per second, and in a second pass
 * through a counting relay, bytes on the wire per tick. The raw TCP round trip is measured before and after at
 * 1,000/s, as the floor, and once more at each rate's own pace just before its WebSocket row, with the one-way
 * trip of the same messages (a sender thread to a sleeping reader: what any delivery pays at the least). Writes
 * {@code transport.json}.
 */
public final class TransportBench {

    static final String SYMBOL = "BTCUSDT";
    static final List<String> TRANSPORTS = List.of("websocket", "long-polling", "short-polling");
    static final int[] RATES = {10, 100, 1_000, 10_000};
    /** Per transport, before the measured rows. */
    static final double WARM_UP_SECONDS = 6;
    /**
     * Delivered ticks a WebSocket or long-polling window aims for, so that a p99 is not just the maximum: at
     * 10 ticks/s that makes the window 40 s; no window is shorter than 3 s.
     */
    static final int TARGET_SAMPLES = 400;
    /** Round trips of the same-rate TCP floor; fewer at low rates, where each costs a tenth of a second or more. */
    static final int TCP_SAMPLES_LOW_RATE = 300;

    private final boolean quick;
    private final SimServer sim;
    private final SimTap tap;

    private TransportBench(boolean quick, SimServer sim) {
        this.quick = quick;
        this.sim = sim;
        this.tap = SimTap.of(sim, SYMBOL);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.add("tcpRoundTripMsBefore", summary(TcpEcho.roundTrips(quick ? 500 : 3_000, 1_000)));
        SimOptions options = SimOptions.defaults()
                .withPort(0)
                .withRate(0)
                .withSymbols(List.of(SYMBOL))
                .withHistory(Duration.ZERO)
                .withSeed(1);
        JsonArray rows = new JsonArray();
        try (SimServer sim = SimServer.start(options)) {
            TransportBench bench = new TransportBench(quick, sim);
            out.addProperty("warmUpSeconds", bench.warmUp());
            for (int rate : RATES) {
                for (String transport : TRANSPORTS) {
                    JsonObject row = bench.measure(transport, rate);
                    System.out.println("transport " + row);
                    rows.add(row);
                }
            }
        }
        out.add("tcpRoundTripMsAfter", summary(TcpEcho.roundTrips(quick ? 500 : 3_000, 1_000)));
        out.add("rows", rows);
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("transport", out);
        System.exit(0);
    }

    /**
     * Runs WebSocket and long polling at 10,000 ticks/s, unmeasured, so that every rate is measured on compiled
     * code: the 10 ticks/s case comes first and would otherwise time the JIT compiling Jetty's frame path and
     * our decoders (about 0.9 ms a message instead of about 0.15 ms on this machine).
     *
     * @return the seconds spent
     */
    private double warmUp() throws Exception {
        double seconds = quick ? 2 : WARM_UP_SECONDS;
        for (String transport : List.of("websocket", "long-polling")) {
            try (TickPublisher publisher = new TickPublisher(tap, 10_000, (int) (10_000 * (seconds + 4)), false)) {
                DeliveryRecorder recorder = new DeliveryRecorder(publisher);
                try (AutoCloseable client = open(transport, sim.uri(), recorder)) {
                    sleep(seconds);
                }
            }
        }
        return 2 * seconds;
    }

    private JsonObject measure(String transport, int rate) throws Exception {
        double scale = quick ? 0.4 : 1;
        boolean polling = transport.equals("short-polling");
        // Short polling's latency is its period: a few seconds tell it; the others need enough samples for a p99.
        double measureSeconds =
                quick ? 1.2 : polling ? (rate <= 10 ? 6 : 3) : Math.max(3, (double) TARGET_SAMPLES / rate);
        // Whole seconds, so that the window of a once-a-second poller holds whole polls.
        double bytesSeconds = quick ? 2 : rate <= 10 ? 4 : 3;
        double grace = polling ? 1.2 : 0.3;
        int capacity = (int) (rate * (measureSeconds + bytesSeconds + 6 + 2 * grace)) + 1_000;
        JsonObject row = new JsonObject();
        row.addProperty("transport", transport);
        row.addProperty("rate", rate);
        if (transport.equals("websocket")) {
            // The floor at this row's pace: between sparse messages both ends sleep, and waking them costs more.
            int count = (int) (Math.max(TCP_SAMPLES_LOW_RATE, Math.min(rate * 3, 20_000)) * scale);
            TcpEcho.Floor floor = TcpEcho.measure(count, rate);
            row.add("tcpRoundTripMsSameRate", summary(floor.roundTrips()));
            row.add("tcpOneWayMsSameRate", summary(floor.oneWay()));
        }
        try (TickPublisher publisher = new TickPublisher(tap, rate, capacity, true)) {
            DeliveryRecorder recorder = new DeliveryRecorder(publisher);
            try (AutoCloseable client = open(transport, sim.uri(), recorder)) {
                sleep(1.2);
                long from = publisher.lastSeq();
                long polls = sim.stats().pollsAnswered();
                recorder.start(from);
                sleep(measureSeconds);
                long to = publisher.lastSeq();
                recorder.stop(to);
                double requests = (sim.stats().pollsAnswered() - polls) / measureSeconds;
                sleep(grace);
                row.addProperty("published", to - from);
                row.addProperty("delivered", recorder.delivered());
                row.add("latencyMs", Results.gson().toJsonTree(recorder.summaryMillis()));
                row.addProperty("httpRequestsPerSecond", requests);
            }
            try (CountingProxy proxy = new CountingProxy(sim.port())) {
                DeliveryRecorder counted = new DeliveryRecorder(publisher);
                try (AutoCloseable client = open(transport, URI.create("http://127.0.0.1:" + proxy.port()), counted)) {
                    // Half-way between two short polls: no answer is on its way when the window opens or closes.
                    sleep(1.5);
                    proxy.reset();
                    long from = counted.highest();
                    sleep(bytesSeconds);
                    long bytes = proxy.bytes();
                    long to = counted.highest();
                    long ticks = Math.max(1, to - from);
                    double perTick = (double) bytes / ticks;
                    double payload = (double) publisher.payloadBytes(from + 1, to) / ticks;
                    row.addProperty("bytesPerTick", perTick);
                    row.addProperty("payloadBytesPerTick", payload);
                    row.addProperty("overheadBytesPerTick", perTick - payload);
                    row.addProperty("ticksCountedForBytes", ticks);
                }
            }
        }
        return row;
    }

    /** A client of the transport, counting into {@code recorder}. */
    private AutoCloseable open(String transport, URI base, DeliveryRecorder recorder) {
        if (transport.equals("short-polling")) {
            ShortPoller poller = new ShortPoller(base, SYMBOL, tap.lastSeq(), recorder);
            poller.start(1_000);
            return poller;
        }
        FeedOptions options = FeedOptions.defaults(base.toString())
                .withSymbols(List.of(SYMBOL))
                .withHistory(EnumSet.of(Timeframe.M1), 10)
                .withTransports(
                        transport.equals("websocket")
                                ? FeedOptions.TransportChoice.WEBSOCKET
                                : FeedOptions.TransportChoice.LONG_POLLING);
        CandleAggregator aggregator = new CandleAggregator(EnumSet.allOf(Timeframe.class), 10_000, 4);
        FeedClient client = Feeds.client(options, aggregator);
        client.addListener(new FeedListener() {
            @Override
            public void onCandles(String symbol, long receivedNanos) {
                CandleBook book = client.book(symbol);
                if (book != null) {
                    recorder.deliveredUpTo(book.lastSeq(), System.nanoTime());
                }
            }
        });
        client.start();
        return client;
    }

    static JsonObject summary(Samples samples) {
        return Results.gson().toJsonTree(samples.summary(1e6)).getAsJsonObject();
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }
}
