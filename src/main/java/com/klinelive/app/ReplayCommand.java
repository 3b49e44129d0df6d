package com.klinelive.app;

import com.klinelive.recording.ReadEnd;
import com.klinelive.recording.RecordingPlayer;
import com.klinelive.sim.DurationParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code klinelive replay FILE}: serves a tick recording ({@code record --ticks}) as a native feed until Ctrl-C.
 * The first line on standard output is {@code listening http://HOST:PORT}, as {@code sim} prints it.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a tick recording (record --ticks) as a native feed: WebSocket, long polling, history and symbols",
            "on one port, so the viewer and record work on it unchanged. Prints 'listening http://HOST:PORT' first.",
            "Ctrl-C stops it."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording to play.")
    Path file;

    @Option(
            names = "--speed",
            defaultValue = "1",
            paramLabel = "TIMES",
            description = "Play 1 to 100 times faster than recorded (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}); 0 takes any free port.")
    int port;

    @Option(
            names = "--status-every",
            defaultValue = "5s",
            converter = DurationParser.class,
            paramLabel = "DURATION",
            description = "Interval of the status line (default: ${DEFAULT-VALUE}).")
    Duration statusEvery;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(speed >= RecordingPlayer.MIN_SPEED && speed <= RecordingPlayer.MAX_SPEED)) {
            err.println("replay: --speed must be 1 to 100, got " + speed);
            return RecordCommand.EXIT_BAD_ARGUMENT;
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        }
        ReplayServer replay;
        try {
            replay = ReplayServer.start(file, speed, host, port);
        } catch (IOException | IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            return 1;
        }
        RecordingPlayer player = replay.player();
        ReadEnd read = player.readEnd();
        out.println("listening " + replay.uri());
        out.println("replaying " + file + ": " + read.trades() + " trades of " + String.join(",", player.symbols())
                + " from " + Instant.ofEpochMilli(player.firstTime()) + " to " + Instant.ofEpochMilli(player.lastTime())
                + " at " + format(speed) + "x");
        if (!read.complete() || read.lost() > 0) {
            out.println("recording " + file + ": " + read.describe());
        }
        out.flush();
        player.play();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            replay.close();
                            stopped.countDown();
                        },
                        "replay-shutdown"));
        boolean announced = false;
        long everyNanos = Math.max(100, statusEvery.toMillis()) * 1_000_000L;
        long lastStatus = System.nanoTime();
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            if (player.state() == RecordingPlayer.State.ENDED && !announced) {
                announced = true;
                out.println("replay finished: " + player.sent() + " trades sent; serving their candles until Ctrl-C");
            }
            if (System.nanoTime() - lastStatus >= everyNanos) {
                lastStatus = System.nanoTime();
                out.println("at " + Instant.ofEpochMilli(Math.min(player.position(), player.lastTime())) + ": "
                        + player.sent() + " of " + read.trades() + " trades sent | clients ws="
                        + replay.server().stats().webSockets() + " poll="
                        + replay.server().stats().pollsHeld());
            }
            out.flush();
        }
        return 0;
    }

    private static String format(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
