package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameStatsTest {

    @Test
    void percentilesAndRateComeFromTheSamplesKept() {
        FrameStats stats = new FrameStats(200);
        long pulse = 1_000_000_000L;
        for (int i = 1; i <= 100; i++) {
            stats.recordFrame(pulse, i * 100_000L, true);
            stats.recordTickToPixel(i * 1_000_000L);
            pulse += 16_666_667L;
        }
        FrameStats.Snapshot s = stats.snapshot();
        assertEquals(100, s.frames());
        assertEquals(60.0, s.fps(), 0.01);
        assertEquals(5.0, s.frameMillisP50(), 1e-9);
        assertEquals(9.9, s.frameMillisP99(), 1e-9);
        assertEquals(16.67, s.intervalMillisP99(), 0.01);
        assertEquals(50.0, s.tickToPixelMillisP50(), 1e-9);
        assertEquals(99.0, s.tickToPixelMillisP99(), 1e-9);
        assertEquals("fps=60.0 frame_ms_p99=9.90 tick_to_pixel_ms_p50=50.00 tick_to_pixel_ms_p99=99.00", s.toString());
    }

    @Test
    void theRingKeepsOnlyTheNewestSamples() {
        FrameStats stats = new FrameStats(10);
        for (int i = 0; i < 1_000; i++) {
            stats.recordFrame(i * 10_000_000L, i < 990 ? 50_000_000L : 1_000_000L, i % 2 == 0);
        }
        FrameStats.Snapshot s = stats.snapshot();
        assertEquals(1_000, s.frames());
        assertEquals(500, s.wholeFrames());
        assertEquals(1.0, s.frameMillisP99(), 1e-9);
        assertEquals(100.0, s.fps(), 1e-6);
        stats.reset();
        assertEquals(0, stats.snapshot().frames());
        assertEquals(0, stats.snapshot().fps(), 0);
    }

    @Test
    void dirtyFlagKeepsTheOldestReceiptAcrossThreads() throws Exception {
        DirtyFlag flag = new DirtyFlag();
        assertEquals(DirtyFlag.CLEAN, flag.take());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    flag.mark(5_000 + thread * 10_000L + i);
                }
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(flag.isSet());
        assertEquals(5_000, flag.take());
        assertEquals(DirtyFlag.CLEAN, flag.take());
    }
}
