package com.klinelive.app;

import com.klinelive.recording.RecordingPlayer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The controls of a recording opened in the active chart: play/pause, speed 1x to 100x, step one candle, and a time
 * scrubber. Shown only while the active chart plays a recording; follows the player a few times a second.
 */
final class PlayerBar extends HBox {

    private final Button play = new Button();
    private final ComboBox<Integer> speed = new ComboBox<>();
    private final Button step = new Button();
    private final Slider scrubber = new Slider();
    private final Label position = new Label();
    private final I18n i18n;
    private final Supplier<ZoneId> zone;
    private ChartViewModel chart;
    private boolean quiet;

    PlayerBar(I18n i18n, Supplier<ZoneId> zone) {
        this.i18n = i18n;
        this.zone = zone;
        getStyleClass().add("player-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        play.setId("player-play");
        play.setOnAction(e -> {
            RecordingPlayer p = player();
            if (p != null) {
                if (p.state() == RecordingPlayer.State.PLAYING) {
                    p.pause();
                } else {
                    p.play();
                }
                refresh();
            }
        });
        speed.setId("player-speed");
        speed.getItems().setAll(1, 2, 5, 10, 25, 50, 100);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer x) {
                return x == null ? "" : x + "x";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("x", "").trim());
            }
        });
        speed.valueProperty().addListener((o, was, is) -> {
            RecordingPlayer p = player();
            if (!quiet && p != null && is != null) {
                p.speed(is);
            }
        });
        step.setId("player-step");
        step.textProperty().bind(i18n.bind("player.step"));
        step.setOnAction(e -> {
            RecordingPlayer p = player();
            if (p != null && chart != null) {
                p.stepCandle(chart.timeframeProperty().get());
            }
        });
        scrubber.setId("player-scrubber");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueChangingProperty().addListener((o, was, is) -> {
            RecordingPlayer p = player();
            if (!is && p != null) {
                p.seek((long) scrubber.getValue());
            }
        });
        scrubber.setOnMouseReleased(e -> {
            RecordingPlayer p = player();
            if (p != null && !scrubber.isValueChanging()) {
                p.seek((long) scrubber.getValue());
            }
        });
        position.setMinWidth(150);
        getChildren().addAll(play, speed, step, scrubber, position);
        setVisible(false);
        setManaged(false);
    }

    /** Follows {@code next}'s recording, if it plays one; hidden otherwise. */
    void show(ChartViewModel next) {
        chart = next;
        refresh();
    }

    /** Brings the controls up to date with the player (a few times a second). */
    void refresh() {
        RecordingPlayer p = player();
        boolean shown = p != null;
        setVisible(shown);
        setManaged(shown);
        if (!shown) {
            return;
        }
        quiet = true;
        try {
            play.setText(i18n.text(p.state() == RecordingPlayer.State.PLAYING ? "player.pause" : "player.play"));
            speed.setValue((int) Math.round(p.speed()));
            scrubber.setMin(p.firstTime());
            scrubber.setMax(p.lastTime());
            if (!scrubber.isValueChanging() && !scrubber.isPressed()) {
                scrubber.setValue(Math.max(p.firstTime(), p.position()));
            }
            position.setText(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .withZone(zone.get())
                            .format(Instant.ofEpochMilli(Math.max(p.firstTime(), p.position())))
                    + (p.state() == RecordingPlayer.State.ENDED ? " " + i18n.text("player.ended") : ""));
        } finally {
            quiet = false;
        }
    }

    private RecordingPlayer player() {
        RecordingSession recording = chart == null ? null : chart.recording();
        return recording == null ? null : recording.player();
    }
}
