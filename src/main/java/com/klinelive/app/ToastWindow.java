package com.klinelive.app;

import com.klinelive.fx.FxTimer;
import java.time.Duration;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Our own desktop notification: a small undecorated window, always on top and owned by no other window (so it
 * shows while the main window is minimised), in the bottom-right corner of the primary screen. The newest few
 * notifications stack in it; it hides itself after a while, or at a click. FX thread only.
 */
final class ToastWindow {

    static final int MAX_SHOWN = 4;
    private static final Duration SHOWN_FOR = Duration.ofSeconds(8);

    private final VBox messages = new VBox(6);
    /** Not a PauseTransition: a running animation keeps JavaFX pulsing 60 times a second. */
    private FxTimer.Scheduled hide;

    private Stage stage;

    ToastWindow() {
        messages.getStyleClass().add("toast");
        messages.setOnMouseClicked(e -> close());
    }

    /** Adds a notification and shows the window. */
    void show(String title, String text) {
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
        Label body = new Label(text);
        body.getStyleClass().add("toast-text");
        body.setWrapText(true);
        VBox entry = new VBox(2, heading, body);
        messages.getChildren().add(entry);
        if (messages.getChildren().size() > MAX_SHOWN) {
            messages.getChildren().remove(0);
        }
        if (stage == null) {
            stage = new Stage(StageStyle.UNDECORATED);
            stage.setAlwaysOnTop(true);
            stage.setTitle("KLine Live alert");
            Scene scene = new Scene(messages);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
        }
        messages.setPrefWidth(340);
        stage.sizeToScene();
        if (!stage.isShowing()) {
            stage.show();
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMaxX() - stage.getWidth() - 16);
        stage.setY(screen.getMaxY() - stage.getHeight() - 16);
        if (hide != null) {
            hide.cancel();
        }
        hide = FxTimer.after(SHOWN_FOR, this::close);
    }

    /** Whether it is on screen. */
    boolean showing() {
        return stage != null && stage.isShowing();
    }

    /** The texts shown, newest last, as "title: text". */
    java.util.List<String> texts() {
        return messages.getChildren().stream()
                .map(n -> ((VBox) n).getChildren())
                .map(c -> ((Label) c.get(0)).getText() + ": " + ((Label) c.get(1)).getText())
                .toList();
    }

    void close() {
        if (hide != null) {
            hide.cancel();
        }
        messages.getChildren().clear();
        if (stage != null) {
            stage.hide();
        }
    }
}
