package com.klinelive.bench.cache;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.cache.CachedCandles;
import com.klinelive.cache.CandleCache;
import com.klinelive.cache.FeedTracker;
import com.klinelive.cache.SeriesKey;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.feed.protocol.HistoryMessage;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The history cache's figures (docs/BENCHMARKS.md, section 7), each side by side with its alternative in the same
 * run: ingest at 150,000 ticks/s with the cache writing and without; opening the cache and loading 1M cached
 * candles into a book against an empty cache; a page of 5,000 older candles from the cache against the same page
 * from the simulator's {@code /history}. Medians with min–max over rounds. Raw results in
 * {@code target/bench/cache.json}.
 */
public final class CacheBench {

    private static final String FEED = "bench";
    private static final long T0 = 1_699_999_980_000L; // a whole minute

    private CacheBench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path dir = Results.DIR.resolve("cache");
        Files.createDirectories(dir);
        JsonObject result = new JsonObject();
        result.add("machine", Machine.describe());
        result.add("ingest", ingest(dir, quick ? 2 : 6, quick ? 2 : 5, true));
        result.add("ingestUnpaced", ingest(dir, quick ? 2 : 6, quick ? 2 : 3, false));
        Path big = dir.resolve("million.db");
        result.add("write", fillMillion(big));
        result.add("start", start(big, dir.resolve("empty.db"), quick ? 3 : 9));
        result.add("page", pages(big, quick ? 10 : 60));
        result.addProperty("loads", Machine.loadAverages());
        Results.write("cache", result);
        System.out.println(Results.gson().toJson(result));
    }

    /**
     * Counts trades into a book of all ten timeframes in batches of 50, event times advancing 150 trades a
     * millisecond (150,000 a second), with the cache tracking the book or not, alternating rounds. Paced, at
     * 150,000 trades a second of wall clock: the counting thread's CPU per trade, and whether the cache holds
     * every closed candle at the end (it kept up). Unpaced, as fast as it goes: the trades a second counted, so
     * that a slowdown shows even where pacing would hide it (candles close 50 times faster than live, too).
     */
    private static JsonObject ingest(Path dir, int rounds, int seconds, boolean paced) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] off = new double[rounds];
        double[] on = new double[rounds];
        double[] rates = new double[rounds];
        double[] ratesOff = new double[rounds];
        long behind = 0;
        long written = 0;
        for (int round = 0; round < rounds * 2; round++) {
            boolean cached = round % 2 == 1;
            Path file = dir.resolve("ingest-" + round + ".db");
            Files.deleteIfExists(file);
            CandleAggregator aggregator = new CandleAggregator(EnumSet.allOf(Timeframe.class), 1_000_000, 4);
            CandleBook book = aggregator.bookFor("BTCUSDT");
            List<History> none = new ArrayList<>();
            for (Timeframe tf : Timeframe.values()) {
                none.add(new History(tf, List.of(), 0)); // the feed's (empty) history: every candle is whole
            }
            book.loadHistory(none);
            CandleCache cache = cached ? CandleCache.open(file) : null;
            FeedTracker tracker = cached ? cache.track(FEED, aggregator) : null;
            long[] seqs = new long[50];
            long[] times = new long[50];
            double[] prices = new double[50];
            double[] sizes = new double[50];
            SplittableRandom random = new SplittableRandom(round);
            long perMilli = 150;
            long start = System.nanoTime();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long seq = 0;
            long end = start + seconds * 1_000_000_000L;
            double price = 43_000;
            while (System.nanoTime() < end) {
                long due = (seq / perMilli) * 1_000_000L + start;
                long wait = due - System.nanoTime();
                if (paced && wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (int i = 0; i < 50; i++) {
                    seq++;
                    seqs[i] = seq;
                    times[i] = T0 + seq / perMilli; // 150 trades an event-time millisecond, as paced
                    price += random.nextInt(-2, 3) * 0.01;
                    prices[i] = price;
                    sizes[i] = 0.001 * random.nextInt(1, 100);
                }
                book.apply(seqs, times, prices, sizes, 0, 50, null);
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            double wall = (System.nanoTime() - start) / 1e9;
            int index = round / 2;
            if (cached) {
                on[index] = (double) cpu / seq;
                rates[index] = seq / wall;
                tracker.close();
                cache.close();
                try (CandleCache check = CandleCache.open(file)) {
                    for (Timeframe tf : Timeframe.values()) {
                        List<Candle> all = book.candles(tf, 1_000_000);
                        CachedCandles page = check.newest(new SeriesKey(FEED, "BTCUSDT", tf), 1_000_000);
                        behind += all.size() - 1 - page.size();
                        written += page.size();
                    }
                }
            } else {
                off[index] = (double) cpu / seq;
                ratesOff[index] = seq / wall;
            }
            Files.deleteIfExists(file);
        }
        JsonObject o = new JsonObject();
        o.addProperty("paced", paced);
        o.add("ticksPerSecondOff", stats(ratesOff));
        o.add("ticksPerSecondOn", stats(rates));
        o.add("cpuNsPerTickOff", stats(off));
        o.add("cpuNsPerTickOn", stats(on));
        o.addProperty("ratio", median(on) / median(off));
        o.addProperty("closedCandlesMissing", behind);
        o.addProperty("candlesWritten", written);
        System.out.printf(
                Locale.ROOT,
                "ingest %s: cache off %.1f ns/tick %.0f/s, on %.1f ns/tick %.0f/s, closed candles missing %d%n",
                paced ? "paced at 150k/s" : "unpaced",
                median(off),
                median(ratesOff),
                median(on),
                median(rates),
                behind);
        return o;
    }

    /** A cache holding 1,000,000 closed 1m candles of one series, written by the cache's own writer. */
    private static JsonObject fillMillion(Path file) throws Exception {
        Files.deleteIfExists(file);
        List<Candle> candles = new ArrayList<>(1_000_001);
        SplittableRandom random = new SplittableRandom(1);
        double close = 43_000;
        for (int i = 0; i <= 1_000_000; i++) {
            double open = close;
            close = Math.max(1, open + random.nextInt(-500, 501) / 100.0);
            candles.add(new Candle(
                    T0 + i * 60_000L,
                    open,
                    Math.max(open, close) + 1,
                    Math.min(open, close) - 1,
                    close,
                    random.nextInt(1, 10_000) / 100.0,
                    random.nextInt(1, 500)));
        }
        CandleAggregator aggregator = new CandleAggregator(EnumSet.of(Timeframe.M1), 1_100_000, 4);
        aggregator.bookFor("BTCUSDT").loadHistory(List.of(new History(Timeframe.M1, candles, 1)));
        long start = System.nanoTime();
        try (CandleCache cache = CandleCache.open(file)) {
            cache.track(FEED, aggregator);
        } // close: the last pass writes all, then waits for it
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonObject o = new JsonObject();
        o.addProperty("candles", 1_000_000);
        o.addProperty("seconds", seconds);
        o.addProperty("candlesPerSecond", 1_000_000 / seconds);
        o.addProperty("fileBytes", Files.size(file));
        System.out.printf(Locale.ROOT, "wrote 1M candles in %.2f s, %d bytes%n", seconds, Files.size(file));
        return o;
    }

    /** Opening the cache and loading a book from it: 1M cached candles against an empty cache, alternating. */
    private static JsonObject start(Path big, Path empty, int rounds) throws Exception {
        Files.deleteIfExists(empty);
        CandleCache.open(empty).close();
        double[] full = new double[rounds];
        double[] none = new double[rounds];
        double[] readOnly = new double[rounds];
        double[] screen = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            none[round] = openAndLoad(empty, 1_000_000);
            full[round] = openAndLoad(big, 1_000_000);
            screen[round] = openAndLoad(big, 5_000);
            try (CandleCache cache = CandleCache.open(big)) {
                long t0 = System.nanoTime();
                CachedCandles page = cache.newest(new SeriesKey(FEED, "BTCUSDT", Timeframe.M1), 1_000_000);
                readOnly[round] = (System.nanoTime() - t0) / 1e6;
                if (page.size() != 1_000_000) {
                    throw new IllegalStateException("read " + page.size());
                }
            }
        }
        JsonObject o = new JsonObject();
        o.add("emptyMs", stats(none));
        o.add("millionMs", stats(full));
        o.add("millionReadOnlyMs", stats(readOnly));
        o.add("screenOfMillionMs", stats(screen));
        System.out.printf(
                Locale.ROOT,
                "start: empty %.1f ms, 1M %.1f ms (read alone %.1f ms), newest 5k of 1M %.1f ms%n",
                median(none),
                median(full),
                median(readOnly),
                median(screen));
        return o;
    }

    /** Opens the cache and loads the newest {@code limit} cached candles into a book: the cache's part of a start. */
    private static double openAndLoad(Path file, int limit) throws Exception {
        long t0 = System.nanoTime();
        try (CandleCache cache = CandleCache.open(file)) {
            CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 1_100_000);
            cache.preload(FEED, book, limit);
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** A page of 5,000 older 1m candles: from the cache, and from the simulator's /history (30 days), alternating. */
    private static JsonObject pages(Path big, int count) throws Exception {
        double[] cached = new double[count];
        double[] http = new double[count];
        SplittableRandom random = new SplittableRandom(7);
        HttpClient client = HttpClient.newHttpClient();
        try (CandleCache cache = CandleCache.open(big);
                SimServer sim = SimServer.start(SimOptions.defaults()
                        .withPort(0)
                        .withRate(0)
                        .withSeed(3)
                        .withHistory(Duration.ofDays(30))
                        .withSymbols(List.of("BTCUSDT")))) {
            List<Candle> minutes = sim.history("BTCUSDT", Timeframe.M1, 100_000).candles();
            SeriesKey key = new SeriesKey(FEED, "BTCUSDT", Timeframe.M1);
            for (int i = -3; i < count; i++) {
                long end = T0 + (5_000 + random.nextInt(990_000)) * 60_000L;
                long t0 = System.nanoTime();
                CachedCandles page = cache.before(key, end, 5_000);
                double cacheMs = (System.nanoTime() - t0) / 1e6;
                long simEnd = minutes.get(5_000 + random.nextInt(minutes.size() - 5_000))
                        .time();
                URI uri = sim.uri().resolve("/history?symbol=BTCUSDT&interval=1m&limit=5000&end=" + simEnd);
                t0 = System.nanoTime();
                String body = client.send(
                                HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                HistoryMessage answer = HistoryMessage.parse(body);
                double httpMs = (System.nanoTime() - t0) / 1e6;
                if (page.size() != 5_000 || answer.candles().size() != 5_000) {
                    throw new IllegalStateException(
                            page.size() + " / " + answer.candles().size());
                }
                if (i >= 0) { // the first three warm up
                    cached[i] = cacheMs;
                    http[i] = httpMs;
                }
            }
        }
        JsonObject o = new JsonObject();
        o.add("cacheMs", stats(cached));
        o.add("historyMs", stats(http));
        System.out.printf(Locale.ROOT, "page of 5000: cache %.2f ms, /history %.2f ms%n", median(cached), median(http));
        return o;
    }

    private static JsonObject stats(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        JsonObject o = new JsonObject();
        o.addProperty("median", median(xs));
        o.addProperty("min", sorted[0]);
        o.addProperty("max", sorted[sorted.length - 1]);
        o.addProperty("p90", sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)]);
        JsonArray all = new JsonArray();
        for (double x : xs) {
            all.add(x);
        }
        o.add("all", all);
        return o;
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
