package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void recordsTheCandlesTheServerHasAndEndsWithASummary() throws Exception {
        try (SimServer sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(3).withRate(50).withHistory(Duration.ofHours(1)))) {
            Path csv = dir.resolve("eth.csv");
            // Stop the ticks before the recording ends, so the server's history is final when we compare.
            CompletableFuture.delayedExecutor(3_000, TimeUnit.MILLISECONDS).execute(sim::pauseTicks);

            int code = run(
                    "record",
                    "--url",
                    sim.uri().toString(),
                    "--symbol",
                    "ETHUSDT",
                    "--interval",
                    "1s",
                    "--duration",
                    "5s",
                    "--history",
                    "200",
                    "--out",
                    csv.toString());

            assertEquals(0, code, err.toString());
            List<String> lines = Files.readAllLines(csv);
            assertEquals(CandleCsv.HEADER, lines.get(0));
            List<Candle> recorded = parse(lines);
            List<Candle> truth =
                    sim.history("ETHUSDT", Timeframe.S1, recorded.size()).candles();
            assertEquals(truth, recorded);
            assertTrue(recorded.size() > 200, "history plus live candles: " + recorded.size() + " " + out + err);
            String summary = lastLine(out.toString());
            assertTrue(
                    summary.matches("summary transport=websocket ticks=\\d+ duplicates=0 rejected=0 gaps=0 "
                            + "repairs=0 reconnects=0 candles=" + recorded.size()),
                    summary);
        }
    }

    @Test
    void longPollingIsUsedWhenAskedFor() throws Exception {
        try (SimServer sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(4).withRate(50).withHistory(Duration.ofMinutes(30)))) {
            Path csv = dir.resolve("btc.csv");
            int code = run(
                    "record",
                    "--url",
                    sim.uri().toString(),
                    "--transport",
                    "longpoll",
                    "--duration",
                    "2s",
                    "--out",
                    csv.toString());

            assertEquals(0, code, err.toString());
            String summary = lastLine(out.toString());
            assertTrue(summary.startsWith("summary transport=longpoll ticks="), summary);
            assertTrue(Files.readAllLines(csv).size() > 1);
        }
    }

    @Test
    void aSymbolTheFeedDoesNotOfferIsAClearError() throws Exception {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withPort(0).withHistory(Duration.ofMinutes(5)))) {
            int code = run(
                    "record",
                    "--url",
                    sim.uri().toString(),
                    "--symbol",
                    "DOGEUSDT",
                    "--duration",
                    "2s",
                    "--out",
                    dir.resolve("x.csv").toString());

            assertEquals(RecordCommand.EXIT_UNREACHABLE, code);
            assertTrue(
                    err.toString()
                            .contains("the feed does not offer DOGEUSDT (it offers BTCUSDT, ETHUSDT, " + "SOLUSDT)"),
                    err.toString());
        }
    }

    @Test
    void invalidUrlIsAClearErrorAtOnce() {
        int code = run(
                "record", "--url", "gopher://x", "--out", dir.resolve("x.csv").toString());

        assertEquals(RecordCommand.EXIT_BAD_ARGUMENT, code);
        assertTrue(err.toString().contains("unsupported scheme 'gopher'"), err.toString());
    }

    @Test
    void nothingReachableEndsNonZeroWithAMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = run(
                "record",
                "--url",
                "http://127.0.0.1:" + port,
                "--duration",
                "1s",
                "--out",
                dir.resolve("x.csv").toString());

        assertEquals(RecordCommand.EXIT_UNREACHABLE, code);
        assertTrue(err.toString().contains("could not reach a feed at http://127.0.0.1:" + port), err.toString());
        assertTrue(err.toString().toLowerCase(java.util.Locale.ROOT).contains("connection refused"), err.toString());
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new KlineLiveCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
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
}
