package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.peer.BinancePeer;
import com.klinelive.feed.format.peer.ExchangePeer;
import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code record} against a scripted Binance on loopback, as a user runs it: {@code --history N} gives the
 * exchange's newest N closed candles, then the open one rebuilt from trades and the live ones; a gap of 20 trade
 * ids is repaired by id, and the summary counts it once as a gap and once as a repair.
 */
class RecordExchangeTest {

    private static final int HISTORY = 5;

    @TempDir
    Path dir;

    @Test
    void recordWritesTheExchangesNCandlesAndTheLiveOnesAndCountsTheRepairedGap() throws Exception {
        long now = System.currentTimeMillis();
        // Ten minutes of trades published before the recording, then live ones until the test ends the tape.
        TradeTape tape = new TradeTape("BTCUSDT", 400_000, 1, now - 600_000, 100, 6_600, 11);
        try (ExchangePeer peer = ExchangePeer.start(BinancePeer.spot(), tape)) {
            Path csv = dir.resolve("btc.csv");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> recording = CompletableFuture.supplyAsync(() -> run(
                    out,
                    err,
                    "record",
                    "--url",
                    peer.webSocketUri("/ws/btcusdt@trade").toString(),
                    "--format",
                    "binance",
                    "--rest-url",
                    peer.httpUri().toString(),
                    "--symbol",
                    "BTCUSDT",
                    "--interval",
                    "1m",
                    "--history",
                    Integer.toString(HISTORY),
                    "--duration",
                    "20s",
                    "--out",
                    csv.toString()));
            // Once the open candle is rebuilt from trades, twenty live trades never reach the stream.
            waitFor(
                    8_000,
                    () -> peer.requests().stream().anyMatch(r -> r.path().endsWith("/historicalTrades")),
                    () -> "no backfill: " + peer.requests() + err);
            TradeTape.Trade first = tape.trades().stream()
                    .filter(t -> t.time() > System.currentTimeMillis() + 500)
                    .findFirst()
                    .orElseThrow();
            peer.dropFromStream(first.id(), first.id() + 19);
            // A second of trades after the twenty, then the tape ends, long before the recording does.
            long end = first.time() + 21 * 100 + 1_000;
            while (System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            peer.stopPublishing();

            assertEquals(0, recording.get(30, TimeUnit.SECONDS), err.toString());
            List<Candle> recorded = parse(Files.readAllLines(csv));
            List<Candle> truth = peer.truth(Timeframe.M1);
            assertEquals(truth.subList(truth.size() - recorded.size(), truth.size()), recorded);
            // N closed candles, the one open when it began, and perhaps one that opened since.
            assertTrue(recorded.size() == HISTORY + 1 || recorded.size() == HISTORY + 2, "" + recorded.size());
            String summary = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(
                    summary.matches("summary transport=websocket ticks=\\d+ duplicates=0 rejected=0 gaps=1 repairs=1 "
                            + "reconnects=0 candles=" + recorded.size()),
                    summary + "\n" + err);
        }
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new KlineLiveCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static List<Candle> parse(List<String> lines) {
        assertEquals(CandleCsv.HEADER, lines.get(0));
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
