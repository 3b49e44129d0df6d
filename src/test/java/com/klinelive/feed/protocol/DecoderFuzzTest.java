package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.binance.BinanceDecoderTest;
import com.klinelive.feed.format.coinbase.CoinbaseDecoderTest;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated valid messages, fed to format detection and every decoder: nothing escapes, every outcome is one of
 * the three, a rejection delivers nothing and is counted, and anything delivered passes validation.
 */
public class DecoderFuzzTest {

    private static final String ALPHABET = "{}[]\":,.-+eE0123456789 \\/utfnlrasxN\u0000\u00ff\ud800";

    private static final List<String> SEEDS = List.of(
            "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1042,\"time\":1764073200123,\"price\":43250.5,"
                    + "\"size\":0.0125}",
            "{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"epoch\":\"k3j9x1\",\"ticks\":[[1042,1764073200123,43250.5,"
                    + "0.0125],[1043,1764073200180,43250.0,0.5]]}",
            "{\"type\":\"hello\",\"server\":\"klinelive-sim/0.1.0\",\"epoch\":\"k3j9x1\",\"symbols\":[\"BTCUSDT\","
                    + "\"ETHUSDT\"],\"time\":1764073200000}",
            "{\"type\":\"reset\",\"symbol\":\"BTCUSDT\",\"seq\":52000,\"reason\":\"since 100\"}",
            "{\"type\":\"heartbeat\",\"time\":1764073205000}",
            BinanceDecoderTest.TRADE,
            BinanceDecoderTest.KLINE,
            "{\"stream\":\"btcusdt@trade\",\"data\":" + BinanceDecoderTest.TRADE + "}",
            CoinbaseDecoderTest.MATCH,
            "{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"no\"}");

    @Test
    void mutatedMessagesNeverThrowAndNeverDeliverInvalidData() {
        Random random = new Random(1234);
        Rejections rejections = new Rejections(System::nanoTime, line -> {});
        List<FeedDecoder> decoders = List.of(
                FormatRegistry.installed().named("native").orElseThrow().newDecoder(rejections, FormatSettings.NONE),
                FormatRegistry.installed().named("binance").orElseThrow().newDecoder(rejections, FormatSettings.NONE),
                FormatRegistry.installed().named("coinbase").orElseThrow().newDecoder(rejections, FormatSettings.NONE));
        int delivered = 0;
        for (int i = 0; i < 60_000; i++) {
            String message = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
            assertNotNull(FormatRegistry.installed().forFirstMessage(message));
            for (FeedDecoder decoder : decoders) {
                RecordingSink sink = new RecordingSink();
                long before = rejections.count();
                DecodeOutcome outcome = decoder.decode(message, sink);
                assertNotNull(outcome);
                if (outcome == DecodeOutcome.REJECTED) {
                    assertEquals(before + 1, rejections.count());
                    sink.assertEmpty();
                    assertTrue(
                            rejections.lastReason().orElseThrow().indexOf("internal") < 0,
                            () -> rejections.lastReason() + " for " + Rejections.escape(message, 300));
                } else {
                    assertEquals(before, rejections.count());
                }
                if (outcome == DecodeOutcome.DELIVERED) {
                    delivered++;
                    sink.events.forEach(DecoderFuzzTest::assertValid);
                }
                assertTrue(outcome == DecodeOutcome.DELIVERED || sink.events.isEmpty());
            }
        }
        assertTrue(delivered > 1_000, "the mutations should leave many messages valid, got " + delivered);
    }

    /** {@code seed} with one to three random edits: characters set, inserted, deleted, flipped or repeated. */
    public static String mutate(Random random, String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(5)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                case 2 -> sb.deleteCharAt(at);
                case 3 -> sb.setCharAt(at, (char) (sb.charAt(at) ^ (1 << random.nextInt(7))));
                default -> {
                    int end = Math.min(sb.length(), at + random.nextInt(20));
                    sb.insert(at, sb.substring(at, end));
                }
            }
        }
        return sb.toString();
    }

    private static void assertValid(Object event) {
        if (event instanceof Tick tick) {
            assertNull(FieldRules.nameProblem(tick.symbol()));
            assertTrue(tick.seq() >= 0);
            assertTrue(FieldRules.isPlausibleTime(tick.time()));
            assertTrue(FieldRules.isValidPrice(tick.price()));
            assertTrue(FieldRules.isValidSize(tick.size()));
        } else if (event instanceof RecordingSink.Kline kline) {
            Candle candle = kline.candle();
            assertNull(FieldRules.nameProblem(kline.symbol()));
            assertEquals(kline.timeframe().bucketStart(candle.time()), candle.time());
            assertTrue(FieldRules.isPlausibleTime(candle.time()));
            assertTrue(candle.high() >= Math.max(Math.max(candle.open(), candle.close()), candle.low()));
            assertTrue(candle.low() <= Math.min(candle.open(), candle.close()) && candle.low() > 0);
            assertTrue(FieldRules.isValidSize(candle.volume()) && candle.trades() >= 0);
        } else {
            assertTrue(event instanceof ControlMessage, () -> "unexpected event " + event);
        }
    }
}
