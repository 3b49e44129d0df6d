package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.CandleChart;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The soak: the viewer live on the simulator at 1,000 ticks/s over three symbols for an hour (or
 * {@code -Dsoak.minutes=N}), sampling heap after GC, resident memory and threads. After the warm-up they must stay
 * flat. Not part of {@code ./mvnw verify}: run it with {@code ./mvnw -Psoak verify}. Samples go to
 * {@code target/soak/soak.csv}.
 */
@Tag("soak")
class SoakTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void heapResidentMemoryAndThreadsStayFlatWithTheUiLive() throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 60);
        long sampleMillis = Long.getLong("soak.sampleMillis", 30_000L);
        Preferences prefs = Preferences.userRoot().node("klinelive-soak-" + System.nanoTime());
        List<Sample> samples = new ArrayList<>();
        try (SimServer sim = SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(1)
                .withRate(1_000.0 / 3)
                .withHistory(Duration.ofDays(1)))) {
            FxToolkit.registerPrimaryStage();
            java.nio.file.Path config = java.nio.file.Files.createTempDirectory("klinelive-soak");
            ViewerApp app = new ViewerApp(
                    new ViewerOptions(sim.uri().toString(), "BTCUSDT", null, null, null, false, null),
                    new com.klinelive.workspace.WorkspaceStore(config.resolve("workspace.json")),
                    prefs);
            robot.interact(() -> app.start(new javafx.stage.Stage()));
            CandleChart chart =
                    onFx(() -> (CandleChart) app.window().stage().getScene().lookup(".candle-chart"));
            waitFor(20_000, () -> onFx(() -> chart.getVisibleRange().count() > 0), () -> "no candles");

            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                Thread.sleep(sampleMillis);
                samples.add(Sample.take(
                        (System.nanoTime() - start) / 1e9,
                        app.window().statsLine(),
                        onFx(() -> chart.getBook().version())));
                System.out.println("soak " + samples.get(samples.size() - 1));
            }
            robot.interact(() -> app.window().quit());
            app.stop();
        } finally {
            prefs.removeNode();
            write(samples);
        }
        assertFlat(samples);
    }

    /**
     * After the first fifth (warm-up): the median heap and RSS of the last quarter are at most 10 % (+16 MB of GC
     * slack for the heap) above those of the first steady quarter, and no more threads run at the end than after
     * warm-up (idle pool threads may retire).
     */
    private static void assertFlat(List<Sample> samples) {
        assertTrue(samples.size() >= 8, "too few samples: " + samples.size());
        List<Sample> steady = samples.subList(samples.size() / 5, samples.size());
        List<Sample> early = steady.subList(0, steady.size() / 4);
        List<Sample> late = steady.subList(steady.size() - steady.size() / 4, steady.size());
        long earlyHeap = median(early, Sample::heap);
        long lateHeap = median(late, Sample::heap);
        long earlyRss = median(early, Sample::rss);
        long lateRss = median(late, Sample::rss);
        assertTrue(lateHeap <= earlyHeap * 1.10 + (16 << 20), "heap grew: " + earlyHeap + " -> " + lateHeap);
        assertTrue(lateRss <= earlyRss * 1.10, "RSS grew: " + earlyRss + " -> " + lateRss);
        int earlyThreads = early.stream().mapToInt(Sample::threads).max().orElseThrow();
        int lateThreads = late.stream().mapToInt(Sample::threads).max().orElseThrow();
        assertTrue(lateThreads <= earlyThreads, "threads grew: " + earlyThreads + " -> " + lateThreads);
        assertTrue(late.get(late.size() - 1).bookVersion() > early.get(0).bookVersion(), "ticks kept flowing");
    }

    private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        long[] values = samples.stream().mapToLong(value).sorted().toArray();
        return values[values.length / 2];
    }

    private static void write(List<Sample> samples) throws IOException {
        Path dir = Path.of("target", "soak");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("seconds,heap_after_gc_bytes,rss_bytes,threads,book_version,stats");
        samples.forEach(s -> lines.add(s.csv()));
        Files.write(dir.resolve("soak.csv"), lines);
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One measurement of the process. */
    record Sample(double seconds, long heap, long rss, int threads, long bookVersion, String stats) {

        static Sample take(double seconds, String stats, long bookVersion) throws IOException {
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Sample(seconds, heap, residentBytes(), Thread.activeCount(), bookVersion, stats);
        }

        /** Resident set size from /proc (Linux), 0 elsewhere. */
        private static long residentBytes() throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return 0;
            }
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst()
                    .orElse(0L);
        }

        String csv() {
            return String.format(
                    Locale.ROOT,
                    "%.0f,%d,%d,%d,%d,%s",
                    seconds,
                    heap,
                    rss,
                    threads,
                    bookVersion,
                    stats.replace(',', ';'));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "t=%.0fs heap=%dMB rss=%dMB threads=%d %s",
                    seconds,
                    heap >> 20,
                    rss >> 20,
                    threads,
                    stats);
        }
    }
}
