package com.klinelive.bench.report;

import static com.klinelive.bench.report.Figures.get;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.klinelive.bench.decode.DecodeBench;
import com.klinelive.bench.ingest.IngestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** Draws the report's plots with JavaFX charts and writes them as PNG into {@code docs/bench/}. */
public final class PlotApp extends Application {

    static final Path OUT = Path.of("docs", "bench");

    private final Figures f = new Figures();
    private Stage stage;

    @Override
    public void start(Stage primary) throws IOException {
        stage = primary;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 900, 480));
        stage.show();
        Files.createDirectories(OUT);
        if (f.decode != null) {
            decode();
        }
        if (f.aggregate != null) {
            aggregate();
        }
        if (f.render != null) {
            render();
        }
        if (f.transport != null) {
            transport();
        }
        if (f.ingest != null) {
            ingest();
        }
        if (f.e2e != null) {
            e2e();
        }
        Platform.exit();
    }

    private void decode() throws IOException {
        BarChart<String, Number> chart = bars("Decode: CPU ns per tick (lower is better)", "ns per tick");
        for (String[] m :
                new String[][] {{"ours", "ours"}, {"gsonPojo", "Gson data binding"}, {"gsonTree", "Gson tree model"}}) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m[1]);
            for (String message : new String[] {"native-tick", "native-batch", "binance-trade"}) {
                JsonObject b = Figures.jmh(f.decode, "DecodeBench", m[0], message);
                int n = message.equals("native-batch") ? DecodeBench.BATCH : 1;
                if (b != null) {
                    s.getData().add(new XYChart.Data<>(message, get(b, "cpuMedian") / n));
                }
            }
            chart.getData().add(s);
        }
        save(chart, "decode.png");
    }

    private void aggregate() throws IOException {
        BarChart<String, Number> chart =
                bars("Candles from 10M trades: CPU ns per tick (lower is better)", "ns per tick");
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("CPU ns per tick");
        for (String[] m : new String[][] {
            {"oursOneTimeframe", "ours, 1 timeframe"},
            {"oursAllTimeframes", "ours, 10 timeframes"},
            {"ta4jDoubleNum", "ta4j DoubleNum"},
            {"ta4jDefaultNum", "ta4j DecimalNum (default)"}
        }) {
            JsonObject b = Figures.jmh(f.aggregate, "AggregateBench", m[0], null);
            if (b != null) {
                s.getData().add(new XYChart.Data<>(m[1], get(b, "cpuMedian")));
            }
        }
        chart.getData().add(s);
        chart.setLegendVisible(false);
        save(chart, "aggregate.png");
    }

    private void render() throws IOException {
        BarChart<String, Number> chart = bars(
                "1920x1080, software pipeline: CPU per frame, ms (lower is better)",
                "ms per frame (FX + render thread)");
        for (String who : new String[] {"ours", "peer"}) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(who.equals("ours") ? "CandleChart" : "node-per-candle XYChart");
            for (int visible : new int[] {200, 1_000, 5_000, 20_000}) {
                JsonObject c = f.renderCase(who, visible, who.equals("ours") ? 100_000 : visible);
                if (c != null) {
                    s.getData().add(new XYChart.Data<>(visible + " visible", Figures.cpuPerFrame(c)));
                }
            }
            chart.getData().add(s);
        }
        XYChart.Series<String, Number> history = new XYChart.Series<>();
        history.setName("CandleChart, 5k visible, by history");
        for (int h : new int[] {10_000, 100_000, 1_000_000}) {
            JsonObject c = f.renderCase("ours", 5_000, h);
            if (c != null) {
                history.getData()
                        .add(new XYChart.Data<>(
                                (h >= 1_000_000 ? h / 1_000_000 + "M" : h / 1_000 + "k") + " history",
                                Figures.cpuPerFrame(c)));
            }
        }
        chart.getData().add(history);
        save(chart, "render.png");
    }

    private void transport() throws IOException {
        BarChart<String, Number> chart =
                bars("Loopback delivery latency p99, ms (short polling: ~1,000 ms, off scale)", "ms");
        for (String t : new String[] {"websocket", "long-polling"}) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(t);
            for (int rate : new int[] {10, 100, 1_000, 10_000}) {
                s.getData()
                        .add(new XYChart.Data<>(rate + " ticks/s", get(f.transportRow(t, rate), "latencyMs", "p99")));
            }
            chart.getData().add(s);
        }
        XYChart.Series<String, Number> rtt = new XYChart.Series<>();
        rtt.setName("raw TCP round trip");
        for (int rate : new int[] {10, 100, 1_000, 10_000}) {
            rtt.getData().add(new XYChart.Data<>(rate + " ticks/s", f.tcpRoundTripP99()));
        }
        chart.getData().add(rtt);
        save(chart, "transport.png");
    }

    private void ingest() throws IOException {
        NumberAxis x = new NumberAxis();
        x.setLabel("ticks/s asked (thousands)");
        // Fixed at twice the limit: a step far beyond it failed, however far.
        NumberAxis y = new NumberAxis(0, 2 * IngestApp.MAX_P99_MS, 20);
        y.setLabel("delivery p99, ms");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle("Ingest with the chart live: delivery p99 as the rate climbs (limit 100 ms)");
        for (String who : new String[] {"ours", "peer"}) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(who.equals("ours") ? "ours" : "Gson + runLater per tick");
            for (JsonElement e : Figures.array(f.ingest, who)) {
                JsonObject step = e.getAsJsonObject();
                double p99 = Math.min(2 * IngestApp.MAX_P99_MS, get(step, "latencyMs", "p99"));
                s.getData().add(new XYChart.Data<>(step.get("rate").getAsDouble() / 1000, p99));
            }
            chart.getData().add(s);
        }
        save(chart, "ingest.png");
    }

    private void e2e() throws IOException {
        BarChart<String, Number> chart = bars("1,000 ticks/s end to end (lower is better)", "ms, or % of a core");
        for (String who : new String[] {"ours", "peer"}) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(who.equals("ours") ? "KLine Live viewer" : "naive viewer");
            JsonObject v = f.e2e.getAsJsonObject(who);
            s.getData().add(new XYChart.Data<>("tick-to-pixel p50, ms", get(v, "tick_to_pixel_ms_p50")));
            s.getData().add(new XYChart.Data<>("tick-to-pixel p99, ms", get(v, "tick_to_pixel_ms_p99")));
            s.getData().add(new XYChart.Data<>("CPU, % of a core", get(v, "cpuPercentOfOneCore")));
            chart.getData().add(s);
        }
        save(chart, "e2e.png");
    }

    private static BarChart<String, Number> bars(String title, String yLabel) {
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        chart.setTitle(title);
        chart.setAnimated(false);
        return chart;
    }

    private void save(XYChart<?, ?> chart, String name) throws IOException {
        chart.setAnimated(false);
        stage.getScene().setRoot(chart);
        chart.applyCss();
        chart.layout();
        WritableImage image = chart.snapshot(null, null);
        ImageIO.write(
                SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve(name).toFile());
    }

    /** Starts {@link PlotApp} from the class path. */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            Application.launch(PlotApp.class, args);
        }
    }

    static List<String> files() {
        return List.of("decode.png", "aggregate.png", "render.png", "transport.png", "ingest.png", "e2e.png");
    }
}
