package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscribeRequestTest {

    private static SubscribeRequest valid(String message) {
        return assertInstanceOf(SubscribeRequest.Valid.class, SubscribeRequest.parse(message), message)
                .request();
    }

    private static String invalid(String message) {
        return assertInstanceOf(SubscribeRequest.Invalid.class, SubscribeRequest.parse(message), message)
                .reason();
    }

    @Test
    void subscribeFromTheProtocolDocumentIsParsed() {
        SubscribeRequest request =
                valid("{\"type\":\"subscribe\",\"symbols\":[\"BTCUSDT\"],\"since\":{\"BTCUSDT\":1041}}");
        assertEquals(List.of("BTCUSDT"), request.symbols());
        assertEquals(Map.of("BTCUSDT", 1041L), request.since());
    }

    @Test
    void sinceIsOptionalAndUnknownFieldsAreIgnored() {
        SubscribeRequest request = valid("{\"symbols\":[\"A\",\"B\"],\"client\":{\"v\":[1]},\"type\":\"subscribe\"}");
        assertEquals(List.of("A", "B"), request.symbols());
        assertEquals(Map.of(), request.since());
    }

    @Test
    void encoderOutputParsesBackToTheSameRequest() {
        SubscribeRequest request = new SubscribeRequest(List.of("BTCUSDT", "ETH\"USD"), Map.of("ETH\"USD", 0L));
        assertEquals(request, valid(request.toJson()));
    }

    @Test
    void invalidSubscribeMessagesGiveAClearReason() {
        assertTrue(invalid("{\"type\":\"unsubscribe\",\"symbols\":[]}").startsWith("type: expected \"subscribe\""));
        assertTrue(invalid("{\"type\":\"subscribe\"}").startsWith("symbols: missing"));
        assertTrue(invalid("{\"symbols\":[]}").startsWith("type: missing"));
        assertTrue(
                invalid("{\"type\":\"subscribe\",\"symbols\":\"BTCUSDT\"}").startsWith("symbols: expected an array"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\",\"A\"]}").startsWith("symbols: duplicate"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"\"]}").startsWith("symbols[]: must not be empty"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":{\"A\":-1}}")
                .startsWith("since{}"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":{\"A\":1.5}}")
                .startsWith("since{}"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":{\"B\":1}}")
                .startsWith("since: " + SubscribeRequestParser.NOT_SUBSCRIBED));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":{\"A\":1,\"A\":2}}")
                .startsWith("since: duplicate"));
        assertTrue(
                invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\"]}garbage").startsWith("data after the end"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"symbols\":[\"B\"]}")
                .contains("duplicate"));
        assertTrue(invalid("").contains("expected an object"));
        assertTrue(invalid(null).contains("no message"));
        assertTrue(invalid("{\"type\":\"subscribe\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}")
                .contains("nesting deeper than 32"));
    }
}
