package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.binance.BinanceDecoderTest;
import com.klinelive.feed.format.coinbase.CoinbaseDecoderTest;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoders allocate nothing per trade message: the trade reaches the sink in fields, and every buffer is
 * reused. Counted in bytes by the JVM, not timed; any object per message would take at least 16 bytes.
 */
class DecoderAllocationTest {

    private static final int MESSAGES = 20_000;
    /** Well under the smallest object: what is left is the thread's own bookkeeping, spread over the messages. */
    private static final double MAX_BYTES_PER_TICK = 1;

    /** Keeps only the last tick's sequence, so the sink itself allocates nothing. */
    private static final class LastTickSink implements FeedSink {
        long lastSeq = -1;

        @Override
        public void onTick(String symbol, long seq, long time, double price, double size) {
            lastSeq = seq;
        }

        @Override
        public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {}

        @Override
        public void onControl(ControlMessage message) {}
    }

    private static double bytesPerTick(String format, String message, int ticksPerMessage) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        FeedDecoder decoder = FormatRegistry.installed()
                .named(format)
                .orElseThrow()
                .newDecoder(new Rejections(), FormatSettings.NONE);
        LastTickSink sink = new LastTickSink();
        for (int i = 0; i < 1_000; i++) {
            decoder.decode(message, sink);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MESSAGES; i++) {
            decoder.decode(message, sink);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(sink.lastSeq >= 0, "no tick was delivered");
        return allocated / (double) (MESSAGES * ticksPerMessage);
    }

    private static void assertLean(String format, String message, int ticksPerMessage) {
        double perTick = bytesPerTick(format, message, ticksPerMessage);
        assertTrue(perTick <= MAX_BYTES_PER_TICK, format + " allocated " + perTick + " bytes per tick");
    }

    @Test
    void aNativeTickAllocatesNothing() {
        Tick tick = new Tick("BTCUSDT", 1042, 1764073200123L, 43250.5, 0.0125);
        assertLean("native", NativeEncoder.tick(tick), 1);
    }

    @Test
    void aNativeBatchAllocatesNothing() {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ticks.add(new Tick("BTCUSDT", 1042 + i, 1764073200123L + i, 43250.5 + i, 0.0125));
        }
        assertLean("native", NativeEncoder.ticks("BTCUSDT", "k3j9x1", ticks), ticks.size());
    }

    @Test
    void exchangeTradesAllocateNothing() {
        assertLean("binance", BinanceDecoderTest.TRADE, 1);
        assertLean("binance", "{\"stream\":\"btcusdt@trade\",\"data\":" + BinanceDecoderTest.TRADE + "}", 1);
        assertLean("coinbase", CoinbaseDecoderTest.MATCH, 1);
    }
}
