package com.klinelive.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * Publishes ticks from a {@link TickSource} as the simulator's own: numbered from 1 per symbol, in the order
 * given, counted in the history and sent to every client. The source's own sequence numbers are not kept: a feed
 * run numbers its trades without gaps (docs/PROTOCOL.md). Buffers up to {@link #BATCH} ticks per symbol between
 * {@link #flush()}es, so a fast source goes out in batches. Use from one thread.
 */
public final class SimPublisher {

    /** Ticks of one symbol published at once at most. */
    public static final int BATCH = 1_000;

    private final SymbolChannels channels;
    private final SimCounters counters;
    private final Map<SymbolChannel, TickColumns> pending = new HashMap<>();

    SimPublisher(SymbolChannels channels, SimCounters counters) {
        this.channels = channels;
        this.counters = counters;
    }

    /**
     * Adds one trade of {@code symbol}, published at the next {@link #flush()} (or at once when a batch is full).
     *
     * @throws IllegalArgumentException for a symbol the server was not started with, or a price not finite and
     *     &gt; 0, or a size not finite and &ge; 0
     */
    public void add(String symbol, long time, double price, double size) {
        SymbolChannel channel = channels.find(symbol);
        if (channel == null) {
            throw new IllegalArgumentException("the simulator has no symbol " + symbol);
        }
        if (!(Double.isFinite(price) && price > 0 && Double.isFinite(size) && size >= 0)) {
            throw new IllegalArgumentException("bad trade: price " + price + ", size " + size);
        }
        TickColumns batch = pending.computeIfAbsent(channel, c -> new TickColumns(64));
        batch.add(channel.lastSeq() + batch.size() + 1, time, price, size);
        if (batch.size() >= BATCH) {
            publish(channel, batch);
        }
    }

    /** Publishes every trade added since the last flush. */
    public void flush() {
        pending.forEach(this::publish);
    }

    private void publish(SymbolChannel channel, TickColumns batch) {
        if (!batch.isEmpty()) {
            channel.publish(batch);
            counters.ticksPublished.add(batch.size());
            batch.clear();
        }
    }
}
