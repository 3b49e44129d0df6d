package com.klinelive.bench.aggregate;

import com.klinelive.bench.decode.DecodeBench;
import com.klinelive.bench.decode.WireSamples;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.InboundTap;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client's per-tick work without the network: native messages handed to a connection's inbound side as the
 * WebSocket thread hands them (decode, the symbol's sync, a book of all ten timeframes, the metrics). A million
 * distinct ticks with increasing sequences; when they run out, the symbol starts over as when a feed restarts its
 * numbering (so no tick is ever a duplicate), a cost amortised to well under a nanosecond a tick.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeAggregateBench {

    private static final int TICKS = 1 << 20;

    /** native-tick: a message per tick; native-batch: {@code ticks} batches of {@link DecodeBench#BATCH}. */
    @Param({"native-tick", "native-batch"})
    public String message;

    private String[] messages;
    private int next;
    private InboundTap tap;

    @Setup
    public void setUp() {
        List<Tick> ticks = WireSamples.ticks(TICKS, 1, 11);
        messages = message.equals("native-tick")
                ? WireSamples.nativeTicks(ticks)
                : WireSamples.nativeBatches(ticks, DecodeBench.BATCH);
        CandleAggregator aggregator = new CandleAggregator(EnumSet.allOf(Timeframe.class), 1_000_000, 1);
        tap = new InboundTap("http://127.0.0.1:1", aggregator);
        for (String m : messages) {
            tap.onMessage(m, 1L);
        }
        long sent = message.equals("native-tick") ? messages.length : messages.length * (long) DecodeBench.BATCH;
        if (tap.ticksCounted() != sent) {
            throw new IllegalStateException("counted " + tap.ticksCounted() + " of " + sent + " ticks");
        }
        tap.startOver(WireSamples.SYMBOL);
    }

    @TearDown
    public void tearDown() {
        tap.close();
    }

    @Benchmark
    public void decodeAndCount() {
        if (next == messages.length) {
            next = 0;
            tap.startOver(WireSamples.SYMBOL);
        }
        // The receive time is the transport's stamp, not part of this work.
        tap.onMessage(messages[next++], 1L);
    }
}
