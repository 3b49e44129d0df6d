package com.klinelive.feed.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.klinelive.app.KlineLiveCommand;
import com.klinelive.candle.CandleBook;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The issue's own example, end to end: {@code record --format socketio} with a field mapping against a real
 * Socket.IO 4.8 server from npm writes exactly the candles of the trades the server emitted. Needs Node.js and
 * {@code npm ci}: run with {@code ./mvnw -Pinterop verify}.
 */
@Tag("interop")
class SocketIoRecordInteropTest {

    @TempDir
    Path dir;

    @Test
    void recordOfAMappedSocketIoFeedGivesTheCandlesOfEveryTradeEmitted() throws Exception {
        int trades = 400;
        try (NodeSocketIoServer server = new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "3")) {
            recordAndCompare(server, trades);
        }
    }

    @Test
    void theSubscribeEventIsEmittedOnceConnectedSoAServerThatWaitsForItStreams() throws Exception {
        // The session opens on long polling: it is the format's stream all the same, and --subscribe goes out.
        int trades = 200;
        try (NodeSocketIoServer server =
                new NodeSocketIoServer("--trades", "" + trades, "--every-ms", "3", "--await-subscribe")) {
            recordAndCompare(server, trades, "--subscribe", "[\"subscribe\",\"BTCUSDT\"]");
            assertEquals("subscribed BTCUSDT", server.awaitLine("subscribed ", 10_000));
        }
    }

    /** Records the server's trades with the mapping and checks the candles against what it emitted. */
    private void recordAndCompare(NodeSocketIoServer server, int trades, String... moreOptions) throws Exception {
        Path csv = dir.resolve("t.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KlineLiveCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of(
                "record",
                "--url",
                server.url(""),
                "--format",
                "socketio",
                "--event",
                "trade",
                "--field",
                "symbol=sym",
                "--field",
                "seq=data.id",
                "--field",
                "time=data.ts",
                "--field",
                "price=data.px",
                "--field",
                "size=data.qty",
                "--interval",
                "1s",
                "--duration",
                "6s",
                "--out",
                csv.toString()));
        args.addAll(List.of(moreOptions));

        int code = cli.execute(args.toArray(String[]::new));

        assertEquals(0, code, err.toString());
        server.awaitLine("done", 10_000);
        List<String> sent = server.linesAfter("sent ");
        assertEquals(trades, sent.size());
        CandleBook truth = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.S1), 10_000);
        for (String line : sent) {
            JsonObject data = JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("data");
            truth.apply(
                    data.get("id").getAsLong(),
                    data.get("ts").getAsLong(),
                    data.get("px").getAsDouble(),
                    data.get("qty").getAsDouble());
        }
        assertEquals(truth.candles(Timeframe.S1, Integer.MAX_VALUE), parse(Files.readAllLines(csv)));
        String summary = out.toString().trim();
        assertTrue(summary.contains(" ticks=" + trades + " "), summary);
        assertTrue(summary.contains(" rejected=0 "), summary);
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
