package com.klinelive.feed.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.binance.BinanceDecoderTest;
import com.klinelive.feed.format.coinbase.CoinbaseDecoderTest;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatRegistryTest {

    private final FormatRegistry registry = FormatRegistry.installed();

    private void assertDetected(String expected, String message) {
        assertEquals(
                Optional.ofNullable(expected),
                registry.forFirstMessage(message).map(FeedFormat::name),
                () -> String.valueOf(message));
    }

    private void assertUrl(String expected, String url) {
        assertEquals(
                Optional.ofNullable(expected), registry.forUrl(URI.create(url)).map(FeedFormat::name), url);
    }

    @Test
    void theInstalledFormatsAreListedOnceInOrderOfRecognition() {
        assertEquals(
                List.of(
                        "binance",
                        "binance-futures",
                        "coinbase",
                        "okx",
                        "bybit",
                        "kraken",
                        "native",
                        "json",
                        "socketio"),
                registry.names());
        assertEquals(
                registry.names().size(), registry.names().stream().distinct().count());
    }

    @Test
    void nativeMessagesAreDetected() {
        assertDetected(
                "native",
                "{\"type\":\"hello\",\"server\":\"klinelive-sim/0.1.0\",\"epoch\":\"k3j9x1\","
                        + "\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time\":1764073200000}");
        assertDetected("native", "{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"ticks\":[]}");
        assertDetected(
                "native",
                "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1,\"time\":1764073200123,"
                        + "\"price\":1,\"size\":1}");
        assertDetected("native", "{\"type\":\"heartbeat\",\"time\":1764073205000}");
        assertDetected("native", "{\"type\":\"reset\",\"symbol\":\"X\",\"seq\":1,\"reason\":\"r\"}");
        assertDetected("native", "{\"type\":\"error\",\"message\":\"unknown symbol: FOO\"}");
    }

    @Test
    void binanceMessagesAreDetected() {
        assertDetected("binance", BinanceDecoderTest.TRADE);
        assertDetected("binance", BinanceDecoderTest.KLINE);
        assertDetected("binance", "{\"stream\":\"btcusdt@trade\",\"data\":" + BinanceDecoderTest.TRADE + "}");
        assertDetected("binance", "{\"result\":null,\"id\":1}");
    }

    @Test
    void coinbaseMessagesAreDetected() {
        assertDetected("coinbase", CoinbaseDecoderTest.MATCH);
        assertDetected(
                "coinbase",
                "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\","
                        + "\"product_ids\":[\"BTC-USD\"]}]}");
        assertDetected(
                "coinbase",
                "{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,"
                        + "\"product_id\":\"BTC-USD\",\"time\":\"2014-11-07T08:19:28.464459Z\"}");
        assertDetected("coinbase", "{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"1\"}");
        assertDetected("coinbase", "{\"type\":\"error\",\"message\":\"m\",\"product_id\":\"BTC-USD\"}");
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
    void urlsAreRecognisedByHostOrScheme() {
        assertUrl("binance", "wss://stream.binance.com:9443/ws/btcusdt@trade");
        assertUrl("binance", "wss://data-stream.binance.vision/ws/btcusdt@trade");
        assertUrl("coinbase", "wss://ws-feed.exchange.coinbase.com");
        assertUrl("native", "http://127.0.0.1:8080");
        assertUrl("native", "https://feed.example.com/prefix");
        // A WebSocket URL of an unknown host may be anything: its first message tells.
        assertUrl(null, "ws://127.0.0.1:8080/ws");
        assertUrl(null, "wss://evilcoinbase.example.com/");
    }

    @Test
    void everyFormatMakesAFreshDecoderPerConnection() {
        for (FeedFormat format : registry.formats()) {
            FeedDecoder a = format.newDecoder(new Rejections(), FormatSettings.NONE);
            FeedDecoder b = format.newDecoder(new Rejections(), FormatSettings.NONE);
            assertTrue(a != b, format.name());
        }
    }

    @Test
    void formatsAreFoundByTheirName() {
        assertEquals("native", registry.named("native").orElseThrow().name());
        assertEquals("binance", registry.named("Binance").orElseThrow().name());
        assertEquals("coinbase", registry.named(" coinbase ").orElseThrow().name());
        assertEquals(Optional.empty(), registry.named("no-such-format"));
        assertEquals(Optional.empty(), registry.named(null));
    }

    @Test
    void aRegistryRefusesTwoFormatsOfOneName() {
        FeedFormat a = registry.named("native").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> new FormatRegistry(List.of(a, a)));
    }
}
