package com.klinelive.bench.decode;

import com.google.gson.Gson;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one message: our strict decoders against Gson data binding and Gson's tree model, on the same
 * messages. A cycle of 1,024 distinct messages keeps branch predictors and caches honest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeBench {

    /** Ticks in one {@code ticks} batch: what the simulator sends per millisecond at about 50,000 ticks/s. */
    public static final int BATCH = 50;

    private static final int CYCLE = 1024;

    /** native-tick: one {@code tick}; native-batch: a {@code ticks} batch of {@link #BATCH}; binance-trade. */
    @Param({"native-tick", "native-batch", "binance-trade"})
    public String message;

    private String[] messages;
    private int next;
    private FeedDecoder decoder;
    private final Gson gson = new Gson();
    private Class<?> pojo;
    private BlackholeSink sink;

    @Setup
    public void setUp(Blackhole bh) {
        sink = new BlackholeSink(bh);
        switch (message) {
            case "native-tick" -> {
                messages = WireSamples.nativeTicks(WireSamples.ticks(CYCLE, 1, 42));
                decoder = FormatRegistry.installed()
                        .named("native")
                        .orElseThrow()
                        .newDecoder(new Rejections(), FormatSettings.NONE);
                pojo = GsonPeers.NativeTickJson.class;
            }
            case "native-batch" -> {
                messages = WireSamples.nativeBatches(WireSamples.ticks(CYCLE * BATCH, 1, 42), BATCH);
                decoder = FormatRegistry.installed()
                        .named("native")
                        .orElseThrow()
                        .newDecoder(new Rejections(), FormatSettings.NONE);
                pojo = GsonPeers.NativeBatchJson.class;
            }
            case "binance-trade" -> {
                messages = WireSamples.binanceTrades(WireSamples.ticks(CYCLE, 1, 42));
                decoder = FormatRegistry.installed()
                        .named("binance")
                        .orElseThrow()
                        .newDecoder(new Rejections(), FormatSettings.NONE);
                pojo = GsonPeers.BinanceTradeJson.class;
            }
            default -> throw new IllegalArgumentException(message);
        }
    }

    private String nextMessage() {
        String m = messages[next];
        next = (next + 1) & (CYCLE - 1);
        return m;
    }

    @Benchmark
    public Object ours() {
        return decoder.decode(nextMessage(), sink);
    }

    @Benchmark
    public Object gsonPojo() {
        return gson.fromJson(nextMessage(), pojo);
    }

    @Benchmark
    public void gsonTree(Blackhole bh) {
        if (message.equals("binance-trade")) {
            GsonPeers.binanceTree(nextMessage(), bh::consume);
        } else {
            GsonPeers.nativeTree(nextMessage(), bh::consume);
        }
    }

    /** Hands every decoded value to JMH, so nothing is optimised away. */
    static final class BlackholeSink implements FeedSink {
        private final Blackhole bh;

        BlackholeSink(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void onTick(String symbol, long seq, long time, double price, double size) {
            bh.consume(symbol);
            bh.consume(seq);
            bh.consume(time);
            bh.consume(price);
            bh.consume(size);
        }

        @Override
        public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
            bh.consume(candle);
        }

        @Override
        public void onControl(ControlMessage message) {
            bh.consume(message);
        }
    }
}
