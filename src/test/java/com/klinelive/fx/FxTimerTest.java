package com.klinelive.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tasks run on the FX thread when due, periodic ones at whole multiples of their period, and none of them keeps
 * JavaFX pulsing: a window's pulses are counted with a post-layout listener (every pulse runs it).
 */
class FxTimerTest {

    private final AtomicLong pulses = new AtomicLong();
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws TimeoutException {
        stage = FxToolkit.setupFixture(() -> {
            Scene scene = new Scene(new Pane(), 200, 100);
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void aPeriodicTaskRunsOnTheFxThreadWithoutMakingJavaFxPulseAndStopsWhenCancelled() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean onFxThread = new AtomicBoolean(true);
        WaitForAsyncUtils.waitForFxEvents();
        // The window's first frames are over before counting starts.
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        long before = pulses.get();
        FxTimer.Scheduled task = FxTimer.every(Duration.ofMillis(50), () -> {
            onFxThread.compareAndSet(true, Platform.isFxApplicationThread());
            runs.incrementAndGet();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.get() >= 5);
        assertTrue(onFxThread.get(), "every run on the FX thread");
        assertEquals(before, pulses.get(), "pulses while the task ran");

        task.cancel();
        WaitForAsyncUtils.waitForFxEvents();
        int stopped = runs.get();
        // Waiting for something not to happen: a fixed pause of several periods.
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stopped, runs.get(), "runs after cancel");
    }

    @Test
    void aTaskRunsOnceWhenDueUnlessCancelled() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger cancelledRuns = new AtomicInteger();
        FxTimer.after(Duration.ofMillis(20), runs::incrementAndGet);
        FxTimer.Scheduled cancelled = FxTimer.after(Duration.ofMillis(200), cancelledRuns::incrementAndGet);
        cancelled.cancel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.get() == 1);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, runs.get());
        assertEquals(0, cancelledRuns.get());
    }

    @Test
    void periodicRunsFallOnWholeMultiplesOfThePeriodPlusTheLag() {
        long lag = FxTimer.LAG_MILLIS;
        // Run on time: the next one a period later.
        assertEquals(1_000, FxTimer.untilNext(5_000 + lag, 1_000));
        // A millisecond early or late: still the next multiple, not the one just run.
        assertEquals(1_001, FxTimer.untilNext(5_000 + lag - 1, 1_000));
        assertEquals(999, FxTimer.untilNext(5_000 + lag + 1, 1_000));
        // Started anywhere: the multiple after the nearest one, half a period to one and a half away.
        assertEquals(5_000 + lag + 1_000 - 5_300, FxTimer.untilNext(5_300, 1_000));
        assertEquals(7_000 + lag - 5_700, FxTimer.untilNext(5_700, 1_000));
        assertEquals(250 + lag - 10, FxTimer.untilNext(10, 250));
    }
}
