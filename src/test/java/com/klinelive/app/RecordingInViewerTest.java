package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.recording.RecordingPlayer;
import com.klinelive.recording.TickFileWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File, Open recording in the real window: a recording of known trades plays into the active chart at up to 100x,
 * pauses, steps a candle and seeks back; the candles it shows equal the candles of the trades recorded.
 */
class RecordingInViewerTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final Preferences prefs = Preferences.userRoot().node("klinelive-rec-test-" + System.nanoTime());
    private ViewerApp app;

    @AfterEach
    void stop() throws Exception {
        robot.interact(() -> app.window().quit());
        app.stop();
        prefs.removeNode();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRecordingPlaysIntoTheActiveChartWithItsControlsAndGivesTheRecordedCandles() throws Exception {
        Path file = dir.resolve("session.klt");
        CandleBook truth = new CandleBook("REC", EnumSet.of(Timeframe.M1), 1_000);
        long start = 1_764_000_000_000L;
        try (TickFileWriter writer = TickFileWriter.open(file)) {
            for (int i = 1; i <= 600; i++) {
                // Ten minutes of trades, one every second, on a grid of exact binary fractions.
                double price = 100 + (i % 17) * 0.25;
                writer.counted("REC", i, start + i * 1_000L, price, 0.5);
                truth.apply(i, start + i * 1_000L, price, 0.5);
            }
        }
        FxToolkit.registerPrimaryStage();
        app = new ViewerApp(
                new ViewerOptions(null, null, Timeframe.M1, null, null, false, null),
                new com.klinelive.workspace.WorkspaceStore(dir.resolve("cfg/workspace.json")),
                prefs);
        robot.interact(() -> app.start(new javafx.stage.Stage()));
        robot.interact(() -> app.window().openRecording(file));
        waitFor(10_000, () -> onFx(() -> app.window().workspace().active().recording() != null), () -> "not opened");
        RecordingPlayer player =
                onFx(() -> app.window().workspace().active().recording().player());
        assertEquals(
                "REC",
                onFx(() -> app.window().workspace().active().symbolProperty().get()));
        waitFor(
                5_000,
                () -> onFx(() ->
                        app.window().stage().getScene().lookup("#player-play").isVisible()),
                () -> "no controls");

        // The button of this window's bar (a global lookup could find another test's), pressed as a click does.
        robot.interact(() ->
                ((javafx.scene.control.Button) app.window().stage().getScene().lookup("#player-step")).fire());
        waitFor(5_000, () -> player.sent() > 0, () -> "a step plays nothing");
        long afterStep = player.sent();
        assertTrue(afterStep < 600, "one candle, not all: " + afterStep);

        robot.interact(() -> {
            player.speed(100);
            player.play();
        });
        waitFor(30_000, () -> player.state() == RecordingPlayer.State.ENDED, () -> "not ended: " + player.sent());
        CandleBook shown = onFx(() -> app.window().activeChart().getBook());
        List<Candle> expected = truth.candles(Timeframe.M1, Integer.MAX_VALUE);
        waitFor(5_000, () -> shown.candles(Timeframe.M1, Integer.MAX_VALUE).equals(expected), () -> "candles differ");
        waitFor(
                5_000,
                () -> onFx(() -> app.window().activeChart().getVisibleRange().count()) == expected.size(),
                () -> "the chart does not show them");

        robot.interact(() -> player.seek(start + 120_000));
        waitFor(5_000, () -> player.state() == RecordingPlayer.State.PAUSED && player.sent() == 120, () -> "seek");
        CandleBook upTo = new CandleBook("REC", EnumSet.of(Timeframe.M1), 1_000);
        for (int i = 1; i <= 120; i++) {
            upTo.apply(i, start + i * 1_000L, 100 + (i % 17) * 0.25, 0.5);
        }
        assertEquals(
                upTo.candles(Timeframe.M1, Integer.MAX_VALUE),
                shown.candles(Timeframe.M1, Integer.MAX_VALUE),
                "seeking back replays from the start up to the time");
        assertTrue(onFx(() -> app.window().workspace().status().feedProperty().get())
                .startsWith("Recording session.klt"));
    }
}
