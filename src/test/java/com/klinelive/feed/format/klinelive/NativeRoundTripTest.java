package com.klinelive.feed.format.klinelive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecoderHarness;
import com.klinelive.feed.protocol.FieldRules;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the encoder writes, the native decoder reads back exactly, down to the bits of every double. */
class NativeRoundTripTest {

    private static final String SYMBOL_CHARS = "ABCXYZ019-_/.:\"\\ \u00e9\u20ac\ud83d\ude00";

    private final DecoderHarness harness = new DecoderHarness("native");

    static Tick randomTick(Random random, String symbol) {
        long seq = random.nextBoolean() ? random.nextLong() & Long.MAX_VALUE : random.nextInt(1_000_000);
        long time = random.nextLong(FieldRules.MIN_TIME, FieldRules.END_TIME);
        return new Tick(symbol, seq, time, randomPrice(random), randomSize(random));
    }

    static String randomSymbol(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + random.nextInt(12);
        while (sb.length() < length) {
            int at = random.nextInt(SYMBOL_CHARS.length());
            char c = SYMBOL_CHARS.charAt(at);
            if (Character.isHighSurrogate(c)) {
                sb.append(c).append(SYMBOL_CHARS.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static double randomPrice(Random random) {
        while (true) {
            double price = switch (random.nextInt(3)) {
                case 0 -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
                case 1 -> Math.round(random.nextDouble() * 1e7) / 100.0;
                default -> random.nextDouble() * 100_000;
            };
            if (FieldRules.isValidPrice(price)) {
                return price;
            }
        }
    }

    private static double randomSize(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.MIN_VALUE;
            default -> randomPrice(random);
        };
    }

    @Test
    void hundredThousandRandomTicksSurviveEncodingAndDecoding() {
        Random random = new Random(20_251_125);
        for (int i = 0; i < 100_000; i++) {
            Tick tick = randomTick(random, randomSymbol(random));
            String message = NativeEncoder.tick(tick);
            assertEquals(tick, harness.delivered(message).only(), message);
        }
    }

    @Test
    void randomBatchesSurviveEncodingAndDecodingWithTheirEpoch() {
        Random random = new Random(99);
        for (int i = 0; i < 2_000; i++) {
            String symbol = randomSymbol(random);
            List<Tick> ticks = new ArrayList<>();
            int length = random.nextInt(i % 100 == 0 ? 600 : 20);
            for (int j = 0; j < length; j++) {
                ticks.add(randomTick(random, symbol));
            }
            String epoch = random.nextBoolean() ? null : "epoch-" + random.nextInt(3);
            List<Object> expected = new ArrayList<>();
            if (epoch != null) {
                expected.add(new ControlMessage.Epoch(epoch));
            }
            expected.addAll(ticks);
            assertEquals(expected, harness.delivered(NativeEncoder.ticks(symbol, epoch, ticks)).events);
        }
    }

    @Test
    void controlMessagesSurviveEncodingAndDecoding() {
        assertEquals(
                new ControlMessage.Hello("sim \"1\"", "e\u00e9", List.of("A", "B\\"), 1764073200000L),
                harness.delivered(NativeEncoder.hello("sim \"1\"", "e\u00e9", List.of("A", "B\\"), 1764073200000L))
                        .only());
        assertEquals(
                new ControlMessage.Heartbeat(FieldRules.MIN_TIME),
                harness.delivered(NativeEncoder.heartbeat(FieldRules.MIN_TIME)).only());
        assertEquals(
                new ControlMessage.Reset("X", Long.MAX_VALUE, "tab\there"),
                harness.delivered(NativeEncoder.reset("X", Long.MAX_VALUE, "tab\there"))
                        .only());
        assertEquals(
                new ControlMessage.FeedError("\u0001\u001f\u007f"),
                harness.delivered(NativeEncoder.error("\u0001\u001f\u007f")).only());
    }
}
