package com.klinelive.sim;

import java.lang.reflect.Field;

/**
 * Benchmarks only: publishes ticks into a running simulator's channel exactly as its tick generator does (replay
 * buffer, candles, one encoding fanned out to every WebSocket client, held polls answered), but at a rate and
 * moment the benchmark chooses, so it can stamp each tick's send time in nanoseconds. Start the simulator with
 * rate 0 so that its own generator stays off. Lives in the simulator's package for its package-private channel;
 * the server's channels are reached by reflection, as nothing outside the simulator should ever publish.
 */
public final class SimTap {

    private final SymbolChannel channel;
    private final TickColumns batch = new TickColumns(1024);

    private SimTap(SymbolChannel channel) {
        this.channel = channel;
    }

    /** The tap on {@code symbol} of {@code server}. */
    public static SimTap of(SimServer server, String symbol) {
        try {
            Field field = SimServer.class.getDeclaredField("channels");
            field.setAccessible(true);
            SymbolChannel channel = ((SymbolChannels) field.get(server)).find(symbol);
            if (channel == null) {
                throw new IllegalArgumentException("no symbol " + symbol);
            }
            return new SimTap(channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the simulator changed: no channels field to tap", e);
        }
    }

    /** The last sequence published. */
    public long lastSeq() {
        return channel.lastSeq();
    }

    /** Adds a tick to the next batch; sequences continue from {@link #lastSeq()}. */
    public void add(long seq, long time, double price, double size) {
        batch.add(seq, time, price, size);
    }

    /** Publishes the ticks added since the last call, as one round of the generator. */
    public void publish() {
        if (!batch.isEmpty()) {
            channel.publish(batch);
            batch.clear();
        }
    }
}
