package com.klinelive.chart;

import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

/**
 * Opens the chart in a real window over a synthetic live book, to look at it (run under Xvfb for a screenshot).
 * Arguments: {@code light} for the light theme, {@code overlays} for SMA/EMA/Bollinger, {@code studies=rsi,macd}
 * for any studies (replacing volume), {@code type=ohlc} for a chart type, {@code drawings} for one drawing of each
 * tool, {@code crosshair} to
 * place the crosshair, {@code back} to scroll back, {@code far} to zoom far out, {@code 5m} (any timeframe
 * label) to pick the timeframe, {@code zone=America/New_York} for a time zone, {@code lang=zh} for a language; for a
 * rough performance look, {@code history=N} (N one-second candles),
 * {@code visible=N} (candles on screen), {@code width=}, {@code height=} and {@code tickms=} (feed period).
 */
public final class ChartPreview {

    private ChartPreview() {}

    /** Not an Application itself: the java launcher refuses an Application main class on the class path. */
    public static void main(String[] args) {
        Application.launch(PreviewApp.class, args);
    }

    /** The preview window. */
    public static final class PreviewApp extends Application {

        private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "preview-feed");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            long now = System.currentTimeMillis();
            int history = intArg(args, "history=", 0);
            SyntheticBook market = new SyntheticBook("BTCUSDT", 43_250, 42);
            if (history > 0) {
                market.walk(now - history * 1_000L, now, 1_000);
            } else {
                market.walk(now - 4 * 86_400_000L, now, 4_000);
            }
            CandleChart chart = new CandleChart(market.book(), history > 0 ? Timeframe.S1 : Timeframe.M1);
            for (String arg : args) {
                Timeframe.fromLabel(arg).ifPresent(chart::setTimeframe);
            }
            if (args.contains("light")) {
                chart.getStyleClass().add(ChartStyles.LIGHT);
            }
            if (args.contains("overlays")) {
                chart.getStudies().addAll(StudyText.parseList("sma:20,ema:50,bollinger"));
            }
            args.stream()
                    .filter(a -> a.startsWith("studies="))
                    .findFirst()
                    .ifPresent(a -> chart.getStudies().setAll(StudyText.parseList(a.substring(8))));
            if (args.contains("drawings")) {
                chart.getDrawings().setAll(sampleDrawings(market, now));
            }
            args.stream()
                    .filter(a -> a.startsWith("type="))
                    .findFirst()
                    .ifPresent(a -> chart.setChartType(ChartTypes.byId(a.substring(5))));
            args.stream()
                    .filter(a -> a.startsWith("zone="))
                    .findFirst()
                    .ifPresent(a -> chart.setZone(java.time.ZoneId.of(a.substring(5))));
            args.stream()
                    .filter(a -> a.startsWith("lang="))
                    .findFirst()
                    .ifPresent(a -> chart.setLocale(java.util.Locale.forLanguageTag(a.substring(5))));
            if (args.contains("far")) {
                chart.setBarSpacing(0.3);
            }
            int width = intArg(args, "width=", 1280);
            Scene scene = new Scene(chart, width, intArg(args, "height=", 760));
            int visible = intArg(args, "visible=", 0);
            if (visible > 0) {
                chart.setBarSpacing((width - 70.0) / visible);
            }
            stage.setTitle("KLine Live chart preview");
            stage.setScene(scene);
            stage.show();
            int period = intArg(args, "tickms=", 50);
            feed.scheduleAtFixedRate(
                    () -> {
                        market.tick(System.currentTimeMillis(), period / 4_000.0);
                        chart.markDirty(System.nanoTime());
                    },
                    period,
                    period,
                    TimeUnit.MILLISECONDS);
            if (args.contains("back")) {
                Platform.runLater(() -> chart.setRightOffset(-120));
                Platform.runLater(() -> chart.setFollowLive(false));
            }
            if (args.contains("crosshair")) {
                feed.schedule(() -> Platform.runLater(() -> pointAt(chart, 0.62, 0.45)), 1, TimeUnit.SECONDS);
            }
            feed.scheduleAtFixedRate(
                    () -> {
                        FrameStats.Snapshot stats = chart.frameStats().snapshot();
                        System.out.printf(
                                "stats %s frame_ms_p50=%.2f frames=%d%n",
                                stats, stats.frameMillisP50(), stats.frames());
                        chart.frameStats().reset();
                    },
                    2,
                    2,
                    TimeUnit.SECONDS);
        }

        @Override
        public void stop() {
            feed.shutdownNow();
        }
    }

    /** One drawing of each tool over the last few hours of the book. */
    private static List<Drawing> sampleDrawings(SyntheticBook market, long now) {
        double[] range = market.book().read(Timeframe.M1, c -> {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = c.size() - 150; i < c.size(); i++) {
                lo = Math.min(lo, c.low(i));
                hi = Math.max(hi, c.high(i));
            }
            return new double[] {lo, hi};
        });
        double lo = range[0];
        double hi = range[1];
        double span = hi - lo;
        long minute = 60_000;
        java.util.function.Function<String, DrawingTool> tool =
                id -> DrawingTools.byId(id).orElseThrow();
        return List.of(
                new Drawing(tool.apply("horizontal"), List.of(new Anchor(now - 60 * minute, hi - span * 0.1))),
                new Drawing(
                        tool.apply("trend"),
                        List.of(
                                new Anchor(now - 140 * minute, lo + span * 0.2),
                                new Anchor(now - 40 * minute, lo + span * 0.6))),
                new Drawing(
                        tool.apply("ray"),
                        List.of(
                                new Anchor(now - 120 * minute, hi - span * 0.05),
                                new Anchor(now - 90 * minute, hi - span * 0.2))),
                new Drawing(
                        tool.apply("rectangle"),
                        List.of(
                                new Anchor(now - 100 * minute, lo + span * 0.3),
                                new Anchor(now - 70 * minute, lo + span * 0.05))),
                new Drawing(
                        tool.apply("fib"),
                        List.of(new Anchor(now - 60 * minute, lo), new Anchor(now - 20 * minute, hi))),
                new Drawing(
                        tool.apply("note"), List.of(new Anchor(now - 130 * minute, hi - span * 0.3)), "range high"));
    }

    private static int intArg(List<String> args, String prefix, int fallback) {
        return args.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst()
                .orElse(fallback);
    }

    /** Moves a synthetic pointer over the panes, at fractions of their size. */
    private static void pointAt(CandleChart chart, double fx, double fy) {
        Node surface = chart.lookup("." + ChartStyles.CROSSHAIR);
        double x = surface.getBoundsInLocal().getWidth() * fx;
        double y = surface.getBoundsInLocal().getHeight() * fy;
        Event.fireEvent(
                surface,
                new MouseEvent(
                        MouseEvent.MOUSE_MOVED,
                        x,
                        y,
                        0,
                        0,
                        MouseButton.NONE,
                        0,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        null));
    }
}
