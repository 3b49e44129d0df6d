package com.klinelive.bench.e2e;

import com.google.gson.JsonObject;
import com.klinelive.bench.common.ChildJvm;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: the viewer itself ({@code klinelive --url ... --stats}) against the naive viewer, each in its own
 * process, each fed 1,000 ticks/s by the simulator running here; and the viewer idle (on a simulator that sends no
 * ticks) and minimised at 1,000 ticks/s ({@code --start-minimised}). Tick-to-pixel and the FX thread's CPU per
 * pulse come from each viewer's stats line; CPU is the viewer process's user + system time from /proc over a
 * steady window: the last 25 s of 90, as the JIT is still compiling JavaFX's code for a minute after start (which
 * doubles the CPU measured earlier). The floors are {@link FloorApp}, a window of the same size changing one label
 * per pulse, and the same window changing nothing. Writes {@code e2e.json}.
 */
public final class EndToEndBench {

    static final int RATE = 1_000;

    private EndToEndBench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int seconds = quick ? 16 : 90;
        double windowFrom = quick ? 6 : 62;
        double windowTo = seconds - 3;
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.addProperty("rate", RATE);
        out.addProperty("cpuWindowSeconds", windowTo - windowFrom);
        SimOptions options = SimOptions.defaults()
                .withPort(0)
                .withRate(RATE)
                .withSymbols(List.of("BTCUSDT"))
                .withHistory(Duration.ofHours(6))
                .withSeed(4);
        // The idle feed: the same history, no ticks (a quiet market).
        try (SimServer sim = SimServer.start(options);
                SimServer quiet = SimServer.start(options.withRate(0))) {
            String url = sim.uri().toString();
            Path home = Results.DIR.resolve("viewer-home").toAbsolutePath();
            List<String> viewerOptions = new ArrayList<>(ChildJvm.FX_OPTIONS);
            // The viewer remembers its window and feed: in a home of its own, nobody's settings are touched.
            viewerOptions.add("-Duser.home=" + home);
            viewerOptions.add("-Djava.util.prefs.userRoot=" + home.resolve("prefs"));
            // Side by side in one run, the floors next to the rows they bound.
            out.add("floor", run("e2e-floor", floor(seconds, false), windowFrom, windowTo, seconds));
            out.add("ours", run("e2e-ours", viewer(viewerOptions, url, seconds), windowFrom, windowTo, seconds));
            out.add("floorIdle", run("e2e-floor-idle", floor(seconds, true), windowFrom, windowTo, seconds));
            out.add(
                    "oursIdle",
                    run(
                            "e2e-ours-idle",
                            viewer(viewerOptions, quiet.uri().toString(), seconds),
                            windowFrom,
                            windowTo,
                            seconds));
            out.add(
                    "oursMinimised",
                    run(
                            "e2e-ours-minimised",
                            viewer(viewerOptions, url, seconds, "--start-minimised"),
                            windowFrom,
                            windowTo,
                            seconds));
            out.add(
                    "peer",
                    run(
                            "e2e-peer",
                            ChildJvm.command(
                                    ChildJvm.FX_OPTIONS,
                                    NaiveViewer.class.getName(),
                                    List.of(url, String.valueOf(seconds))),
                            windowFrom,
                            windowTo,
                            seconds));
        }
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("e2e", out);
        System.exit(0);
    }

    /** The viewer on {@code url} with {@code --stats}, quitting after {@code seconds}, and any further arguments. */
    private static List<String> viewer(List<String> jvmOptions, String url, int seconds, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--url", url, "--symbol", "BTCUSDT", "--interval", "1m", "--stats", "--exit-after", seconds + "s"));
        args.addAll(List.of(more));
        return ChildJvm.command(jvmOptions, "com.klinelive.Main", args);
    }

    /** {@link FloorApp}: a label changed every pulse, or with {@code idle} nothing changed. */
    private static List<String> floor(int seconds, boolean idle) {
        List<String> args = new ArrayList<>(List.of(String.valueOf(seconds)));
        if (idle) {
            args.add("idle");
        }
        return ChildJvm.command(ChildJvm.FX_OPTIONS, FloorApp.Floor.class.getName(), args);
    }

    private static JsonObject run(String name, List<String> command, double from, double to, int seconds)
            throws IOException, InterruptedException {
        Path log = Results.DIR.resolve("logs").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long start = System.nanoTime();
        sleepUntil(start, from);
        long cpu0 = cpuTicks(p.pid());
        long t0 = System.nanoTime();
        sleepUntil(start, to);
        long cpu1 = cpuTicks(p.pid());
        long t1 = System.nanoTime();
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not exit; see " + log);
        }
        JsonObject r = new JsonObject();
        double cpuSeconds = (cpu1 - cpu0) / (double) clockTicksPerSecond();
        r.addProperty("cpuPercentOfOneCore", 100 * cpuSeconds / ((t1 - t0) / 1e9));
        String stats = null;
        double rate = Double.NaN;
        double firstFrame = Double.NaN;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("startup first_live_frame_ms=")) {
                firstFrame =
                        Double.parseDouble(line.substring(line.indexOf('=') + 1).trim());
            }
            if (line.startsWith("stats ")) {
                stats = line;
                // The line printed at exit comes after the feed closed: its tick rate is 0.
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("ticks_per_s=(\\d+)").matcher(line);
                if (m.find() && Double.parseDouble(m.group(1)) > 0) {
                    rate = Double.parseDouble(m.group(1));
                }
            }
        }
        if (stats == null) {
            throw new IllegalStateException(name + " printed no stats line; see " + log);
        }
        r.addProperty("statsLine", stats);
        r.addProperty("ticksPerSecondSeen", rate);
        r.addProperty("firstLiveFrameMs", firstFrame);
        for (String pair : stats.substring(6).trim().split("\\s+")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) {
                r.addProperty(kv[0], Double.parseDouble(kv[1]));
            }
        }
        System.out.println("e2e " + name + " " + r);
        return r;
    }

    /** utime + stime of a process, in clock ticks, from /proc/PID/stat. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // The command name may hold spaces; fields are counted after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100;
        }
    }

    private static void sleepUntil(long start, double seconds) throws InterruptedException {
        long wait = start + (long) (seconds * 1e9) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
