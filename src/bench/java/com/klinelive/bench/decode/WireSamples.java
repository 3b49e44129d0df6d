package com.klinelive.bench.decode;

import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic feed messages, made with the production encoder (native) or in Binance's documented shape, with
 * varied prices, sizes and increasing sequences, so that no decoder sees one message over and over.
 */
public final class WireSamples {

    /** Epoch milliseconds of the first sample tick: 2025-11-25T12:20:00Z. */
    public static final long START_MILLIS = 1_764_073_200_000L;

    public static final String SYMBOL = "BTCUSDT";

    private WireSamples() {}

    /** {@code count} consecutive ticks from sequence {@code firstSeq}, about 50 ms apart. */
    public static List<Tick> ticks(int count, long firstSeq, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tick> ticks = new ArrayList<>(count);
        long time = START_MILLIS;
        double price = 43_250.5;
        for (int i = 0; i < count; i++) {
            time += random.nextInt(100);
            price = Math.max(1, price + (random.nextInt(201) - 100) * 0.01);
            // Two decimals as exchanges quote BTC; a double sum would print long binary tails instead.
            double rounded = Math.round(price * 100) / 100.0;
            double size = Math.round(random.nextDouble() * 2 * 10_000) / 10_000.0;
            ticks.add(new Tick(SYMBOL, firstSeq + i, time, rounded, size));
        }
        return ticks;
    }

    /** One native {@code tick} message per tick. */
    public static String[] nativeTicks(List<Tick> ticks) {
        String[] out = new String[ticks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = NativeEncoder.tick(ticks.get(i));
        }
        return out;
    }

    /** Native {@code ticks} batches of {@code perBatch} ticks each (as the simulator sends on a WebSocket). */
    public static String[] nativeBatches(List<Tick> ticks, int perBatch) {
        String[] out = new String[ticks.size() / perBatch];
        for (int b = 0; b < out.length; b++) {
            out[b] = NativeEncoder.ticks(SYMBOL, null, ticks.subList(b * perBatch, (b + 1) * perBatch));
        }
        return out;
    }

    /** Binance {@code trade} events, price and quantity as decimal strings. */
    public static String[] binanceTrades(List<Tick> ticks) {
        String[] out = new String[ticks.size()];
        for (int i = 0; i < out.length; i++) {
            Tick t = ticks.get(i);
            out[i] = String.format(
                    Locale.ROOT,
                    "{\"e\":\"trade\",\"E\":%d,\"s\":\"%s\",\"t\":%d,\"p\":\"%.2f\","
                            + "\"q\":\"%.5f\",\"T\":%d,\"m\":%b,\"M\":true}",
                    t.time() + 2,
                    t.symbol(),
                    t.seq(),
                    t.price(),
                    t.size(),
                    t.time(),
                    t.seq() % 2 == 0);
        }
        return out;
    }
}
