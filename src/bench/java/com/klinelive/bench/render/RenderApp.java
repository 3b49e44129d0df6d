package com.klinelive.bench.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.bench.common.Samples;
import com.klinelive.candle.CandleBook;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.ChartStyles;
import com.klinelive.chart.FrameStats;
import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Figure 3: a 1920x1080 stage showing one chart at a time, a live trade applied to the newest candle on every
 * pulse, pulses at full speed. Each case warms up, then records its frames with a {@link FrameClock}. Writes
 * {@code render.json}.
 */
public final class RenderApp extends Application {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;

    private final Deque<RenderCase> cases = new ArrayDeque<>();
    private final JsonArray results = new JsonArray();
    private final JsonObject memory = new JsonObject();
    private final SplittableRandom random = new SplittableRandom(3);
    private double warmSeconds;
    private double measureSeconds;
    private Scene scene;
    private FrameClock clock;

    private RenderCase current;
    private CandleChart ours;
    private CandleBook book;
    private NodeCandleChart peer;
    /** The pipeline's floor: a full-window canvas filled with one colour each frame, nothing else. */
    private Canvas floor;

    private List<Candle> candles;
    private Candle live;
    private long seq;
    private int phase;
    private int frames;
    private long phaseStart;

    @Override
    public void start(Stage stage) {
        boolean quick = getParameters().getRaw().contains("--quick");
        warmSeconds = quick ? 0.5 : 1.0;
        measureSeconds = quick ? 1.0 : 3.0;
        for (String a : getParameters().getRaw()) {
            // chart:visible:history picks cases by hand, for investigating one of them.
            String[] parts = a.split(":");
            if (parts.length == 3) {
                cases.add(new RenderCase(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
            }
        }
        if (cases.isEmpty()) {
            cases.add(new RenderCase("floor", 0, 0));
            for (int visible : new int[] {200, 1_000, 5_000, 20_000}) {
                cases.add(new RenderCase("peer", visible, visible));
                cases.add(new RenderCase("ours", visible, 100_000));
            }
            // Alternated and repeated: the machine's load drifts, and the flatness figure compares these cases.
            for (int history : new int[] {10_000, 1_000_000, 100_000, 10_000, 1_000_000}) {
                cases.add(new RenderCase("ours", 5_000, history));
            }
            // The chart as an analyst sets it up, beside the plain one, alternated the same way.
            for (int history : new int[] {100_000, 10_000, 1_000_000, 100_000, 10_000, 1_000_000}) {
                cases.add(new RenderCase("analysis", 5_000, history));
                if (history == 100_000) {
                    cases.add(new RenderCase("ours", 5_000, history));
                }
            }
            // What a new candle costs the analysis chart: every pane's history repainted, a few times a case.
            cases.add(new RenderCase("analysisNewCandles", 5_000, 100_000));
        }
        measureMemory();
        scene = new Scene(new Pane(), WIDTH, HEIGHT);
        scene.getStylesheets()
                .add("data:text/css;base64,"
                        + Base64.getEncoder().encodeToString(NodeCandleChart.STYLESHEET.getBytes()));
        clock = new FrameClock(scene);
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setX(0);
        stage.setY(0);
        stage.setScene(scene);
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                step(System.nanoTime());
            }
        }.start();
    }

    private void step(long now) {
        clock.pulse(now);
        if (current == null) {
            if (cases.isEmpty()) {
                finish();
                return;
            }
            begin(cases.poll(), now);
            return;
        }
        frames++;
        liveTrade(now);
        double elapsed = (now - phaseStart) / 1e9;
        if (phase == 0 && frames == 3 && current.ours()) {
            fitVisible();
        } else if (phase == 0 && elapsed >= warmSeconds && frames >= 20) {
            phase = 1;
            frames = 0;
            phaseStart = now;
            if (current.ours()) {
                ours.frameStats().reset();
            }
            clock.start(ours);
        } else if (phase == 1 && frames >= 20 && (elapsed >= measureSeconds || frames >= 600 || elapsed >= 8)) {
            clock.stop();
            record();
            current = null;
        }
    }

    private void begin(RenderCase c, long now) {
        current = c;
        phase = 0;
        frames = 0;
        ours = null;
        peer = null;
        floor = null;
        book = null;
        scene.setRoot(new Pane());
        candles = SyntheticCandles.make(Math.max(1, c.ours() ? c.history() : c.visible()), 17);
        live = candles.get(candles.size() - 1);
        Parent root;
        if (c.chart().equals("floor")) {
            floor = new Canvas(WIDTH, HEIGHT);
            root = new Pane(floor);
        } else if (c.ours()) {
            book = SyntheticCandles.book(candles);
            ours = new CandleChart(book, Timeframe.M1);
            if (c.analysis()) {
                ours.getStudies().setAll(StudyText.parseList(RenderCase.ANALYSIS));
                ours.getDrawings().setAll(drawings(candles, RenderCase.DRAWINGS));
            }
            root = ours;
        } else {
            peer = new NodeCandleChart();
            peer.addAll(SyntheticCandles.ohlc(candles));
            root = peer;
        }
        // The candles as values are the input, not what either chart keeps.
        candles = null;
        scene.setRoot(root);
        phaseStart = System.nanoTime();
    }

    /**
     * Heap growth, after full collections, of what each chart keeps for its candles: our book of a million
     * one-minute candles, and the peer's chart of 20,000 candles with CSS applied and laid out (in a scene of its
     * own, before any stage exists, so that nothing else is on the heap meanwhile).
     */
    private void measureMemory() {
        List<Candle> input = SyntheticCandles.make(1_000_000, 17);
        long before = usedHeap();
        CandleBook held = SyntheticCandles.book(input);
        long after = usedHeap();
        memory.addProperty("oursBytesPerCandle", (after - before) / 1e6);
        java.lang.ref.Reference.reachabilityFence(held);
        List<NodeCandleChart.Ohlc> values = SyntheticCandles.ohlc(input.subList(0, 20_000));
        input = null;
        before = usedHeap();
        NodeCandleChart chart = new NodeCandleChart();
        chart.addAll(values);
        Scene offscreen = new Scene(chart, WIDTH, HEIGHT);
        chart.applyCss();
        chart.layout();
        after = usedHeap();
        memory.addProperty("peerBytesPerCandle", (after - before) / 20_000.0);
        java.lang.ref.Reference.reachabilityFence(offscreen);
    }

    /** {@code count} drawings over the newest 5,000 candles, every tool in turn, spread over time and price. */
    private static List<Drawing> drawings(List<Candle> candles, int count) {
        List<Drawing> out = new java.util.ArrayList<>();
        int n = candles.size();
        for (int k = 0; k < count; k++) {
            DrawingTool tool = DrawingTools.ALL.get(k % DrawingTools.ALL.size());
            Candle a = candles.get(Math.max(0, n - 5_000 + 200 * k));
            Candle b = candles.get(Math.max(0, n - 5_000 + 200 * k + 150));
            List<Anchor> anchors = tool.anchors() == 1
                    ? List.of(new Anchor(a.time(), a.high()))
                    : List.of(new Anchor(a.time(), a.low()), new Anchor(b.time(), b.high()));
            out.add(new Drawing(tool, anchors, tool.hasText() ? "note " + k : ""));
        }
        return out;
    }

    /** Zooms our chart so that exactly the case's number of candles fills the plot, newest at the right edge. */
    private void fitVisible() {
        Node plot = ours.lookup("." + ChartStyles.PLOT);
        double plotWidth = ((Canvas) plot).getWidth();
        ours.setFollowLive(true);
        ours.setBarSpacing(plotWidth / current.visible());
        ours.setRightOffset(0);
    }

    /**
     * One trade into the newest candle, as a feed delivers them; in the new-candles case every {@link
     * RenderCase#NEW_CANDLE_PULSES} pulses the trade opens the next minute's candle instead.
     */
    private void liveTrade(long now) {
        double price = live.close() * (1 + (random.nextDouble() - 0.5) * 0.0004);
        if (ours != null && current.newCandles() && frames % RenderCase.NEW_CANDLE_PULSES == 0) {
            live = new Candle(live.time() + 60_000, price, price, price, price, 0.1, 1);
            book.apply(++seq, live.time(), price, 0.1);
            ours.markDirty(now);
            return;
        }
        live = new Candle(
                live.time(),
                live.open(),
                Math.max(live.high(), price),
                Math.min(live.low(), price),
                price,
                live.volume() + 0.1,
                live.trades() + 1);
        if (ours != null) {
            book.apply(++seq, live.time() + 30_000, price, 0.1);
            ours.markDirty(now);
        } else if (floor != null) {
            floor.getGraphicsContext2D().setFill(javafx.scene.paint.Color.gray(random.nextDouble() * 0.2));
            floor.getGraphicsContext2D().fillRect(0, 0, WIDTH, HEIGHT);
        } else if (peer != null) {
            peer.updateLast(new NodeCandleChart.Ohlc(live.open(), live.high(), live.low(), live.close()));
        }
    }

    private void record() {
        JsonObject r = new JsonObject();
        r.addProperty("chart", current.chart());
        r.addProperty("visible", current.visible());
        r.addProperty("history", current.history());
        r.addProperty("visibleOnScreen", ours != null ? ours.getVisibleRange().size() : peer != null ? peer.size() : 0);
        r.addProperty("framesPainted", clock.framesRendered());
        r.addProperty("pulses", clock.pulseIntervals().size() + 1);
        r.add("frameMs", summary(clock.renderIntervals()));
        r.add("pulseMs", summary(clock.pulseIntervals()));
        r.add("fxWorkMs", summary(clock.fxWork()));
        r.add("fxCpuMs", summary(clock.fxCpu()));
        r.add("renderCpuMs", summary(clock.renderCpu()));
        r.add("slowestPulses", clock.pulseLog().toJson());
        for (PulseLog.Pulse p : clock.pulseLog().slowest()) {
            System.out.println("render slowest " + current + " " + p.describe());
        }
        if (ours != null) {
            FrameStats.Snapshot s = ours.frameStats().snapshot();
            JsonObject draw = new JsonObject();
            draw.addProperty("p50", s.frameMillisP50());
            draw.addProperty("p99", s.frameMillisP99());
            draw.addProperty("n", s.frames());
            r.add("chartDrawMs", draw);
        }
        System.out.println("render " + r);
        results.add(r);
    }

    private static JsonObject summary(Samples samples) {
        return Results.gson().toJsonTree(samples.summary(1e6)).getAsJsonObject();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void finish() {
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.addProperty(
                "pipeline",
                com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
        out.addProperty("javafx", System.getProperty("javafx.runtime.version"));
        out.add("cases", results);
        out.add("memory", memory);
        Results.write("render", out);
        Platform.exit();
    }
}
