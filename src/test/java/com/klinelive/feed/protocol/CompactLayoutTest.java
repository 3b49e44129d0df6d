package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.binance.BinanceDecoderTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoders read messages in their usual compact layout by a shorter path. A space before the message sends the
 * same message down the general path, so the two must agree on everything: outcome, rejection reason and what is
 * delivered, for valid messages and mutated ones alike.
 */
class CompactLayoutTest {

    private static final List<String> NATIVE_SEEDS = List.of(
            "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1042,\"time\":1764073200123,\"price\":43250.5,"
                    + "\"size\":0.0125}",
            "{\"type\":\"tick\",\"symbol\":\"ETH-USD\",\"seq\":0,\"time\":946684800000,\"price\":1.0E-5,"
                    + "\"size\":0}");

    private static final List<String> BINANCE_SEEDS = List.of(
            BinanceDecoderTest.TRADE,
            "{\"e\":\"trade\",\"E\":1764073200125,\"s\":\"ETHUSDT\",\"t\":7,\"p\":\"0.00001000\",\"q\":\"12\","
                    + "\"T\":1764073200123,\"m\":false,\"M\":true}");

    @Test
    void compactAndGeneralPathsAgreeOnMutatedNativeTicks() {
        assertPathsAgree("native", NATIVE_SEEDS);
    }

    @Test
    void compactAndGeneralPathsAgreeOnMutatedBinanceTrades() {
        assertPathsAgree("binance", BINANCE_SEEDS);
    }

    private static void assertPathsAgree(String format, List<String> seeds) {
        DecoderHarness compact = new DecoderHarness(format);
        DecoderHarness general = new DecoderHarness(format);
        Random random = new Random(99);
        int delivered = 0;
        for (String seed : seeds) {
            assertEquals(DecodeOutcome.DELIVERED, compareOne(compact, general, seed), seed);
        }
        for (int i = 0; i < 40_000; i++) {
            String message = DecoderFuzzTest.mutate(random, seeds.get(random.nextInt(seeds.size())));
            if (compareOne(compact, general, message) == DecodeOutcome.DELIVERED) {
                delivered++;
            }
        }
        assertTrue(delivered > 1_000, "the mutations should leave many messages valid, got " + delivered);
    }

    private static DecodeOutcome compareOne(DecoderHarness compact, DecoderHarness general, String message) {
        RecordingSink compactSink = new RecordingSink();
        RecordingSink generalSink = new RecordingSink();
        DecodeOutcome outcome = compact.decoder.decode(message, compactSink);
        DecodeOutcome generalOutcome = general.decoder.decode(" " + message, generalSink);
        String shown = Rejections.escape(message, 300);
        assertEquals(generalOutcome, outcome, () -> "outcome of " + shown);
        assertEquals(generalSink.events, compactSink.events, () -> "delivered from " + shown);
        assertEquals(general.rejections.lastReason(), compact.rejections.lastReason(), () -> "reason for " + shown);
        return outcome;
    }
}
