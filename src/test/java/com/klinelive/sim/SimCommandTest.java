package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimCommandTest {

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("--help"));
        for (String option : List.of(
                "--host",
                "--port",
                "--symbols",
                "--rate",
                "--seed",
                "--history",
                "--allow-origin",
                "--tls-keystore",
                "--tls-password",
                "--no-websocket",
                "--chaos-drop-ws",
                "--chaos-latency")) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void aBadValueIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand());
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--history", "forever"));
        assertTrue(err.toString().contains("is not a duration"), err.toString());
        assertEquals(2, cli.execute("--rate", "-5", "--port", "0"));
        assertTrue(err.toString().contains("rate must be"), err.toString());
    }

    @Test
    void theCommandPrintsWhereItListensFirstAndStopsCleanlyOnSignal() throws Exception {
        Process sim = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.klinelive.Main",
                        "sim",
                        "--port",
                        "0",
                        "--history",
                        "10m",
                        "--status-every",
                        "200ms")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))) {
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertTrue(first.matches("listening http://127\\.0\\.0\\.1:\\d+"), first);
            URI base = URI.create(first.substring("listening ".length()));
            assertEquals(200, new SimHttp(base).get("/symbols").status());
            String status = CompletableFuture.supplyAsync(() -> {
                        String line;
                        do {
                            line = readLine(out);
                        } while (line != null && !line.startsWith("clients "));
                        return line;
                    })
                    .get(30, TimeUnit.SECONDS);
            assertTrue(status.matches("clients ws=\\d+ poll=\\d+ \\| \\d+ ticks/s .*"), status);

            sim.destroy();
            assertTrue(sim.waitFor(15, TimeUnit.SECONDS), "stops on SIGTERM");
            assertEquals(143, sim.exitValue(), "ended by the signal, through the shutdown hook");
        } finally {
            sim.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
