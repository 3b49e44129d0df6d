package com.klinelive.feed.format.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exchange formats as the client finds and drives them through the registry. */
class ExchangeFormatsTest {

    private final FormatRegistry registry = FormatRegistry.installed();

    private Optional<String> byUrl(String url) {
        return registry.forUrl(URI.create(url)).map(FeedFormat::name);
    }

    private Optional<String> byFirstMessage(String message) {
        return registry.forFirstMessage(message).map(FeedFormat::name);
    }

    private FeedFormat named(String name) {
        return registry.named(name).orElseThrow();
    }

    @Test
    void eachExchangeIsRecognisedByItsStreamHost() {
        assertEquals(Optional.of("binance"), byUrl("wss://stream.binance.com:9443/ws/btcusdt@trade"));
        assertEquals(Optional.of("binance-futures"), byUrl("wss://fstream.binance.com/ws/btcusdt@aggTrade"));
        assertEquals(Optional.of("coinbase"), byUrl("wss://ws-feed.exchange.coinbase.com"));
        assertEquals(Optional.of("okx"), byUrl("wss://ws.okx.com:8443/ws/v5/business"));
        assertEquals(Optional.of("bybit"), byUrl("wss://stream.bybit.com/v5/public/spot"));
        assertEquals(Optional.of("kraken"), byUrl("wss://ws.kraken.com/v2"));
        assertEquals(Optional.empty(), byUrl("wss://example.com/ws/v5/business"));
    }

    @Test
    void okxBybitAndKrakenAreRecognisedByTheirFirstMessage() {
        assertEquals(
                Optional.of("okx"),
                byFirstMessage("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades-all\",\"instId\":\"BTC-USDT\"},"
                        + "\"connId\":\"a4d3ae55\"}"));
        assertEquals(
                Optional.of("bybit"),
                byFirstMessage(
                        "{\"success\":true,\"ret_msg\":\"subscribe\",\"conn_id\":\"2324d924\",\"op\":\"subscribe\"}"));
        assertEquals(
                Optional.of("kraken"),
                byFirstMessage("{\"channel\":\"status\",\"data\":[{\"system\":\"online\"}],\"type\":\"update\"}"));
        assertEquals(Optional.of("kraken"), byFirstMessage("{\"channel\":\"heartbeat\"}"));
    }

    @Test
    void theExchangesRulesAreKept() {
        assertEquals(Optional.of(Duration.ofHours(24)), named("binance-futures").maxConnectionLifetime());
        assertEquals("ping", named("okx").applicationPing().orElseThrow().text());
        assertEquals(
                Duration.ofSeconds(25),
                named("okx").applicationPing().orElseThrow().period());
        assertEquals(
                Duration.ofSeconds(20),
                named("bybit").applicationPing().orElseThrow().period());
        assertEquals(Optional.empty(), named("kraken").applicationPing());
        assertEquals(Optional.of(Duration.ofSeconds(10)), named("kraken").acknowledgementDeadline());
        assertEquals(true, named("okx").consecutiveSequences(FormatSettings.NONE));
        assertEquals(false, named("bybit").consecutiveSequences(FormatSettings.NONE));
    }

    @Test
    void subscribeMessagesFollowTheDocsAndNeedASymbol() {
        Subscription btc = new Subscription(List.of("BTCUSDT"), s -> -1);
        assertEquals(
                List.of("{\"req_id\":\"1\",\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\"]}"),
                named("bybit").subscribeMessages(btc, FormatSettings.NONE));
        List<String> eleven = List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "B1", "B2");
        assertEquals(
                2,
                named("bybit")
                        .subscribeMessages(new Subscription(eleven, s -> -1), FormatSettings.NONE)
                        .size(),
                "at most ten topics a request on spot");
        assertThrows(
                IllegalArgumentException.class,
                () -> named("okx").subscribeMessages(new Subscription(List.of(), s -> -1), FormatSettings.NONE));
    }
}
