package com.klinelive.bench.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.klinelive.bench.common.Samples;
import com.klinelive.bench.ingest.NaiveFeed;
import com.klinelive.bench.render.NodeCandleChart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The end-to-end peer: the viewer a JavaFX developer would write first, in the viewer's default window size.
 * The last 200 one-minute candles from {@code /history} in a node-per-candle chart, live ticks by WebSocket,
 * Gson, and a {@code Platform.runLater} per tick. Tick-to-pixel runs from a message's receipt to the end of
 * the layout pass of the pulse that shows it. Prints a stats line like the viewer's {@code --stats} and exits.
 * Arguments: base URL, seconds to run.
 */
public final class NaiveViewerApp extends Application {

    private static final double SKIP_SECONDS = 5;

    private final Samples tickToPixel = new Samples();
    private long pendingSince;
    private long pulses;
    private long firstPulse;
    private long lastPulse;
    private long startNanos;
    private double open = Double.NaN;
    private double high;
    private double low;

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        URI base = URI.create(args.get(0));
        double seconds = Double.parseDouble(args.get(1));
        NodeCandleChart chart = new NodeCandleChart();
        chart.addAll(history(base));
        Scene scene = new Scene(chart, 1280, 800);
        scene.getStylesheets()
                .add("data:text/css;base64,"
                        + java.util.Base64.getEncoder().encodeToString(NodeCandleChart.STYLESHEET.getBytes()));
        scene.addPostLayoutPulseListener(() -> {
            if (pendingSince != 0) {
                if ((System.nanoTime() - startNanos) / 1e9 > SKIP_SECONDS) {
                    tickToPixel.add(System.nanoTime() - pendingSince);
                }
                pendingSince = 0;
            }
        });
        stage.setScene(scene);
        stage.show();
        startNanos = System.nanoTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if ((now - startNanos) / 1e9 > SKIP_SECONDS) {
                    firstPulse = firstPulse == 0 ? now : firstPulse;
                    lastPulse = now;
                    pulses++;
                }
            }
        }.start();
        NaiveFeed feed = new NaiveFeed(URI.create("ws://" + base.getAuthority() + "/ws"), (seq, price, received) -> {
            if (Double.isNaN(open)) {
                open = price;
                high = price;
                low = price;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            chart.updateLast(new NodeCandleChart.Ohlc(open, high, low, price));
            if (pendingSince == 0) {
                pendingSince = received;
            }
        });
        feed.connect();
        PauseTransition stop = new PauseTransition(Duration.seconds(seconds));
        stop.setOnFinished(e -> {
            Samples.Summary s = tickToPixel.summary(1e6);
            double fps = pulses > 1 ? (pulses - 1) * 1e9 / (lastPulse - firstPulse) : 0;
            System.out.println(String.format(
                    Locale.ROOT,
                    "stats fps=%.1f tick_to_pixel_ms_p50=%.2f " + "tick_to_pixel_ms_p99=%.2f",
                    fps,
                    s.p50(),
                    s.p99()));
            feed.close();
            Platform.exit();
        });
        stop.play();
    }

    private static List<NodeCandleChart.Ohlc> history(URI base) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/history?symbol=BTCUSDT&interval=1m&limit=200"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(get, HttpResponse.BodyHandlers.ofString())
                .body();
        JsonObject o = JsonParser.parseString(body).getAsJsonObject();
        List<NodeCandleChart.Ohlc> out = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("candles")) {
            JsonObject c = e.getAsJsonObject();
            out.add(new NodeCandleChart.Ohlc(
                    c.get("open").getAsDouble(),
                    c.get("high").getAsDouble(),
                    c.get("low").getAsDouble(),
                    c.get("close").getAsDouble()));
        }
        return out;
    }
}
