package com.klinelive.bench.e2e;

import com.google.gson.JsonObject;
import com.klinelive.bench.common.ChildJvm;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.workspace.WindowSpec;
import com.klinelive.workspace.Workspace;
import com.klinelive.workspace.WorkspaceStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: the viewer itself ({@code klinelive --url ... --stats}) against the naive viewer, each in its own
 * process, each fed 1,000 ticks/s by the simulator running here; and the viewer idle (on a simulator that sends no
 * ticks) and minimised at 1,000 ticks/s ({@code --start-minimised}). Tick-to-pixel and the FX thread's CPU per
 * pulse come from each viewer's stats line; CPU is the viewer process's user + system time from /proc over a
 * steady window: the last 25 s of 90, as the JIT is still compiling JavaFX's code for a minute after start (which
 * doubles the CPU measured earlier). The floors are {@link FloorApp}, a window of the same size changing one label
 * per pulse, and the same window changing nothing. Issue 15's rows: four charts ({@code --layout 4}) on one feed of
 * four symbols at 1,000 ticks/s each, and the same four scrolled back to 100k candles each before the window opens.
 * Every row draws a 1920x1080 window; resident memory comes from /proc too. Writes {@code e2e.json}.
 */
public final class EndToEndBench {

    static final int RATE = 1_000;

    /** The screen of the 1920x1080 targets: every viewer row and the floors draw a window of this size. */
    static final int WIDTH = 1920;

    static final int HEIGHT = 1080;

    /** The workspace row's symbols, one chart each. */
    static final List<String> FOUR = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT");

    /**
     * The four-symbol simulator's history: 71 days, 102,240 one-minute candles a symbol; 1,000 at start and 21
     * pages of 5,000 reach its start.
     */
    static final int DEEP_DAYS = 71;

    /** {@code Home} presses a chart of the scrolled row gets: the 21 pages and a few spare for a slow page. */
    static final int HOME_PRESSES = 25;

    /** Between two {@code Home} presses: a page over loopback takes some 100 ms, more under load (section 9). */
    static final long PAGE_WAIT_MS = 500;

    /** The middle of each chart of the 2x2 grid, as fractions of the window (found on a screenshot). */
    static final double[][] QUADRANTS = {{0.28, 0.3}, {0.72, 0.3}, {0.28, 0.7}, {0.72, 0.7}};

    private EndToEndBench() {}

    /**
     * Every JavaFX row runs on the packaged viewer's JVM options: C1 only ({@code -XX:TieredStopAtLevel=1}, set by
     * its launcher, packaging/build-installers.sh), so the rows measure what a user runs, and the floors the same.
     */
    static final List<String> FX_AS_PACKAGED = withC1Only(ChildJvm.FX_OPTIONS);

    private static final String RECORD_ROW = "e2e-record";

    private static List<String> withC1Only(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.add("-XX:TieredStopAtLevel=1");
        return List.copyOf(all);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int seconds = quick ? 16 : 90;
        double windowFrom = quick ? 6 : 62;
        double windowTo = seconds - 3;
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.addProperty("rate", RATE);
        out.addProperty("cpuWindowSeconds", windowTo - windowFrom);
        out.addProperty("width", WIDTH);
        out.addProperty("height", HEIGHT);
        out.addProperty("loadBefore", Machine.loadAverages());
        SimOptions options = SimOptions.defaults()
                .withPort(0)
                .withRate(RATE)
                .withSymbols(List.of("BTCUSDT"))
                .withHistory(Duration.ofHours(6))
                .withSeed(4);
        // Four symbols at RATE each (the simulator's rate is per symbol), with the history the scrolled-back row
        // pages through: DEEP_DAYS of one-minute candles is a little over what it scrolls back a symbol.
        SimOptions four = options.withSymbols(FOUR).withHistory(Duration.ofDays(DEEP_DAYS));
        Path home = Results.DIR.resolve("viewer-home").toAbsolutePath();
        List<String> viewerOptions = new ArrayList<>(FX_AS_PACKAGED);
        // The viewer remembers its window and feed: in a home of its own, nobody's settings are touched.
        viewerOptions.add("-Duser.home=" + home);
        viewerOptions.add("-Djava.util.prefs.userRoot=" + home.resolve("prefs"));
        Viewer viewer = new Viewer(home, viewerOptions, seconds);
        int presses = quick ? 3 : HOME_PRESSES;
        // The idle feed: the same history, no ticks (a quiet market).
        try (SimServer sim = SimServer.start(options);
                SimServer quiet = SimServer.start(options.withRate(0))) {
            String url = sim.uri().toString();
            // Side by side in one run, the floors next to the rows they bound.
            if (wanted("floor")) {
                out.add("floor", run("e2e-floor", floor(seconds, null), windowFrom, windowTo, seconds));
            }
            if (wanted("floorNodes")) {
                out.add("floorNodes", run("e2e-floor-nodes", floor(seconds, "nodes"), windowFrom, windowTo, seconds));
            }
            if (wanted("ours")) {
                out.add("ours", run("e2e-ours", viewer.on(url, "BTCUSDT"), windowFrom, windowTo, seconds));
            }
            sim.pauseTicks();
            if (wanted("ours4")) {
                try (SimServer sim4 = SimServer.start(four)) {
                    String url4 = sim4.uri().toString();
                    String symbols = String.join(",", FOUR);
                    out.add(
                            "ours4",
                            run(
                                    "e2e-ours-4",
                                    viewer.on(url4, symbols, "--layout", "4"),
                                    windowFrom,
                                    windowTo,
                                    seconds));
                    Path shot = Results.DIR.resolve("e2e-ours-4-scrolled.png").toAbsolutePath();
                    // Paging back takes about a minute: this row runs longer, its CPU window as long as the others'.
                    int longer = 40;
                    out.add(
                            "ours4Scrolled",
                            run(
                                    "e2e-ours-4-scrolled",
                                    new Viewer(home, viewerOptions, seconds + longer)
                                            .on(url4, symbols, "--layout", "4"),
                                    windowFrom + longer,
                                    windowTo + longer,
                                    seconds + longer,
                                    () -> scrollBack(
                                            presses, shot, Results.DIR.resolve("logs/e2e-ours-4-scrolled.log")),
                                    0));
                    out.addProperty("homePresses", presses);
                    out.addProperty("deepHistoryCandlesPerSymbol", DEEP_DAYS * 1440);
                }
            }
            sim.resumeTicks();
            if (wanted("floorIdle")) {
                out.add("floorIdle", run("e2e-floor-idle", floor(seconds, "idle"), windowFrom, windowTo, seconds));
            }
            if (wanted("floorSecond")) {
                out.add(
                        "floorSecond",
                        run("e2e-floor-second", floor(seconds, "second"), windowFrom, windowTo, seconds));
            }
            if (wanted("oursIdle")) {
                out.add(
                        "oursIdle",
                        run(
                                "e2e-ours-idle",
                                viewer.on(quiet.uri().toString(), "BTCUSDT"),
                                windowFrom,
                                windowTo,
                                seconds));
            }
            if (wanted("record")) {
                // The cost of receiving the feed, with no window: what a minimised viewer cannot go below.
                out.add("record", run(RECORD_ROW, record(url, seconds), windowFrom, windowTo, seconds));
            }
            if (wanted("oursMinimised")) {
                out.add(
                        "oursMinimised",
                        run(
                                "e2e-ours-minimised",
                                viewer.on(url, "BTCUSDT", "--start-minimised"),
                                windowFrom,
                                windowTo,
                                seconds));
            }
            if (wanted("peer")) {
                out.add(
                        "peer",
                        run(
                                "e2e-peer",
                                ChildJvm.command(
                                        FX_AS_PACKAGED,
                                        NaiveViewer.class.getName(),
                                        List.of(url, String.valueOf(seconds))),
                                windowFrom,
                                windowTo,
                                seconds));
            }
        }
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("e2e", out);
        System.exit(0);
    }

    /**
     * The viewer's command lines. Every run starts from a fresh home holding only a workspace file whose window is
     * WIDTH x HEIGHT at the origin, so that one chart and four are drawn into the same screen and no run sees
     * another's cached candles or saved charts.
     */
    private record Viewer(Path home, List<String> jvmOptions, int seconds) {

        /** The viewer on {@code url} showing {@code symbols} (comma-separated) with {@code --stats}, and more. */
        List<String> on(String url, String symbols, String... more) throws IOException {
            freshHome(home);
            List<String> args = new ArrayList<>(List.of(
                    "--url", url, "--symbol", symbols, "--interval", "1m", "--stats", "--exit-after", seconds + "s"));
            args.addAll(List.of(more));
            return ChildJvm.command(jvmOptions, "com.klinelive.Main", args);
        }
    }

    private static void freshHome(Path home) throws IOException {
        if (Files.exists(home)) {
            try (var paths = Files.walk(home)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Workspace d = Workspace.defaults();
        Workspace sized = new Workspace(
                d.version(),
                d.layout(),
                d.activeChart(),
                d.syncCrosshair(),
                d.syncSymbol(),
                d.charts(),
                d.watchlist(),
                d.alerts(),
                d.alertLog(),
                d.drawings(),
                d.savedFeeds(),
                d.recentUrls(),
                WindowSpec.at(0, 0, WIDTH, HEIGHT, false),
                d.ui());
        // Where ConfigDirectory looks on Linux when XDG_CONFIG_HOME is unset (run() unsets it for the child).
        Path file = home.resolve(".config").resolve("klinelive").resolve(WorkspaceStore.FILE_NAME);
        Files.createDirectories(file.getParent());
        new WorkspaceStore(file).save(sized);
    }

    /**
     * Pages each of the four charts back through older candles the way a user does: a click into the chart, then
     * {@code presses} times {@code Home} (show the oldest candle, which asks the feed for the page before it); a
     * screenshot of the four charts at their oldest candles (what shows how far back they reach); then a click and
     * {@code End} in each, back to the live edge. Through xdotool on the bench's own X display.
     */
    private static void scrollBack(int presses, Path screenshot, Path log) {
        // Keys sent before the window is up go nowhere: wait for the first live frame, and a little longer.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!printed(log, "startup first_live_frame_ms=")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no live frame within 60 s; see " + log);
            }
            pause(200);
        }
        pause(2_000);
        for (double[] at : QUADRANTS) {
            clickAt(at);
            for (int i = 0; i < presses; i++) {
                xdotool("key", "Home");
                // A page from the simulator over loopback takes some 100 ms (section 9), more under load; the
                // next Home must find it in the book, or it asks for nothing new.
                pause(PAGE_WAIT_MS);
            }
        }
        pause(1_000);
        exec(List.of("bash", "-c", "xwd -root -silent | convert xwd:- '" + screenshot + "'"));
        for (double[] at : QUADRANTS) {
            clickAt(at);
            xdotool("key", "End");
        }
    }

    private static boolean printed(Path log, String prefix) {
        try {
            return Files.exists(log) && Files.readAllLines(log).stream().anyMatch(l -> l.startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    private static void clickAt(double[] at) {
        xdotool("mousemove", String.valueOf((int) (at[0] * WIDTH)), String.valueOf((int) (at[1] * HEIGHT)));
        xdotool("click", "1");
    }

    private static void xdotool(String... args) {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        exec(command);
    }

    private static void exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + ": " + e.getMessage() + " (apt-get install -y xdotool)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows to run, from {@code -Dbench.rows=floor,ours,...} (keys as in {@code e2e.json}); all without it. A
     * subset re-runs the rows of one issue side by side without the others' minutes.
     */
    private static boolean wanted(String row) {
        String rows = System.getProperty("bench.rows", "");
        return rows.isBlank() || List.of(rows.split(",")).contains(row);
    }

    /** The headless recorder on the same feed, each message read as it comes: receiving and counting, no window. */
    private static List<String> record(String url, int seconds) throws IOException {
        Path out = Files.createTempFile("e2e-record", ".csv");
        out.toFile().deleteOnExit();
        return ChildJvm.command(
                FX_AS_PACKAGED,
                "com.klinelive.Main",
                List.of(
                        "record",
                        "--url",
                        url,
                        "--symbol",
                        "BTCUSDT",
                        "--duration",
                        seconds + "s",
                        "--out",
                        out.toString()));
    }

    /**
     * {@link FloorApp}: a label changed every pulse; with {@code mode} "idle" nothing changed, with "second" the label
     * changed once a second, with "nodes" among as many other nodes as the viewer's window has.
     */
    private static List<String> floor(int seconds, String mode) {
        List<String> args = new ArrayList<>(List.of(String.valueOf(seconds)));
        if (mode != null) {
            args.add(mode);
        }
        return ChildJvm.command(FX_AS_PACKAGED, FloorApp.Floor.class.getName(), args);
    }

    private static JsonObject run(String name, List<String> command, double from, double to, int seconds)
            throws IOException, InterruptedException {
        return run(name, command, from, to, seconds, () -> {}, 0);
    }

    /** A row; {@code action} runs {@code actionAt} seconds after the start, before the CPU window opens. */
    private static JsonObject run(
            String name, List<String> command, double from, double to, int seconds, Runnable action, double actionAt)
            throws IOException, InterruptedException {
        Path log = Results.DIR.resolve("logs").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The viewer's settings and cache in its -Duser.home, whatever the bench's own environment says.
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().remove("XDG_CACHE_HOME");
        Process p = builder.start();
        long start = System.nanoTime();
        sleepUntil(start, actionAt);
        action.run();
        double actionDone = (System.nanoTime() - start) / 1e9;
        if (actionDone > from) {
            throw new IllegalStateException(name + ": the action ran into the CPU window (" + actionDone + " s)");
        }
        sleepUntil(start, from);
        long cpu0 = cpuTicks(p.pid());
        Map<String, Long> threads0 = threadTicks(p.pid());
        long t0 = System.nanoTime();
        int linesAtFrom = lineCount(log);
        sleepUntil(start, to);
        long cpu1 = cpuTicks(p.pid());
        Map<String, Long> threads1 = threadTicks(p.pid());
        long t1 = System.nanoTime();
        int linesAtTo = lineCount(log);
        String status = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "status"));
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not exit; see " + log);
        }
        JsonObject r = new JsonObject();
        double cpuSeconds = (cpu1 - cpu0) / (double) clockTicksPerSecond();
        r.addProperty("cpuPercentOfOneCore", 100 * cpuSeconds / ((t1 - t0) / 1e9));
        r.add("threads", byThread(threads0, threads1, (t1 - t0) / 1e9));
        // Resident memory at the end of the window, and its peak since the start.
        r.addProperty("rssMb", statusKb(status, "VmRSS") / 1024.0);
        r.addProperty("hwmMb", statusKb(status, "VmHWM") / 1024.0);
        r.addProperty("actionSeconds", actionDone);
        r.addProperty("load", Machine.loadAverages());
        List<String> lines = Files.readAllLines(log);
        double firstFrame = Double.NaN;
        String last = null;
        for (String line : lines) {
            if (line.startsWith("startup first_live_frame_ms=")) {
                firstFrame =
                        Double.parseDouble(line.substring(line.indexOf('=') + 1).trim());
            }
            if (line.startsWith("stats ")) {
                last = line;
            }
        }
        if (last == null && name.equals(RECORD_ROW)) {
            return r;
        }
        if (last == null) {
            throw new IllegalStateException(name + " printed no stats line; see " + log);
        }
        // The viewer prints a line a second: those printed inside the CPU window are the row's figures (the line
        // printed at exit comes after the window closed: no charts, no feed). The floors print one line, at exit.
        List<String> inWindow = new ArrayList<>();
        for (String line : lines.subList(Math.min(linesAtFrom, lines.size()), Math.min(linesAtTo, lines.size()))) {
            if (line.startsWith("stats ")) {
                inWindow.add(line);
            }
        }
        if (inWindow.isEmpty()) {
            inWindow.add(last);
        }
        r.addProperty("statsLine", inWindow.get(inWindow.size() - 1));
        r.addProperty("statsLines", inWindow.size());
        r.addProperty("firstLiveFrameMs", firstFrame);
        // Each figure: the median over the window's lines, with min and max (each line covers the last frames).
        java.util.Map<String, List<Double>> values = new java.util.LinkedHashMap<>();
        for (String line : inWindow) {
            for (String pair : line.substring(6).trim().split("\\s+")) {
                String[] kv = pair.split("=");
                if (kv.length == 2) {
                    values.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Double.parseDouble(kv[1]));
                }
            }
        }
        values.forEach((key, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            r.addProperty(key, sorted.get(sorted.size() / 2));
            r.addProperty(key + "_min", sorted.get(0));
            r.addProperty(key + "_max", sorted.get(sorted.size() - 1));
        });
        System.out.println("e2e " + name + " " + r);
        return r;
    }

    /** Whole lines in {@code log} so far (the child may be writing one). */
    private static int lineCount(Path log) throws IOException {
        int n = 0;
        for (byte b : Files.readAllBytes(log)) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    /** A "Name:   123 kB" line of /proc/PID/status, in kB. */
    private static long statusKb(String status, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + field + ":\\s+(\\d+) kB")
                .matcher(status);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in /proc/PID/status");
        }
        return Long.parseLong(m.group(1));
    }

    /** utime + stime of a process, in clock ticks, from /proc/PID/stat. */
    /**
     * CPU ticks of each thread alive now, summed by thread name (the kernel's, at most 15 characters; pool threads
     * of one name together). Where a row's CPU goes: the FX thread, the renderer, the feed's read thread, the JIT.
     */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (IOException | RuntimeException e) {
                // The thread ended between the listing and the read: its time is in the process's total.
            }
        }
        return ticks;
    }

    /** The threads that used at least 0.1 % of a core in the window, busiest first, in % of one core. */
    private static JsonObject byThread(Map<String, Long> before, Map<String, Long> after, double seconds) {
        double perTick = 100.0 / clockTicksPerSecond() / seconds;
        JsonObject out = new JsonObject();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) * perTick))
                .filter(e -> e.getValue() >= 0.1)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.addProperty(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return out;
    }

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
