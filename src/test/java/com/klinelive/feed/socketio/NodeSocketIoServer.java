package com.klinelive.feed.socketio;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Socket.IO 4.x server of {@code src/test/node/socketio/server.js}, run with the machine's {@code node} on
 * a free loopback port, its output lines collected. Needs {@code npm ci} in that folder first (.ci/run does it).
 */
final class NodeSocketIoServer implements AutoCloseable {

    static final Path DIR = Path.of(System.getProperty("socketio.server.dir", "src/test/node/socketio"));

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final int port;

    NodeSocketIoServer(String... options) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules/socket.io"))) {
            fail("socket.io is not installed: run `npm ci` in " + DIR.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of("node", "server.js"));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread reader = new Thread(this::readLines, "node-socketio-output");
        reader.setDaemon(true);
        reader.start();
        String listening = awaitLine("listening ", 15_000);
        port = Integer.parseInt(listening.substring("listening ".length()).trim());
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits for a line starting with {@code prefix}, at most {@code millis}; fails the test without one. */
    String awaitLine(String prefix, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive() && lines.isEmpty()) {
                    fail("the socket.io server printed no '" + prefix + "' line in " + millis + " ms; it printed "
                            + lines);
                }
                lines.wait(Math.max(1, left));
            }
        }
    }

    /** The text after {@code prefix} of every line starting with it so far, in order. */
    List<String> linesAfter(String prefix) {
        List<String> out = new ArrayList<>();
        synchronized (lines) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    out.add(line.substring(prefix.length()));
                }
            }
        }
        return out;
    }

    private void readLines() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "the socket.io server did not stop");
    }
}
