package com.klinelive.feed.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Tick;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

    private static final Subscription ANY = new Subscription(List.of(), s -> -1);
    private static final Map<String, String> BINANCE =
            Map.of("symbol", "s", "seq", "t", "time", "T", "price", "p", "size", "q");

    private static FeedFormat json() {
        return FormatRegistry.installed().named("json").orElseThrow();
    }

    @Test
    void theRegistryHasJsonNamedAndNeverGuessed() {
        FeedFormat json = json();
        assertFalse(json.recognisesFirstMessage(MappedJsonDecoderTest.BINANCE_TRADE)
                && json.name().equals("json"));
        assertTrue(FormatRegistry.installed().names().contains("json"));
        assertFalse(json.longPolling());
        assertTrue(json.transport(FormatSettings.NONE).isEmpty(), "a json feed is a plain WebSocket");
    }

    @Test
    void itsDecoderReadsByTheFieldsOfTheSettings() {
        FormatSettings settings = new FormatSettings(null, null, BINANCE, "{\"method\":\"SUBSCRIBE\"}");
        TickRecorder sink = new TickRecorder();
        assertEquals(
                DecodeOutcome.DELIVERED,
                json().newDecoder(new Rejections(), settings).decode(MappedJsonDecoderTest.BINANCE_TRADE, sink));
        assertEquals(List.of(new Tick("BTCUSDT", 12345, 1_764_073_200_123L, 43250.5, 0.0125)), sink.ticks);
        assertEquals(List.of("{\"method\":\"SUBSCRIBE\"}"), json().subscribeMessages(ANY, settings));
    }

    @Test
    void withoutSeqTheFormatSaysNoGapCanBeDetected() {
        assertTrue(json().consecutiveSequences(new FormatSettings(null, null, BINANCE, null)));
        Map<String, String> noSeq = Map.of("symbol", "s", "time", "T", "price", "p", "size", "q");
        assertFalse(json().consecutiveSequences(new FormatSettings(null, null, noSeq, null)));
    }

    @Test
    void aMissingMappingFailsTheConnectionWithItsReason() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> json().subscribeMessages(ANY, FormatSettings.NONE));
        String problem =
                "the field mapping needs --field symbol=PATH, --field time=PATH, --field price=PATH, --field size=PATH";
        assertEquals(problem, e.getMessage());
        // Should messages arrive all the same, each is a counted rejection saying what to fix.
        Rejections rejections = new Rejections();
        TickRecorder sink = new TickRecorder();
        assertEquals(
                DecodeOutcome.REJECTED,
                json().newDecoder(rejections, FormatSettings.NONE).decode(MappedJsonDecoderTest.BINANCE_TRADE, sink));
        assertEquals(1, rejections.count());
        assertEquals(
                "no usable field mapping: " + problem, rejections.lastReason().orElseThrow());
        assertTrue(sink.ticks.isEmpty());
    }
}
