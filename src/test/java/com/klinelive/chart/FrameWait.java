package com.klinelive.chart;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for a chart in a test window to draw. */
final class FrameWait {

    private FrameWait() {}

    /** Waits until {@code chart} drew at least one more frame after everything queued so far ran. */
    static void nextFrame(CandleChart chart) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        long frames = chart.frameStats().snapshot().frames();
        chart.markDirty();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> chart.frameStats().snapshot().frames() > frames);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
