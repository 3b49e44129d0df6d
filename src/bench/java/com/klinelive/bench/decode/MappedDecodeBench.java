package com.klinelive.bench.decode;

import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The mapped decoder ({@code --format json}) on Binance trade events mapped field by field
 * ({@code symbol=s seq=t time=T price=p size=q}), side by side with what a user would have instead: the
 * hand-written Binance decoder, and Gson's tree model reading the same five fields. The same 1,024 distinct
 * messages in rotation for all three.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappedDecodeBench {

    /** The mapping of a Binance trade event, field by field. */
    public static final Map<String, String> BINANCE_MAPPING =
            Map.of("symbol", "s", "seq", "t", "time", "T", "price", "p", "size", "q");

    private static final int CYCLE = 1024;

    private String[] messages;
    private int next;
    private FeedDecoder mapped;
    private FeedDecoder binance;
    private DecodeBench.BlackholeSink sink;

    @Setup
    public void setUp(Blackhole bh) {
        sink = new DecodeBench.BlackholeSink(bh);
        messages = WireSamples.binanceTrades(WireSamples.ticks(CYCLE, 1, 42));
        FormatRegistry formats = FormatRegistry.installed();
        mapped = formats.named("json")
                .orElseThrow()
                .newDecoder(new Rejections(), new FormatSettings(null, null, BINANCE_MAPPING, null));
        binance = formats.named("binance").orElseThrow().newDecoder(new Rejections(), FormatSettings.NONE);
    }

    private String nextMessage() {
        String m = messages[next];
        next = (next + 1) & (CYCLE - 1);
        return m;
    }

    @Benchmark
    public Object mapped() {
        return mapped.decode(nextMessage(), sink);
    }

    @Benchmark
    public Object binanceDecoder() {
        return binance.decode(nextMessage(), sink);
    }

    @Benchmark
    public void gsonTree(Blackhole bh) {
        GsonPeers.binanceTree(nextMessage(), bh::consume);
    }
}
