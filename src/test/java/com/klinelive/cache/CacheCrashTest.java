package com.klinelive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.app.Feeds;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.ServerTruth;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the cache: a child JVM follows the simulator and writes the cache; it is killed with SIGKILL at
 * a random moment, 50 times. After every kill the database passes {@code PRAGMA integrity_check}, still holds
 * every candle the child saw committed, and every candle it holds equals the simulator's; at the end a client
 * that starts from the cache and reconnects holds candles equal to the simulator's {@code /history}.
 */
class CacheCrashTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void killedWritersNeverDamageTheCacheNorLoseACommittedCandle() throws Exception {
        Path file = dir.resolve("candles.db");
        SimOptions options = SimOptions.defaults()
                .withPort(0)
                .withSeed(9)
                .withRate(400)
                .withHistory(Duration.ofMinutes(30))
                .withSymbols(List.of("BTCUSDT"));
        SplittableRandom random = new SplittableRandom(16);
        int killedWhileWriting = 0;
        try (SimServer sim = SimServer.start(options)) {
            for (int kill = 0; kill < KILLS; kill++) {
                Map<String, long[]> committed = new ConcurrentHashMap<>();
                Process child = startChild(file, sim, committed);
                // Every other kill waits for the child's first commit, then lands anywhere in the writing that
                // follows; the others land anywhere from the first pass (the backfill: ten thousand candles) on. So
                // half the kills surely hit a cache being written, however slow a loaded machine makes the child.
                if (kill % 2 == 0) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (committed.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(random.nextInt(300));
                } else {
                    Thread.sleep(random.nextInt(600));
                }
                child.destroyForcibly(); // SIGKILL
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child died");
                killedWhileWriting += committed.isEmpty() ? 0 : 1;
                assertIntactAndHolding(file, committed, sim, "kill " + kill);
            }
            assertTrue(killedWhileWriting >= KILLS / 2, "kills after the first commit: " + killedWhileWriting);
            assertAClientStartingFromTheCacheEndsEqualToTheServer(file, sim);
        }
    }

    /** Starts a child and waits until it is ready; its commits land in {@code committed}. */
    private static Process startChild(Path file, SimServer sim, Map<String, long[]> committed) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        // A killed JVM cannot delete the SQLite library it unpacked: unpack it where JUnit cleans up.
                        "-Dorg.sqlite.tmpdir=" + file.getParent(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CacheWriterChild.class.getName(),
                        file.toString(),
                        sim.uri().toString())
                .redirectErrorStream(true)
                .start();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder other = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("ready")) {
                        ready.countDown();
                    } else if (line.startsWith("committed ")) {
                        String[] f = line.split(" ");
                        committed.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                    } else {
                        other.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException e) {
                // The child was killed: its output ends.
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("the child did not start: " + other);
        }
        return child;
    }

    private static void assertIntactAndHolding(Path file, Map<String, long[]> committed, SimServer sim, String when)
            throws Exception {
        try (Connection c = CacheSchema.connect(file)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1), when);
            }
            for (Map.Entry<String, long[]> seen : committed.entrySet()) {
                try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM candles JOIN series"
                        + " ON series.id = candles.series WHERE timeframe = ? AND time <= ?")) {
                    p.setString(1, seen.getKey());
                    p.setLong(2, seen.getValue()[1]);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        assertTrue(rs.getLong(1) >= seen.getValue()[0], when + ": " + seen.getKey() + " lost candles");
                    }
                }
            }
        }
        try (CandleCache cache = CandleCache.open(file)) {
            for (Timeframe tf : Timeframe.values()) {
                List<Candle> cached = cache.newest(new SeriesKey(CacheWriterChild.FEED, "BTCUSDT", tf), 100_000)
                        .toList();
                Map<Long, Candle> truth = new HashMap<>();
                sim.history("BTCUSDT", tf, 100_000).candles().forEach(t -> truth.put(t.time(), t));
                for (Candle candle : cached) {
                    assertEquals(truth.get(candle.time()), candle, when + ": " + tf.label() + " equals the server's");
                }
            }
        }
    }

    private static void assertAClientStartingFromTheCacheEndsEqualToTheServer(Path file, SimServer sim)
            throws Exception {
        EnumSet<Timeframe> all = EnumSet.allOf(Timeframe.class);
        CandleAggregator aggregator = new CandleAggregator(all, 100_000, 4);
        try (CandleCache cache = CandleCache.open(file)) {
            assertTrue(cache.preload(CacheWriterChild.FEED, aggregator.bookFor("BTCUSDT"), 5_000) > 0);
            cache.track(CacheWriterChild.FEED, aggregator);
            try (FeedClient client = Feeds.client(
                    FeedOptions.defaults(sim.uri().toString())
                            .withSymbols(List.of("BTCUSDT"))
                            .withHistory(all, 1_000),
                    aggregator)) {
                client.start();
                ServerTruth.assertClientMatchesServer(client, sim, all);
            }
        }
    }
}
