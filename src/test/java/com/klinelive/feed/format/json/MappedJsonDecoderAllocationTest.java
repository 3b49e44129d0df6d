package com.klinelive.feed.format.json;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mapped decoder allocates nothing per message once warm: trades reach the sink in fields or reused columns.
 * Counted in bytes by the JVM, not timed; any object per message would take at least 16 bytes.
 */
class MappedJsonDecoderAllocationTest {

    private static final int MESSAGES = 20_000;

    /** Keeps only the last sequence, so the sink itself allocates nothing. */
    private static final class LastSeqSink implements FeedSink {
        long lastSeq = -1;

        @Override
        public void onTick(String symbol, long seq, long time, double price, double size) {
            lastSeq = seq;
        }

        @Override
        public void onTicks(String symbol, long[] seqs, long[] times, double[] prices, double[] sizes, int count) {
            lastSeq = seqs[count - 1];
        }

        @Override
        public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {}

        @Override
        public void onControl(ControlMessage message) {}
    }

    private static double bytesPerMessage(List<String> fields, String message) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        MappedJsonDecoder decoder = new MappedJsonDecoder(FieldMapping.parse(fields, null), new Rejections());
        LastSeqSink sink = new LastSeqSink();
        for (int i = 0; i < 1_000; i++) {
            decoder.decode(message, sink);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MESSAGES; i++) {
            decoder.decode(message, sink);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(sink.lastSeq >= 0, "no trade was delivered");
        return allocated / (double) MESSAGES;
    }

    @Test
    void aMappedBinanceTradeAllocatesNothing() {
        double perMessage =
                bytesPerMessage(List.of(MappedJsonDecoderTest.BINANCE_FIELDS), MappedJsonDecoderTest.BINANCE_TRADE);
        assertTrue(perMessage <= 1, "allocated " + perMessage + " bytes per message");
    }

    @Test
    void anArrayOfTradesWithoutSeqAllocatesNothing() {
        String trade = "{\"px\":\"42219.9\",\"sz\":\"0.12\",\"ts\":\"2025-11-25T12:20:00.123456Z\"}";
        String message = "{\"arg\":{\"instId\":\"BTC-USDT\"},\"data\":[" + trade + "," + trade + "," + trade + "]}";
        double perMessage =
                bytesPerMessage(List.of("symbol=arg.instId", "time=data.ts", "price=data.px", "size=data.sz"), message);
        assertTrue(perMessage <= 1, "allocated " + perMessage + " bytes per message");
    }
}
