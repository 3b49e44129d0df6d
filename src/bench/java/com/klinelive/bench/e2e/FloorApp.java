package com.klinelive.bench.e2e;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The floor of the end-to-end CPU figure: what any JavaFX window of the viewer's default size costs on this
 * pipeline when something small changes at every pulse, as a live price does at 1,000 ticks/s. One label's text
 * and one small rectangle change per pulse, no feed, no chart. Prints a stats line and exits.
 * Arguments: seconds to run. Started through {@link Floor}.
 */
public final class FloorApp extends Application {

    @Override
    public void start(Stage stage) {
        double seconds = Double.parseDouble(getParameters().getRaw().get(0));
        Label price = new Label();
        price.relocate(1180, 380);
        Rectangle candle = new Rectangle(1150, 300, 8, 100);
        Pane root = new Pane(candle, price);
        root.setStyle("-fx-background-color: #0d1117; -fx-text-fill: white;");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
        long[] pulses = new long[1];
        long start = System.nanoTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses[0]++;
                price.setText(String.format(Locale.ROOT, "%.2f", 40_000 + (now / 1_000_000 % 1_000) / 100.0));
                candle.setHeight(80 + pulses[0] % 40);
            }
        }.start();
        PauseTransition stop = new PauseTransition(Duration.seconds(seconds));
        stop.setOnFinished(e -> {
            double fps = pulses[0] / ((System.nanoTime() - start) / 1e9);
            System.out.println(String.format(Locale.ROOT, "stats fps=%.1f", fps));
            Platform.exit();
        });
        stop.play();
    }

    /** Starts {@link FloorApp} from the class path. */
    public static final class Floor {

        private Floor() {}

        public static void main(String[] args) {
            Application.launch(FloorApp.class, args);
        }
    }
}
