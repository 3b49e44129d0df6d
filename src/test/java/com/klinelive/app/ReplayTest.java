package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.recording.ReadEnd;
import com.klinelive.recording.RecordingPlayer;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code record --ticks} then {@code replay}: the candles of a replay equal those recorded live, also when the
 * recording was cut short.
 */
class ReplayTest {

    @TempDir
    static Path dir;

    private static Path recording;
    private static List<Candle> live;
    private static long firstRecorded;

    /** Records seven seconds of a simulator at 300 ticks/s, candles and ticks; the ticks stop before the end. */
    @BeforeAll
    static void recordLive() throws Exception {
        try (SimServer sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(5).withRate(300).withHistory(Duration.ofMinutes(10)))) {
            recording = dir.resolve("btc.klt");
            Path csv = dir.resolve("live.csv");
            CompletableFuture.delayedExecutor(6_000, TimeUnit.MILLISECONDS).execute(sim::pauseTicks);
            Run run = run(
                    "record",
                    "--url",
                    sim.uri().toString(),
                    "--symbol",
                    "BTCUSDT",
                    "--interval",
                    "1s",
                    "--duration",
                    "7s",
                    "--out",
                    csv.toString(),
                    "--ticks",
                    recording.toString());
            assertEquals(0, run.code, run.err);
            assertTrue(run.out.contains("ticks recorded="), run.out);
            live = parse(Files.readAllLines(csv));
            assertEquals(sim.history("BTCUSDT", Timeframe.S1, live.size()).candles(), live, "live = the truth");
        }
        firstRecorded = ReplayServerProbe.firstTime(recording);
    }

    @Test
    void aReplayAtTenTimesGivesTheCandlesRecordedLive() throws Exception {
        try (ReplayServer replay = ReplayServer.start(recording, 10, "127.0.0.1", 0)) {
            Path csv = dir.resolve("replayed.csv");
            CompletableFuture<Run> recorded = CompletableFuture.supplyAsync(() -> run(
                    "record",
                    "--url",
                    replay.uri().toString(),
                    "--symbol",
                    "BTCUSDT",
                    "--interval",
                    "1s",
                    "--duration",
                    "3s",
                    "--out",
                    csv.toString()));
            await("the recorder subscribed", () -> replay.server().stats().webSockets() == 1);
            Thread.sleep(300); // its backfill of the (empty) history is in
            replay.player().play();
            Run run = recorded.get(30, TimeUnit.SECONDS);
            assertEquals(0, run.code, run.err);
            assertEquals(RecordingPlayer.State.ENDED, replay.player().state());
            List<Candle> replayed = parse(Files.readAllLines(csv));
            assertEquals(afterFirstSecond(live), afterFirstSecond(replayed));
            assertTrue(
                    afterFirstSecond(live).size() >= 4,
                    "seconds compared: " + afterFirstSecond(live).size());
            String summary = run.out.strip().substring(run.out.strip().lastIndexOf('\n') + 1);
            assertTrue(
                    summary.matches("summary transport=websocket ticks=[1-9]\\d* duplicates=0 rejected=0 gaps=0 .*"),
                    "streamed live, not only as history: " + summary);
        }
    }

    @Test
    void aTruncatedRecordingReplaysUpToItsLastWholeFrameAndSaysWhereItStopped() throws Exception {
        Path cut = dir.resolve("cut.klt");
        byte[] bytes = Files.readAllBytes(recording);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));

        Process replay = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.klinelive.Main",
                        "replay",
                        cut.toString(),
                        "--speed",
                        "100",
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(replay.getInputStream(), StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertTrue(first != null && first.matches("listening http://127\\.0\\.0\\.1:\\d+"), "first line: " + first);
            String url = first.substring("listening ".length());
            assertTrue(lines.readLine().startsWith("replaying " + cut + ": "));
            String stopped = lines.readLine();
            assertTrue(
                    stopped.matches("recording .*: \\d+ trades in \\d+ frames; stopped at byte \\d+ of "
                            + (bytes.length - 40) + ": the last frame is cut short .*"),
                    stopped);
            String finished;
            do {
                finished = lines.readLine();
            } while (finished != null && !finished.startsWith("replay finished"));
            assertTrue(finished != null, "the replay finished");

            Path csv = dir.resolve("cut.csv");
            Run run = run(
                    "record",
                    "--url",
                    url,
                    "--symbol",
                    "BTCUSDT",
                    "--interval",
                    "1s",
                    "--duration",
                    "3s",
                    "--out",
                    csv.toString());
            assertEquals(0, run.code, run.err);
            List<Candle> replayed = afterFirstSecond(parse(Files.readAllLines(csv)));
            // Whole frames hold whole seconds of trades but may end inside a candle: all but the last are final.
            List<Candle> whole = replayed.subList(0, replayed.size() - 1);
            assertEquals(afterFirstSecond(live).subList(0, whole.size()), whole);
            assertTrue(
                    whole.size() >= 2 && whole.size() < afterFirstSecond(live).size(), "seconds: " + whole.size());
        } finally {
            replay.destroy();
            assertTrue(replay.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    /** The candles after the one the recording started in (that one also holds trades from before). */
    private static List<Candle> afterFirstSecond(List<Candle> candles) {
        long from = Timeframe.S1.bucketStart(firstRecorded) + 1000;
        return candles.stream().filter(c -> c.time() >= from).toList();
    }

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KlineLiveCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Candle> parse(List<String> lines) {
        List<Candle> candles = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            candles.add(new Candle(
                    Instant.parse(f[0]).toEpochMilli(),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Long.parseLong(f[6])));
        }
        return candles;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * The time of the first BTCUSDT trade of a recording (trades of other symbols may come first: a WebSocket
     * streams every symbol until the client subscribes).
     */
    private static final class ReplayServerProbe {
        static long firstTime(Path file) throws Exception {
            long[] first = {Long.MAX_VALUE};
            ReadEnd end = com.klinelive.recording.TickFileReader.scan(file, (offset, trades) -> {
                for (int i = 0; i < trades.size(); i++) {
                    if (trades.symbol(i).equals("BTCUSDT")) {
                        first[0] = Math.min(first[0], trades.time(i));
                    }
                }
            });
            assertTrue(end.complete(), end.describe());
            return first[0];
        }
    }
}
