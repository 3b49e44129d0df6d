package com.klinelive.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checks the candle engine against the simplest possible implementation, on random tick streams. */
class CandleAggregatorReferenceTest {

    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    private static final long START = 1_764_000_000_000L;

    @Test
    void everyTimeframeEqualsNaiveReferenceWithLateAndDuplicateTicks() {
        Random random = new Random(20261125);
        List<Tick> arrivals = randomStream(random, 100_000);

        CandleAggregator aggregator = new CandleAggregator();
        Map<String, List<Tick>> counted = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Tick t : arrivals) {
            TickOutcome outcome = aggregator.accept(t);
            boolean isNew = seen.add(t.symbol() + "/" + t.seq());
            assertEquals(isNew ? TickOutcome.ACCEPTED : TickOutcome.DUPLICATE, outcome, "tick " + t);
            if (isNew) {
                counted.computeIfAbsent(t.symbol(), s -> new ArrayList<>()).add(t);
            } else {
                duplicates++;
            }
        }
        assertEquals(true, duplicates > 1_000, "the stream should hold duplicates, had " + duplicates);

        for (String symbol : SYMBOLS) {
            CandleBook book = aggregator.book(symbol);
            for (Timeframe tf : Timeframe.values()) {
                List<Candle> expected = reference(counted.get(symbol), tf);
                List<Candle> actual = book.candles(tf, Integer.MAX_VALUE);
                assertSameCandles(expected, actual, symbol + " " + tf.label());
            }
        }
    }

    /** Compares candle by candle, so a failure names the first candle that differs rather than printing all. */
    static void assertSameCandles(List<Candle> expected, List<Candle> actual, String label) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), label + " candle " + i);
        }
        assertEquals(expected.size(), actual.size(), label + " candle count");
    }

    /**
     * Ticks of three symbols in sequence order, event times mostly rising, then shuffled locally so some
     * arrive late (up to 40 positions, a few seconds), with about 3 % sent twice.
     */
    static List<Tick> randomStream(Random random, int count) {
        List<Tick> ticks = new ArrayList<>(count);
        long[] seq = new long[SYMBOLS.length];
        double[] price = {43_000, 2_300, 140};
        long time = START;
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(SYMBOLS.length);
            // Mostly a few ms apart, sometimes a quiet stretch of minutes, so some buckets have no ticks.
            time += random.nextInt(20) == 0 ? random.nextInt(900_000) : random.nextInt(400);
            price[s] = Math.max(0.01, price[s] * (1 + random.nextGaussian() * 0.0005));
            double size = random.nextInt(50) == 0 ? 0.0 : Math.round(random.nextDouble() * 5_000) / 1_000.0;
            ticks.add(new Tick(SYMBOLS[s], ++seq[s], time, price[s], size));
        }
        for (int i = 0; i < count; i++) {
            if (random.nextInt(10) == 0) {
                int j = Math.min(count - 1, i + random.nextInt(40));
                Tick t = ticks.get(i);
                ticks.set(i, ticks.get(j));
                ticks.set(j, t);
            }
        }
        List<Tick> withDuplicates = new ArrayList<>(count + count / 20);
        for (Tick t : ticks) {
            withDuplicates.add(t);
            if (random.nextInt(33) == 0) {
                withDuplicates.add(random.nextBoolean() ? t : ticks.get(random.nextInt(count)));
            }
        }
        return withDuplicates;
    }

    /** Candles by definition: bucket by event time; open/close by (time, seq); volume summed in arrival order. */
    static List<Candle> reference(List<Tick> ticks, Timeframe tf) {
        Map<Long, List<Tick>> buckets = new TreeMap<>();
        for (Tick t : ticks) {
            buckets.computeIfAbsent(Math.floorDiv(t.time(), tf.millis()) * tf.millis(), k -> new ArrayList<>())
                    .add(t);
        }
        List<Candle> candles = new ArrayList<>();
        for (Map.Entry<Long, List<Tick>> e : buckets.entrySet()) {
            Tick first = null;
            Tick last = null;
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double volume = 0;
            for (Tick t : e.getValue()) {
                if (first == null || t.time() < first.time() || (t.time() == first.time() && t.seq() < first.seq())) {
                    first = t;
                }
                if (last == null || t.time() > last.time() || (t.time() == last.time() && t.seq() > last.seq())) {
                    last = t;
                }
                high = Math.max(high, t.price());
                low = Math.min(low, t.price());
                volume += t.size();
            }
            candles.add(new Candle(
                    e.getKey(),
                    first.price(),
                    high,
                    low,
                    last.price(),
                    volume,
                    e.getValue().size()));
        }
        return candles;
    }

    @Test
    void referenceStreamCoversEveryTimeframeWithGaps() {
        List<Tick> ticks = randomStream(new Random(7), 20_000);
        List<Candle> minutes = reference(
                ticks.stream().filter(t -> t.symbol().equals("BTCUSDT")).toList(), Timeframe.M1);
        long gaps = 0;
        for (int i = 1; i < minutes.size(); i++) {
            if (minutes.get(i).time() - minutes.get(i - 1).time() > Timeframe.M1.millis()) {
                gaps++;
            }
        }
        assertEquals(true, gaps > 10, "quiet stretches should leave minutes without candles, gaps=" + gaps);
        assertEquals(EnumSet.allOf(Timeframe.class), new CandleAggregator().timeframes());
    }
}
