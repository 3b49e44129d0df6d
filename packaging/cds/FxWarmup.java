import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * Start-up training for the runtime's class-data-sharing archive: shows a window made of the kinds of nodes the
 * viewer uses, draws candles on a canvas for a few frames and exits. record-classlist.sh runs it and keeps the
 * JDK and JavaFX classes it loaded.
 */
public final class FxWarmup {

    private static final int FRAMES = 10;

    private FxWarmup() {
    }

    public static void main(String[] args) {
        Platform.startup(FxWarmup::show);
    }

    private static void show() {
        Canvas canvas = new Canvas(960, 540);
        Button goLive = new Button("Go live");
        goLive.setTooltip(new Tooltip("Follow the newest candle"));
        ToolBar bar = new ToolBar(new TextField("http://127.0.0.1:8080"),
                new ComboBox<>(FXCollections.observableArrayList("1s", "1m", "1h")),
                new ToggleButton("Volume"), goLive, new Label("websocket"));
        Stage stage = new Stage();
        stage.setTitle("KLine Live warm-up");
        stage.setScene(new Scene(new BorderPane(canvas, bar, null, new Label("connected"), null)));
        stage.show();
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                draw(canvas.getGraphicsContext2D(), frame);
                if (++frame == FRAMES) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }

    private static void draw(GraphicsContext g, int frame) {
        g.setFill(Color.web("#131722"));
        g.fillRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < 100; i++) {
            double x = 8 + i * 9;
            double open = 270 + 60 * Math.sin((i + frame) / 7.0);
            double close = open + 20 * Math.cos(i * 1.3);
            g.setStroke(close >= open ? Color.web("#2EBD85") : Color.web("#F6465D"));
            g.strokeLine(x + 3.5, Math.min(open, close) - 10, x + 3.5, Math.max(open, close) + 10);
            g.setFill(g.getStroke());
            g.fillRect(x, Math.min(open, close), 7, Math.abs(close - open) + 1);
        }
        g.setFill(Color.WHITE);
        g.fillText("BTCUSDT 43,009.04", 12, 16);
    }
}
