package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;

/** A sink that records everything delivered to it, in order. */
public final class RecordingSink implements FeedSink {

    /** One {@link FeedSink#onKline} call. */
    public record Kline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {}

    public final List<Object> events = new ArrayList<>();

    @Override
    public void onTick(String symbol, long seq, long time, double price, double size) {
        events.add(new Tick(symbol, seq, time, price, size));
    }

    @Override
    public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
        events.add(new Kline(symbol, timeframe, candle, closed));
    }

    @Override
    public void onControl(ControlMessage message) {
        events.add(message);
    }

    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof Tick tick) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    /** The one event delivered, asserting there was exactly one. */
    public Object only() {
        assertEquals(1, events.size(), () -> "events: " + events);
        return events.get(0);
    }

    public void assertEmpty() {
        assertTrue(events.isEmpty(), () -> "expected nothing delivered, got " + events);
    }
}
