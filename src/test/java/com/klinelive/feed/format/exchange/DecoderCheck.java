package com.klinelive.feed.format.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One decoder with its rejection counter, and assertions on what one message did to it. */
public final class DecoderCheck {

    public final Rejections rejections = new Rejections();
    public final FeedDecoder decoder;

    public DecoderCheck(Function<Rejections, FeedDecoder> factory) {
        decoder = factory.apply(rejections);
    }

    /** What a sink received: ticks and control messages, in order. */
    public static final class Recorded implements FeedSink {
        public final List<Object> events = new ArrayList<>();
        public int batches;

        @Override
        public void onTick(String symbol, long seq, long time, double price, double size) {
            events.add(new Tick(symbol, seq, time, price, size));
        }

        @Override
        public void onTicks(String symbol, long[] seqs, long[] times, double[] prices, double[] sizes, int count) {
            batches++;
            FeedSink.super.onTicks(symbol, seqs, times, prices, sizes, count);
        }

        @Override
        public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
            events.add(candle);
        }

        @Override
        public void onControl(ControlMessage message) {
            events.add(message);
        }

        public List<Tick> ticks() {
            return events.stream()
                    .filter(Tick.class::isInstance)
                    .map(Tick.class::cast)
                    .toList();
        }
    }

    /** Decodes a message expected to be delivered. */
    public Recorded delivered(String message) {
        Recorded sink = new Recorded();
        long before = rejections.count();
        DecodeOutcome outcome = decoder.decode(message, sink);
        assertEquals(
                DecodeOutcome.DELIVERED,
                outcome,
                () -> "last reason " + rejections.lastReason().orElse("none"));
        assertEquals(before, rejections.count());
        return sink;
    }

    /** The ticks of a message expected to be delivered. */
    public List<Tick> ticks(String message) {
        return delivered(message).ticks();
    }

    /** The feed error of a message expected to deliver exactly that. */
    public String feedError(String message) {
        List<Object> events = delivered(message).events;
        assertEquals(1, events.size(), () -> "events " + events);
        return ((ControlMessage.FeedError) events.get(0)).message();
    }

    /** Decodes a message expected to be ignored: nothing delivered, nothing counted. */
    public void ignored(String message) {
        Recorded sink = new Recorded();
        long before = rejections.count();
        assertEquals(
                DecodeOutcome.IGNORED,
                decoder.decode(message, sink),
                () -> "last reason " + rejections.lastReason().orElse("none"));
        assertEquals(before, rejections.count());
        assertTrue(sink.events.isEmpty());
    }

    /** Decodes a message expected to be rejected: nothing delivered, counted once; returns the reason. */
    public String rejected(String message) {
        Recorded sink = new Recorded();
        long before = rejections.count();
        assertEquals(DecodeOutcome.REJECTED, decoder.decode(message, sink));
        assertEquals(before + 1, rejections.count());
        assertTrue(sink.events.isEmpty(), () -> "delivered " + sink.events);
        return rejections.lastReason().orElseThrow();
    }
}
