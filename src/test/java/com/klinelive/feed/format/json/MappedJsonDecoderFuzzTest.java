package com.klinelive.feed.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.DecoderFuzzTest;
import com.klinelive.feed.protocol.FieldRules;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Tick;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated valid messages fed to mapped decoders of several shapes: nothing escapes, a rejection delivers nothing
 * and is counted with a reason that is not an internal error, and every trade delivered passes validation.
 */
class MappedJsonDecoderFuzzTest {

    private record Case(FieldMapping mapping, List<String> seeds) {}

    private static FieldMapping mapping(String... fields) {
        return FieldMapping.parse(List.of(fields), null);
    }

    private static final List<Case> CASES = List.of(
            new Case(
                    mapping(MappedJsonDecoderTest.BINANCE_FIELDS),
                    List.of(
                            MappedJsonDecoderTest.BINANCE_TRADE,
                            "{\"s\":\"ETHUSDT\",\"t\":\"9\",\"p\":2310.4,\"q\":1,\"T\":\"1764073200.5\"}")),
            new Case(
                    mapping("symbol=arg.instId", "seq=data.tradeId", "time=data.ts", "price=data.px", "size=data.sz"),
                    List.of(
                            "{\"arg\":{\"instId\":\"BTC-USDT\"},\"data\":[{\"tradeId\":\"1\",\"px\":\"42219.9\","
                                    + "\"sz\":\"0.12\",\"ts\":\"1764073200123\"},{\"tradeId\":\"2\",\"px\":\"4.2\","
                                    + "\"sz\":\"1\",\"ts\":\"2025-11-25T12:20:00.123456Z\"}]}",
                            "{\"arg\":{\"instId\":\"BTC-USDT\"},\"data\":{\"tradeId\":3,\"px\":1,\"sz\":0,"
                                    + "\"ts\":1764073200123456789}}")),
            new Case(
                    mapping("symbol=0.s", "time=0.t", "price=1.0", "size=1.1"),
                    List.of("[{\"s\":\"X\",\"t\":1764073200},[43250.5,0.25,{\"z\":[true,null]}]]")));

    @Test
    void mutatedMessagesNeverThrowAndNeverDeliverInvalidTrades() {
        Random random = new Random(4321);
        Rejections rejections = new Rejections();
        int delivered = 0;
        for (Case c : CASES) {
            MappedJsonDecoder decoder = new MappedJsonDecoder(c.mapping(), rejections);
            for (String seed : c.seeds()) {
                assertEquals(DecodeOutcome.DELIVERED, decoder.decode(seed, new TickRecorder()), seed);
            }
            for (int i = 0; i < 20_000; i++) {
                String message = DecoderFuzzTest.mutate(
                        random, c.seeds().get(random.nextInt(c.seeds().size())));
                TickRecorder sink = new TickRecorder();
                long before = rejections.count();
                DecodeOutcome outcome = decoder.decode(message, sink);
                assertNotNull(outcome);
                if (outcome == DecodeOutcome.REJECTED) {
                    assertEquals(before + 1, rejections.count());
                    assertTrue(sink.ticks.isEmpty());
                    String reason = rejections.lastReason().orElseThrow();
                    assertTrue(!reason.contains("internal"), () -> reason + " for " + message);
                } else {
                    assertEquals(before, rejections.count());
                }
                if (outcome == DecodeOutcome.DELIVERED) {
                    delivered++;
                    assertTrue(!sink.ticks.isEmpty());
                    sink.ticks.forEach(MappedJsonDecoderFuzzTest::assertValid);
                } else {
                    assertTrue(sink.ticks.isEmpty());
                }
            }
        }
        assertTrue(delivered > 2_000, "the mutations should leave many messages valid, got " + delivered);
    }

    private static void assertValid(Tick tick) {
        assertNull(FieldRules.nameProblem(tick.symbol()));
        assertTrue(tick.seq() >= 0);
        assertTrue(FieldRules.isPlausibleTime(tick.time()));
        assertTrue(FieldRules.isValidPrice(tick.price()));
        assertTrue(FieldRules.isValidSize(tick.size()));
    }
}
