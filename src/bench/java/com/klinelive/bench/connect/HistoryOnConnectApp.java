package com.klinelive.bench.connect;

import com.klinelive.app.Feeds;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.chart.CandleChart;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.PeerExchange;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.peer.ExchangePeer;
import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Issue 13's "1,000 candles of history drawn at most 300 ms after connecting to a loopback peer": a 1920x1080
 * chart, and in each round a fresh feed client started on it; timed from {@code start()} to the end of the layout
 * pass of the first pulse whose frame holds the feed's history of 1,000 one-minute candles (what the render thread
 * then puts on screen). Side by side, alternating: the Binance peer (WebSocket, then REST klines and the open
 * candle's trades) and the simulator's native {@code /history}. Prints medians and spread; {@code --quick} runs 4
 * rounds each.
 */
public final class HistoryOnConnectApp extends Application {

    static final int CANDLES = 1_000;
    static int rounds = 20;

    private CandleChart chart;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        chart = new CandleChart();
        chart.setTimeframe(Timeframe.M1);
        scene = new Scene(chart, 1920, 1080);
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setScene(scene);
        stage.show();
        Thread driver = new Thread(
                () -> {
                    int status = 0;
                    try {
                        run();
                    } catch (Throwable t) {
                        t.printStackTrace();
                        status = 1;
                    }
                    System.exit(status);
                },
                "history-on-connect-bench");
        driver.setDaemon(true);
        driver.start();
    }

    private void run() throws Exception {
        // 1,100 minutes of trades, one every 20 s, before the peer starts: REST klines give the 1,000 asked for.
        PeerExchange binance = PeerExchange.BINANCE;
        long now = System.currentTimeMillis();
        int spacing = 20_000;
        int past = 1_100 * 60_000 / spacing;
        TradeTape tape =
                new TradeTape(binance.symbol(), 900_000, 1, now - (long) past * spacing, spacing, past + 600, 7);
        try (ExchangePeer peer = ExchangePeer.start(binance.dialect().get(), tape);
                SimServer sim = SimServer.start(SimOptions.defaults()
                        .withPort(0)
                        .withSeed(5)
                        .withRate(20)
                        .withHistory(Duration.ofDays(1))
                        .withSymbols(List.of("BTCUSDT")))) {
            Function<Void, FeedClient> toPeer = v -> Feeds.client(
                    FeedOptions.defaults("ws://127.0.0.1:" + peer.httpUri().getPort() + binance.path())
                            .withFormatSettings(new FormatSettings(peer.httpUri(), null, Map.of(), null))
                            .withFormat(FormatRegistry.installed()
                                    .named(binance.format())
                                    .orElseThrow())
                            .withSymbols(List.of(binance.symbol()))
                            .withHistory(EnumSet.of(Timeframe.M1), CANDLES),
                    new CandleAggregator(EnumSet.of(Timeframe.M1), 100_000, 4));
            Function<Void, FeedClient> toSim = v -> Feeds.client(
                    FeedOptions.defaults(sim.uri().toString())
                            .withSymbols(List.of("BTCUSDT"))
                            .withHistory(EnumSet.of(Timeframe.M1), CANDLES),
                    new CandleAggregator(EnumSet.of(Timeframe.M1), 100_000, 4));
            // Warm-up: the JIT and JavaFX's first frames, not figures.
            for (int i = 0; i < 3; i++) {
                round(toPeer, binance.symbol());
                round(toSim, "BTCUSDT");
            }
            List<Double> peerMs = new ArrayList<>();
            List<Double> simMs = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                peerMs.add(round(toPeer, binance.symbol()));
                simMs.add(round(toSim, "BTCUSDT"));
            }
            System.out.println(line("binance peer (WebSocket + REST klines and trades)", peerMs));
            System.out.println(line("simulator (native /history)", simMs));
            System.out.printf(
                    Locale.ROOT,
                    "load %s%n",
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                            .trim());
        }
    }

    /** One connect: milliseconds from the client's start to the end of the first frame that holds the history. */
    private double round(Function<Void, FeedClient> open, String symbol) throws Exception {
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        try (FeedClient client = open.apply(null)) {
            Runnable check = () -> {
                CandleBook book = client.book(symbol);
                if (book != null && chart.getBook() != book && book.historySeq(Timeframe.M1) >= 0) {
                    chart.setBook(book);
                } else if (book != null
                        && chart.getBook() == book
                        && chart.getVisibleRange().count() > 0
                        && book.read(Timeframe.M1, c -> c.size()) >= CANDLES) {
                    drawn.complete(System.nanoTime());
                }
            };
            Platform.runLater(() -> {
                chart.setBook(null);
                scene.addPostLayoutPulseListener(check);
            });
            client.addListener(new com.klinelive.feed.FeedListener() {
                @Override
                public void onCandles(String changed, long receivedNanos) {
                    chart.markDirty(receivedNanos);
                }
            });
            long start = System.nanoTime();
            client.start();
            // Pulses come while the chart draws; a pulse is asked for until the history shows.
            while (!drawn.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
                Platform.runLater(() -> Platform.requestNextPulse());
                Thread.sleep(1);
            }
            long end = drawn.get(1, TimeUnit.SECONDS);
            Platform.runLater(() -> scene.removePostLayoutPulseListener(check));
            return (end - start) / 1e6;
        }
    }

    private static String line(String name, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "%s: median %.1f ms (min %.1f, p90 %.1f, max %.1f) over %d rounds",
                name,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
                sorted[sorted.length - 1],
                sorted.length);
    }
}
