package com.klinelive.bench.scrollback;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.app.Feeds;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.bench.common.Samples;
import com.klinelive.cache.CachedCandles;
import com.klinelive.cache.CandleCache;
import com.klinelive.cache.SeriesKey;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import com.klinelive.scrollback.FeedPages;
import com.klinelive.scrollback.ScrollBackLoader;
import com.klinelive.scrollback.ScrollBackPage;
import com.klinelive.sim.HistorySnapshot;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Scroll-back, the way a user meets it (docs/BENCHMARKS.md, section 8): a 1920x1080 chart of 1,000 minutes with
 * volume, RSI, MACD and Bollinger; Home shows the oldest candle; the chart asks for the page before it; the page of
 * 5,000 candles is put in front; the frame that draws it ends. Timed from the key to the end of the layout pass of
 * that frame's pulse (what the render thread then puts on screen), in rounds alternating between a cache hit
 * ({@link ScrollBackLoader} over the SQLite cache holding the simulator's 30 days) and the feed
 * ({@code FeedClient.olderCandles}: the simulator's {@code /history?end=} over loopback). Each round starts from
 * the same 1,000 candles. Also the parts alone: the cache read and the prepend. Writes {@code scrollback.json}.
 */
public final class ScrollBackApp extends Application {

    private static final String SYMBOL = "BTCUSDT";
    private static final int SHOWN = 1_000;
    private static final int PAGE = ScrollBackLoader.DEFAULT_PAGE_SIZE;

    static int rounds = 30;

    private CandleChart chart;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        chart = new CandleChart();
        for (String study : List.of("rsi", "macd", "bollinger")) {
            chart.getStudies().add(StudyText.parse(study));
        }
        scene = new Scene(chart, 1920, 1080);
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setScene(scene);
        stage.show();
        Thread driver = new Thread(
                // The FX thread only draws and answers; the rounds are driven from here.
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
                "scroll-back-bench");
        driver.setDaemon(true);
        driver.start();
    }

    private void run() throws Exception {
        Path dir = Results.DIR.resolve("scrollback");
        Files.createDirectories(dir);
        Path file = dir.resolve("cache.db");
        Files.deleteIfExists(file);
        try (SimServer sim = SimServer.start(SimOptions.defaults()
                        .withPort(0)
                        .withRate(0)
                        .withSeed(3)
                        .withHistory(Duration.ofDays(30))
                        .withSymbols(List.of(SYMBOL)));
                CandleCache cache = CandleCache.open(file)) {
            String feed = sim.uri().toString();
            HistorySnapshot all = sim.history(SYMBOL, Timeframe.M1, 100_000);
            List<Candle> truth = all.candles();
            List<Candle> newest = truth.subList(truth.size() - SHOWN, truth.size());
            SeriesKey key = new SeriesKey(feed, SYMBOL, Timeframe.M1);
            cache.putAsync(key, new CandleList(truth.subList(0, truth.size() - 1)))
                    .get();
            AtomicInteger feedAsked = new AtomicInteger();
            FeedPages noFeed = (symbol, tf, end, limit) -> {
                feedAsked.incrementAndGet();
                return CompletableFuture.failedFuture(new IllegalStateException("a cache hit asked the feed"));
            };
            ScrollBackLoader fromCache = new ScrollBackLoader(cache, feed, noFeed);

            JsonObject result = new JsonObject();
            result.add("machine", Machine.describe());
            result.addProperty("rounds", rounds);
            result.add("parts", parts(cache, key, newest, all.seq()));
            Round[] cached = new Round[rounds];
            Round[] fed = new Round[rounds];
            for (int i = -2; i < rounds; i++) { // two rounds each way to warm up
                // From the cache: a book holding the same 1,000 candles the feed client's history brings.
                CandleBook book = new CandleBook(SYMBOL, EnumSet.of(Timeframe.M1), CandleAggregator.DEFAULT_CAPACITY);
                book.loadHistory(List.of(new History(Timeframe.M1, newest, all.seq())));
                Round c = round(book, fromCache);
                // From the feed: a client of its own each round, its 1,000 candles from the simulator's history.
                Round f;
                try (FeedClient client = connected(feed)) {
                    f = round(client.book(SYMBOL), new ScrollBackLoader(null, feed, client::olderCandles));
                }
                if (i >= 0) {
                    cached[i] = c;
                    fed[i] = f;
                }
            }
            if (feedAsked.get() != 0) {
                throw new IllegalStateException("a cache round asked the feed " + feedAsked.get() + " times");
            }
            result.add("cacheHit", summary(cached));
            result.add("feed", summary(fed));
            result.addProperty("loads", Machine.loadAverages());
            Results.write("scrollback", result);
            System.out.println(Results.gson().toJson(result));
            System.out.printf(
                    Locale.ROOT,
                    "page of %d on screen after Home: cache hit %.1f ms (load %.1f, frame %.1f), feed %.1f ms (load"
                            + " %.1f, frame %.1f)%n",
                    PAGE,
                    median(cached, Round::total),
                    median(cached, Round::load),
                    median(cached, Round::frame),
                    median(fed, Round::total),
                    median(fed, Round::load),
                    median(fed, Round::frame));
        }
    }

    /** A feed client on {@code url} with its history of 1,000 minutes in. */
    private static FeedClient connected(String url) throws InterruptedException {
        FeedClient client = Feeds.client(
                FeedOptions.defaults(url).withSymbols(List.of(SYMBOL)).withHistory(EnumSet.of(Timeframe.M1), SHOWN),
                new CandleAggregator(EnumSet.of(Timeframe.M1), CandleAggregator.DEFAULT_CAPACITY, 4));
        client.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (client.book(SYMBOL) == null || client.book(SYMBOL).historySeq(Timeframe.M1) < 0) {
            if (System.nanoTime() > deadline) {
                client.close();
                throw new IllegalStateException("no history: " + client.status());
            }
            Thread.sleep(10);
        }
        return client;
    }

    /** One scroll: times in ms from the key to the ask, the page in the book, and the end of its frame. */
    record Round(double ask, double load, double frame, double total, String source) {}

    private Round round(CandleBook book, ScrollBackLoader loader) throws Exception {
        // 1,000 candles shown at the live edge, a new series for the chart each round.
        onFx(() -> {
            chart.setBook(book);
            chart.goLive();
        });
        waitFrames(3);
        long[] at = new long[4];
        String[] source = new String[1];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Runnable afterLayout = () -> {
            if (at[2] != 0 && at[3] == 0 && chart.getVisibleRange().count() >= SHOWN + PAGE) {
                at[3] = System.nanoTime();
                shown.complete(null);
            }
        };
        onFx(() -> {
            chart.setOnNeedOlder(request -> {
                at[1] = System.nanoTime();
                loader.loadBefore(request.book(), request.timeframe(), request.endExclusive())
                        .whenComplete((page, error) -> {
                            if (error != null) {
                                shown.completeExceptionally(error);
                                return;
                            }
                            at[2] = System.nanoTime();
                            source[0] = page.source().name();
                            if (page.added() != PAGE || page.state() != ScrollBackPage.State.MORE) {
                                shown.completeExceptionally(new IllegalStateException("page " + page));
                            }
                            request.loaded();
                            chart.markDirty();
                        });
            });
            scene.addPostLayoutPulseListener(afterLayout);
            at[0] = System.nanoTime();
            chart.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.HOME, false, false, false, false));
        });
        shown.get(30, TimeUnit.SECONDS);
        onFx(() -> {
            scene.removePostLayoutPulseListener(afterLayout);
            chart.setOnNeedOlder(null);
        });
        return new Round(
                (at[1] - at[0]) / 1e6, (at[2] - at[1]) / 1e6, (at[3] - at[2]) / 1e6, (at[3] - at[0]) / 1e6, source[0]);
    }

    /** The parts alone: reading the page from the cache, and putting it in front of a book of 1,000 candles. */
    private static JsonObject parts(CandleCache cache, SeriesKey key, List<Candle> newest, long seq) throws Exception {
        int n = Math.max(10, rounds * 2);
        double[] read = new double[n];
        double[] prepend = new double[n];
        long end = newest.get(0).time();
        for (int i = -3; i < n; i++) {
            long t0 = System.nanoTime();
            CachedCandles page = cache.before(key, end, PAGE);
            long t1 = System.nanoTime();
            CandleBook book = new CandleBook(SYMBOL, EnumSet.of(Timeframe.M1), CandleAggregator.DEFAULT_CAPACITY);
            book.loadHistory(List.of(new History(Timeframe.M1, newest, seq)));
            long t2 = System.nanoTime();
            int added = book.prepend(Timeframe.M1, end, page).added();
            long t3 = System.nanoTime();
            if (added != PAGE) {
                throw new IllegalStateException("prepended " + added);
            }
            if (i >= 0) {
                read[i] = (t1 - t0) / 1e6;
                prepend[i] = (t3 - t2) / 1e6;
            }
        }
        JsonObject o = new JsonObject();
        o.add("cacheReadMs", stats(read));
        o.add("prependMs", stats(prepend));
        return o;
    }

    private static JsonObject summary(Round[] rounds) {
        JsonObject o = new JsonObject();
        o.add("askMs", stats(Arrays.stream(rounds).mapToDouble(Round::ask).toArray()));
        o.add("loadMs", stats(Arrays.stream(rounds).mapToDouble(Round::load).toArray()));
        o.add("frameMs", stats(Arrays.stream(rounds).mapToDouble(Round::frame).toArray()));
        o.add("totalMs", stats(Arrays.stream(rounds).mapToDouble(Round::total).toArray()));
        o.addProperty("source", rounds[0].source());
        return o;
    }

    private static double median(Round[] rounds, java.util.function.ToDoubleFunction<Round> f) {
        return Samples.median(Arrays.stream(rounds).mapToDouble(f).toArray());
    }

    private static JsonObject stats(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        JsonObject o = new JsonObject();
        o.addProperty("median", Samples.median(xs));
        o.addProperty("min", sorted[0]);
        o.addProperty("p90", sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)]);
        o.addProperty("max", sorted[sorted.length - 1]);
        JsonArray values = new JsonArray();
        for (double x : xs) {
            values.add(x);
        }
        o.add("all", values);
        return o;
    }

    private void waitFrames(int frames) throws Exception {
        long start = chart.frameStats().snapshot().frames();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (chart.frameStats().snapshot().frames() < start + frames) {
            chart.markDirty();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the chart does not draw");
            }
            Thread.sleep(5);
        }
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }
}
