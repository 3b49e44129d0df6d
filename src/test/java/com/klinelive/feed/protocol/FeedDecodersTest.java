package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedDecodersTest {

    private static void assertDetected(FeedFormat expected, String message) {
        assertEquals(Optional.ofNullable(expected), FeedDecoders.detect(message), message);
    }

    @Test
    void nativeMessagesAreDetected() {
        assertDetected(
                FeedFormat.NATIVE,
                "{\"type\":\"hello\",\"server\":\"klinelive-sim/0.1.0\",\"epoch\":\"k3j9x1\","
                        + "\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time\":1764073200000}");
        assertDetected(FeedFormat.NATIVE, "{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"ticks\":[]}");
        assertDetected(
                FeedFormat.NATIVE,
                "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1,\"time\":1764073200123,"
                        + "\"price\":1,\"size\":1}");
        assertDetected(FeedFormat.NATIVE, "{\"type\":\"heartbeat\",\"time\":1764073205000}");
        assertDetected(FeedFormat.NATIVE, "{\"type\":\"reset\",\"symbol\":\"X\",\"seq\":1,\"reason\":\"r\"}");
        assertDetected(FeedFormat.NATIVE, "{\"type\":\"error\",\"message\":\"unknown symbol: FOO\"}");
    }

    @Test
    void binanceMessagesAreDetected() {
        assertDetected(FeedFormat.BINANCE, BinanceDecoderTest.TRADE);
        assertDetected(FeedFormat.BINANCE, BinanceDecoderTest.KLINE);
        assertDetected(FeedFormat.BINANCE, "{\"stream\":\"btcusdt@trade\",\"data\":" + BinanceDecoderTest.TRADE + "}");
        assertDetected(FeedFormat.BINANCE, "{\"result\":null,\"id\":1}");
    }

    @Test
    void coinbaseMessagesAreDetected() {
        assertDetected(FeedFormat.COINBASE, CoinbaseDecoderTest.MATCH);
        assertDetected(
                FeedFormat.COINBASE,
                "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\","
                        + "\"product_ids\":[\"BTC-USD\"]}]}");
        assertDetected(
                FeedFormat.COINBASE,
                "{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,"
                        + "\"product_id\":\"BTC-USD\",\"time\":\"2014-11-07T08:19:28.464459Z\"}");
        assertDetected(FeedFormat.COINBASE, "{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"1\"}");
        assertDetected(FeedFormat.COINBASE, "{\"type\":\"error\",\"message\":\"m\",\"product_id\":\"BTC-USD\"}");
    }

    @Test
    void malformedOrUnrecognisableMessagesTellNothing() {
        assertDetected(null, null);
        assertDetected(null, "");
        assertDetected(null, "{\"type\":\"hello\"");
        assertDetected(null, "{\"type\":\"hello\"} x");
        assertDetected(null, "[1,2,3]");
        assertDetected(null, "{\"type\":\"weather\",\"temperature\":20}");
        assertDetected(null, "{\"type\":7}");
        assertDetected(null, "{}");
    }

    @Test
    void createReturnsADecoderOfTheRequestedFormat() {
        for (FeedFormat format : List.of(FeedFormat.NATIVE, FeedFormat.BINANCE, FeedFormat.COINBASE)) {
            assertEquals(format, FeedDecoders.create(format, new Rejections()).format());
        }
    }

    @Test
    void formatsAreFoundByTheirLowerCaseName() {
        assertEquals(Optional.of(FeedFormat.NATIVE), FeedFormat.fromName("native"));
        assertEquals(Optional.of(FeedFormat.BINANCE), FeedFormat.fromName("Binance"));
        assertEquals(Optional.of(FeedFormat.COINBASE), FeedFormat.fromName(" coinbase "));
        assertEquals(Optional.empty(), FeedFormat.fromName("kraken"));
        assertEquals(Optional.empty(), FeedFormat.fromName(null));
    }
}
