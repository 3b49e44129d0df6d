package com.klinelive.bench.aggregate;

import com.klinelive.bench.decode.WireSamples;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedDecoders;
import com.klinelive.feed.protocol.FeedFormat;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
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

/**
 * The client's per-tick work without the network: decode a native message and count its ticks in a book of
 * all ten timeframes, as the WebSocket thread does. A million distinct ticks with increasing sequences; when
 * they run out, a new book starts (so no tick is ever a duplicate), a cost amortised to about a byte a tick.
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
    private final FeedDecoder decoder = FeedDecoders.create(FeedFormat.NATIVE, new Rejections());
    private final BookSink sink = new BookSink();

    @Setup
    public void setUp() {
        List<Tick> ticks = WireSamples.ticks(TICKS, 1, 11);
        messages = message.equals("native-tick") ? WireSamples.nativeTicks(ticks)
                : WireSamples.nativeBatches(ticks, com.klinelive.bench.decode.DecodeBench.BATCH);
        sink.book = newBook();
    }

    @Benchmark
    public Object decodeAndCount() {
        if (next == messages.length) {
            next = 0;
            sink.book = newBook();
        }
        return decoder.decode(messages[next++], sink);
    }

    private static CandleBook newBook() {
        return new CandleBook(WireSamples.SYMBOL, EnumSet.allOf(Timeframe.class), 1_000_000);
    }

    /** Counts each decoded tick in the book, as the client's symbol sync does once the ticks are in order. */
    static final class BookSink implements FeedSink {
        CandleBook book;

        @Override
        public void onTick(Tick tick) {
            book.apply(tick);
        }

        @Override
        public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
            book.putCandle(timeframe, candle);
        }

        @Override
        public void onControl(ControlMessage message) {
            // Batches carry no epoch here: nothing to do.
        }
    }
}
