package com.klinelive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FeedEndpointTest {

    @Test
    void httpUrlMeansOurProtocolWithEveryEndpointUnderItsPrefix() {
        FeedEndpoint e = FeedEndpoint.parse("http://127.0.0.1:8080/feeds/a/");

        assertEquals(URI.create("ws://127.0.0.1:8080/feeds/a/ws"), e.webSocket());
        assertEquals(URI.create("http://127.0.0.1:8080/feeds/a/history?symbol=X"), e.resolve("/history", "symbol=X"));
    }

    @Test
    void httpsUrlUsesSecureWebSocket() {
        assertEquals(
                URI.create("wss://feed.example:443/ws"),
                FeedEndpoint.parse("https://feed.example:443").webSocket());
    }

    @Test
    void webSocketUrlEndingInWsMayBeOursAndDerivesHttpEndpoints() {
        FeedEndpoint e = FeedEndpoint.parse("wss://host:9443/prefix/ws");

        assertEquals(URI.create("wss://host:9443/prefix/ws"), e.webSocket());
        assertEquals(URI.create("https://host:9443/prefix/poll?symbol=A"), e.resolve("/poll", "symbol=A"));
    }

    @Test
    void thirdPartyWebSocketHasNoHttpEndpoints() {
        FeedEndpoint e = FeedEndpoint.parse("wss://stream.binance.com:9443/ws/btcusdt@trade");

        assertFalse(e.http().isPresent());
        assertThrows(IllegalStateException.class, () -> e.resolve("/history", null));
    }

    @Test
    void badUrlsAreClearErrorsAtOnce() {
        assertTrue(message("ftp://host/x").contains("unsupported scheme"));
        assertTrue(message("http:///nohost").contains("no host"));
        assertTrue(message("").contains("no feed URL"));
        assertTrue(message("http://exa mple.com").contains("not a URL"));
        assertTrue(message("localhost:8080").contains("unsupported scheme")
                || message("localhost:8080").contains("no host"));
        assertTrue(message("example.com").contains("unsupported scheme"));
    }

    @Test
    void redactedFormHidesCredentialsAndQueryValues() {
        FeedEndpoint e = FeedEndpoint.parse("wss://user:secret@host:1/ws?token=abc123&streams=btcusdt@trade");

        assertEquals("wss://host:1/ws?token=…&streams=btcusdt@trade", e.redacted());
        assertEquals("wss://host:1/ws?streams=btcusdt@trade", FeedEndpoint.withoutSecrets(e.given()));
        assertEquals("http://h/x", FeedEndpoint.withoutSecrets(URI.create("http://h/x?api_key=1&Signature=2")));
        assertEquals(
                "http://host:8080/prefix",
                FeedEndpoint.parse("HTTP://me:pw@host:8080/prefix").redacted());
        assertFalse(e.redacted().contains("secret"));
        assertFalse(e.redacted().contains("abc123"));
    }

    private static String message(String url) {
        return assertThrows(IllegalArgumentException.class, () -> FeedEndpoint.parse(url))
                .getMessage();
    }
}
