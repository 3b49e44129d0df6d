package com.klinelive.feed.format.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecoderHarness;
import com.klinelive.feed.protocol.RecordingSink;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import org.junit.jupiter.api.Test;

public class BinanceDecoderTest {

    public static final String TRADE =
            "{\"e\":\"trade\",\"E\":1764073200125,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"43250.50\","
                    + "\"q\":\"0.0125\",\"T\":1764073200123,\"m\":true,\"M\":true}";
    public static final String KLINE =
            "{\"e\":\"kline\",\"E\":1764073200125,\"s\":\"BTCUSDT\",\"k\":{\"t\":1764073200000,"
                    + "\"T\":1764073259999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"43200.0\","
                    + "\"c\":\"43250.5\",\"h\":\"43260.0\",\"l\":\"43190.0\",\"v\":\"12.5\",\"n\":101,\"x\":false,"
                    + "\"q\":\"540000.0\",\"V\":\"6.0\",\"Q\":\"259000.0\",\"B\":\"0\"}}";

    private final DecoderHarness harness = new DecoderHarness("binance");

    private static String kline(String interval, long openTime, String open, String high, String low, String close) {
        return "{\"e\":\"kline\",\"s\":\"BTCUSDT\",\"k\":{\"t\":" + openTime + ",\"i\":\"" + interval + "\",\"o\":\""
                + open + "\",\"h\":\"" + high + "\",\"l\":\"" + low + "\",\"c\":\"" + close
                + "\",\"v\":\"1\",\"n\":1,\"x\":true}}";
    }

    @Test
    void tradeBecomesATickWithTradeIdAsSequenceAndTradeTime() {
        assertEquals(
                new Tick("BTCUSDT", 12345, 1764073200123L, 43250.5, 0.0125),
                harness.delivered(TRADE).only());
    }

    @Test
    void klineBecomesACandleOfItsTimeframe() {
        assertEquals(
                new RecordingSink.Kline(
                        "BTCUSDT",
                        Timeframe.M1,
                        new Candle(1764073200000L, 43200.0, 43260.0, 43190.0, 43250.5, 12.5, 101),
                        false),
                harness.delivered(KLINE).only());
    }

    @Test
    void closedKlineIsMarkedClosed() {
        RecordingSink.Kline kline =
                (RecordingSink.Kline) harness.delivered(kline("1h", 1764072000000L, "1", "2", "0.5", "1.5"))
                        .only();
        assertTrue(kline.closed());
        assertEquals(Timeframe.H1, kline.timeframe());
    }

    @Test
    void combinedStreamWrapperIsUnwrapped() {
        assertEquals(
                new Tick("BTCUSDT", 12345, 1764073200123L, 43250.5, 0.0125),
                harness.delivered("{\"stream\":\"btcusdt@trade\",\"data\":" + TRADE + "}")
                        .only());
        assertEquals(
                Timeframe.M1,
                ((RecordingSink.Kline) harness.delivered("{\"data\":" + KLINE + ",\"stream\":\"btcusdt@kline_1m\"}")
                                .only())
                        .timeframe());
    }

    @Test
    void eventTypeMayComeAfterTheOtherFields() {
        assertEquals(
                new Tick("ETHUSDT", 1, 1764073200123L, 2, 3),
                harness.delivered(
                                "{\"s\":\"ETHUSDT\",\"t\":1,\"p\":\"2\",\"q\":\"3\",\"T\":1764073200123,\"e\":\"trade\"}")
                        .only());
    }

    @Test
    void unsupportedIntervalOtherEventsAndRepliesAreIgnored() {
        harness.ignored(kline("3m", 1764073200000L, "1", "2", "0.5", "1.5"));
        harness.ignored(kline("1M", 1764073200000L, "1", "2", "0.5", "1.5"));
        harness.ignored("{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":5,\"p\":\"1\",\"q\":\"1\",\"T\":1}");
        harness.ignored("{\"e\":\"24hrTicker\",\"s\":\"BTCUSDT\",\"p\":\"-94.99\"}");
        harness.ignored("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BNBUSDT\","
                + "\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}");
        harness.ignored("{\"result\":null,\"id\":1}");
    }

    @Test
    void errorReplyBecomesAFeedError() {
        assertEquals(
                new ControlMessage.FeedError("Unknown property"),
                harness.delivered("{\"code\":0,\"msg\":\"Unknown property\",\"id\":1}")
                        .only());
        assertEquals(
                new ControlMessage.FeedError("Invalid request"),
                harness.delivered("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}")
                        .only());
    }

    @Test
    void invalidTradesAreRejected() {
        assertTrue(harness.rejected(TRADE.replace("\"43250.50\"", "43250.50")).startsWith("p: expected a string"));
        assertTrue(harness.rejected(TRADE.replace("\"43250.50\"", "\"NaN\"")).startsWith("p: malformed number"));
        assertTrue(harness.rejected(TRADE.replace("\"43250.50\"", "\" 1\"")).startsWith("p: malformed number"));
        assertTrue(harness.rejected(TRADE.replace("\"43250.50\"", "\"1.5x\"")).startsWith("p: expected a number in"));
        assertTrue(harness.rejected(TRADE.replace("\"43250.50\"", "\"\"")).startsWith("p: malformed number"));
        assertTrue(
                harness.rejected(TRADE.replace("\"43250.50\"", "\"\\u0031\"")).startsWith("p: a number in a"));
        assertTrue(harness.rejected(TRADE.replace("\"0.0125\"", "\"-1\"")).startsWith("q: must be finite"));
        assertTrue(harness.rejected(TRADE.replace("12345", "-1")).startsWith("t: must be an integer"));
        assertTrue(harness.rejected(TRADE.replace("\"T\":1764073200123", "\"T\":1"))
                .startsWith("T: must be epoch"));
        assertTrue(harness.rejected(TRADE.replace("\"s\":\"BTCUSDT\",", "")).startsWith("s: missing"));
        assertTrue(harness.rejected("{\"stream\":\"x\",\"data\":" + TRADE + ",\"data\":{}}")
                .startsWith("data: dup"));
    }

    @Test
    void klineOpenTimeMustBeAlignedToItsInterval() {
        assertTrue(harness.rejected(kline("1m", 1764073200001L, "1", "2", "0.5", "1.5"))
                .startsWith("k.t: " + BinanceDecoder.MISALIGNED));
    }

    @Test
    void klineHighAndLowMustEncloseOpenAndClose() {
        assertTrue(harness.rejected(kline("1m", 1764073200000L, "1", "1.4", "0.5", "1.5"))
                .contains("high and low"));
        assertTrue(harness.rejected(kline("1m", 1764073200000L, "1", "2", "1.2", "1.5"))
                .contains("high and low"));
        assertTrue(harness.rejected(kline("1m", 1764073200000L, "1", "2", "2.5", "1.5"))
                .contains("high and low"));
    }

    @Test
    void klineMissingOrMistypedFieldsAreRejected() {
        assertTrue(harness.rejected(KLINE.replace(",\"n\":101", "")).startsWith("k.n: missing"));
        assertTrue(harness.rejected(KLINE.replace("\"x\":false", "\"x\":\"false\""))
                .startsWith("k.x: expected a b"));
        assertTrue(harness.rejected(KLINE.replace("\"o\":\"43200.0\"", "\"o\":\"0\""))
                .startsWith("k.o: must be"));
        assertTrue(harness.rejected("{\"e\":\"kline\",\"s\":\"BTCUSDT\"}").startsWith("k: missing"));
        assertTrue(
                harness.rejected("{\"e\":\"kline\",\"s\":\"BTCUSDT\",\"k\":[]}").startsWith("k: expected an obj"));
    }
}
