package com.klinelive.bench.e2e;

import com.klinelive.fx.FxTimer;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

/**
 * The floor of the end-to-end CPU figure: what any JavaFX window of the viewer rows' size (1920x1080) costs on
 * this pipeline when something small changes at every pulse, as a live price does at 1,000 ticks/s. One label's text
 * and one small rectangle change per pulse, no feed, no chart. With {@code idle}, nothing changes: what the
 * window costs JavaFX by itself (on GTK its pulse timer ticks 60 times a second even then). With {@code second},
 * the label alone changes once a second (as a quiet chart's countdown does, from the same kind of timer): the
 * least an idle viewer can cost. With {@code nodes}, the label changes every pulse among {@link #VIEWER_NODES}
 * static labels, as many nodes as the viewer's window holds (menus, tool bars, watchlist, axes): JavaFX walks every
 * node's bounds at every pulse that changes anything, so a window's cost a pulse grows with its node count.
 * Prints a stats line and exits. Arguments: seconds to run, then {@code idle}, {@code second}, {@code nodes} or
 * nothing. Started through {@link Floor}.
 */
public final class FloorApp extends Application {

    /**
     * Nodes in the viewer's window with one chart: 466 by a walk of its scene graph, an average one being a
     * control's skin part or a text; labels stand in for them here (two nodes each: the label and its text).
     */
    static final int VIEWER_NODES = 466;

    @Override
    public void start(Stage stage) {
        double seconds = Double.parseDouble(getParameters().getRaw().get(0));
        boolean idle = getParameters().getRaw().contains("idle");
        boolean second = getParameters().getRaw().contains("second");
        Label price = new Label();
        price.relocate(1180, 380);
        Rectangle candle = new Rectangle(1150, 300, 8, 100);
        Pane root = new Pane(candle, price);
        if (getParameters().getRaw().contains("nodes")) {
            // Left of the label and the rectangle, so that their dirty region stays theirs.
            FlowPane others = new FlowPane(4, 4);
            others.setPrefWrapLength(1000);
            for (int i = 0; i < VIEWER_NODES / 2; i++) {
                Label other = new Label("label " + i);
                other.setStyle("-fx-text-fill: #8b949e;");
                others.getChildren().add(other);
            }
            root.getChildren().add(0, others);
        }
        root.setStyle("-fx-background-color: #0d1117; -fx-text-fill: white;");
        stage.setScene(new Scene(root, EndToEndBench.WIDTH, EndToEndBench.HEIGHT));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        long[] pulses = new long[1];
        long start = System.nanoTime();
        if (second) {
            FxTimer.every(java.time.Duration.ofSeconds(1), () -> {
                pulses[0]++;
                price.setText(String.format(Locale.ROOT, "00:%02d", 59 - pulses[0] % 60));
            });
        } else if (!idle) {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses[0]++;
                    price.setText(String.format(Locale.ROOT, "%.2f", 40_000 + (now / 1_000_000 % 1_000) / 100.0));
                    candle.setHeight(80 + pulses[0] % 40);
                }
            }.start();
        }
        // Not a PauseTransition: a running animation would keep the idle window pulsing.
        FxTimer.after(java.time.Duration.ofMillis((long) (seconds * 1000)), () -> {
            double fps = pulses[0] / ((System.nanoTime() - start) / 1e9);
            System.out.println(String.format(Locale.ROOT, "stats fps=%.1f", fps));
            Platform.exit();
        });
    }

    /** Starts {@link FloorApp} from the class path. */
    public static final class Floor {

        private Floor() {}

        public static void main(String[] args) {
            Application.launch(FloorApp.class, args);
        }
    }
}
