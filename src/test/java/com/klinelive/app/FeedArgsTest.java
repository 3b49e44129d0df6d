package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.format.FormatRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The format options the viewer and {@code record} share, as picocli parses them. */
class FeedArgsTest {

    @Command(name = "probe")
    static final class Holder implements Runnable {
        @Mixin
        FeedArgs feed = new FeedArgs();

        @Override
        public void run() {}
    }

    private static FeedArgs parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.feed;
    }

    private static FeedOptions applied(String... args) {
        return parse(args).applyTo(FeedOptions.defaults("ws://127.0.0.1:9/feed"));
    }

    @Test
    void withoutArgumentsTheFormatIsRecognisedLater() {
        FeedOptions options = applied();
        assertNull(options.format());
        assertEquals("trade", options.formatSettings().event());
        assertEquals(Map.of(), options.formatSettings().fields());
    }

    @Test
    void everySettingReachesTheFormats() {
        FeedOptions options = applied(
                "--format", "Coinbase",
                "--rest-url", "http://127.0.0.1:8/api",
                "--event", "tick",
                "--field", "symbol=sym",
                "--field", "price=data.0.p",
                "--field", "SIZE=data.0.q",
                "--subscribe", "{\"op\":\"subscribe\"}");
        assertEquals("coinbase", options.format().name());
        assertEquals(
                URI.create("http://127.0.0.1:8/api"), options.formatSettings().restUrl());
        assertEquals("tick", options.formatSettings().event());
        assertEquals(
                List.of("symbol", "price", "size"),
                List.copyOf(options.formatSettings().fields().keySet()));
        assertEquals("data.0.p", options.formatSettings().fields().get("price"));
        assertEquals("{\"op\":\"subscribe\"}", options.formatSettings().subscribe());
    }

    @Test
    void aFormatThatIsNotInstalledIsRefusedWithTheNamesThatAre() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> applied("--format", "no-such-exchange"));
        assertTrue(
                e.getMessage()
                        .equals("unknown format 'no-such-exchange' (use auto, "
                                + String.join(", ", FormatRegistry.installed().names()) + ")"),
                e.getMessage());
    }

    @Test
    void badFieldsAndRestUrlsAreRefusedClearly() {
        assertEquals(
                "unknown field 'volume' (use symbol, seq, time, price, size)",
                assertThrows(IllegalArgumentException.class, () -> applied("--field", "volume=v"))
                        .getMessage());
        assertEquals(
                "--rest-url must be an http:// or https:// URL with a host",
                assertThrows(IllegalArgumentException.class, () -> applied("--rest-url", "ftp://x/"))
                        .getMessage());
    }

    @Test
    void recordRefusesAnUnknownFormatAsABadArgument() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RecordCommand());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("--url", "http://127.0.0.1:9", "--format", "kraken-x", "--out", "x.csv");
        assertEquals(RecordCommand.EXIT_BAD_ARGUMENT, code);
        assertTrue(err.toString().startsWith("record: unknown format 'kraken-x'"), err.toString());
    }

    @Test
    void theHelpListsTheInstalledFormats() {
        String help = new CommandLine(new Holder()).getUsageMessage();
        String flat = help.replaceAll("\\s+", " ");
        assertTrue(
                flat.contains(
                        "auto, " + String.join(", ", FormatRegistry.installed().names())),
                help);
    }
}
