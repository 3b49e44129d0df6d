package com.klinelive.feed.format.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketIoFormatTest {

    private static final Subscription ANY = new Subscription(List.of(), s -> -1);
    private static final Map<String, String> FIELDS =
            Map.of("symbol", "sym", "seq", "data.id", "time", "data.ts", "price", "data.px", "size", "data.qty");

    private static FeedFormat socketIo() {
        return FormatRegistry.installed().named("socketio").orElseThrow();
    }

    @Test
    void itBringsItsOwnTransportThatStartsOnLongPolling() {
        TransportFactory factory = socketIo()
                .transport(new FormatSettings(null, "trade", FIELDS, null))
                .orElseThrow();
        assertEquals(TransportKind.LONG_POLLING, factory.kind());
        assertFalse(socketIo().longPolling(), "no fallback to our own /poll");
        assertTrue(socketIo().consecutiveSequences(new FormatSettings(null, "trade", FIELDS, null)));
    }

    @Test
    void theSubscribeTextIsAnEventArrayCheckedBeforeConnecting() {
        FormatSettings good = new FormatSettings(null, "trade", FIELDS, "[\"subscribe\",\"BTCUSDT\"]");
        assertEquals(List.of("[\"subscribe\",\"BTCUSDT\"]"), socketIo().subscribeMessages(ANY, good));
        FormatSettings bad = new FormatSettings(null, "trade", FIELDS, "subscribe BTCUSDT");
        assertThrows(IllegalArgumentException.class, () -> socketIo().subscribeMessages(ANY, bad));
        assertThrows(
                IllegalArgumentException.class,
                () -> socketIo().subscribeMessages(ANY, new FormatSettings(null, "trade", Map.of(), null)));
    }
}
