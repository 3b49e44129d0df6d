package com.klinelive.feed.format.klinelive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecoderHarness;
import com.klinelive.feed.protocol.RecordingSink;
import com.klinelive.model.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeDecoderTest {

    private final DecoderHarness harness = new DecoderHarness("native");

    @Test
    void tickFromTheProtocolDocumentIsDelivered() {
        RecordingSink sink = harness.delivered(
                "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1042,\"time\":1764073200123,\"price\":43250.5,"
                        + "\"size\":0.0125}");
        assertEquals(new Tick("BTCUSDT", 1042, 1764073200123L, 43250.5, 0.0125), sink.only());
    }

    @Test
    void ticksBatchDeliversItsEpochFirstThenEveryTickInOrder() {
        RecordingSink sink = harness.delivered("{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"epoch\":\"k3j9x1\","
                + "\"ticks\":[[1042,1764073200123,43250.5,0.0125],[1043,1764073200180,43250.0,0.5]]}");
        assertEquals(
                List.of(
                        new ControlMessage.Epoch("k3j9x1"),
                        new Tick("BTCUSDT", 1042, 1764073200123L, 43250.5, 0.0125),
                        new Tick("BTCUSDT", 1043, 1764073200180L, 43250.0, 0.5)),
                sink.events);
    }

    @Test
    void ticksBatchWithoutEpochDeliversOnlyTicks() {
        RecordingSink sink =
                harness.delivered("{\"type\":\"ticks\",\"symbol\":\"ETHUSDT\",\"ticks\":[[7,1764073200123,2000,1]]}");
        assertEquals(new Tick("ETHUSDT", 7, 1764073200123L, 2000, 1), sink.only());
    }

    @Test
    void emptyBatchIsValidAndDeliversNothingButItsEpoch() {
        assertTrue(harness.delivered("{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"ticks\":[]}")
                .events
                .isEmpty());
        assertEquals(
                new ControlMessage.Epoch("e1"),
                harness.delivered("{\"type\":\"ticks\",\"symbol\":\"X\",\"epoch\":\"e1\",\"ticks\":[]}")
                        .only());
    }

    @Test
    void repeatedEpochIsTheSameInstanceSoBatchesAllocateNoEpochObject() {
        String batch = "{\"type\":\"ticks\",\"symbol\":\"X\",\"epoch\":\"e1\",\"ticks\":[]}";
        assertSame(harness.delivered(batch).only(), harness.delivered(batch).only());
    }

    @Test
    void helloFromTheProtocolDocumentIsDelivered() {
        RecordingSink sink = harness.delivered("{\"type\":\"hello\",\"server\":\"klinelive-sim/0.1.0\","
                + "\"epoch\":\"k3j9x1\",\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time\":1764073200000}");
        assertEquals(
                new ControlMessage.Hello(
                        "klinelive-sim/0.1.0", "k3j9x1", List.of("BTCUSDT", "ETHUSDT"), 1764073200000L),
                sink.only());
    }

    @Test
    void heartbeatResetAndErrorFromTheProtocolDocumentAreDelivered() {
        assertEquals(
                new ControlMessage.Heartbeat(1764073205000L),
                harness.delivered("{\"type\":\"heartbeat\",\"time\":1764073205000}")
                        .only());
        assertEquals(
                new ControlMessage.Reset("BTCUSDT", 52000, "since 100 is older than the replay buffer"),
                harness.delivered("{\"type\":\"reset\",\"symbol\":\"BTCUSDT\",\"seq\":52000,"
                                + "\"reason\":\"since 100 is older than the replay buffer\"}")
                        .only());
        assertEquals(
                new ControlMessage.FeedError("unknown symbol: FOO"),
                harness.delivered("{\"type\":\"error\",\"message\":\"unknown symbol: FOO\"}")
                        .only());
    }

    @Test
    void fieldsMayComeInAnyOrderWithWhitespaceAndUnknownFields() {
        RecordingSink sink = harness.delivered(" {\n \"price\" : 1.5e3 , \"extra\" : {\"a\":[1,{\"b\":null}]},"
                + " \"size\":0, \"seq\":0, \"symbol\":\"B\\u0054C\", \"time\":946684800000,\t\"type\":\"tick\" }\r\n");
        assertEquals(new Tick("BTC", 0, 946684800000L, 1500, 0), sink.only());
    }

    @Test
    void escapedTypeIsUnderstood() {
        assertEquals(
                new ControlMessage.Heartbeat(1764073205000L),
                harness.delivered("{\"type\":\"heart\\u0062eat\",\"time\":1764073205000}")
                        .only());
    }

    @Test
    void unknownTypeIsIgnoredButMustStillBeWellFormed() {
        harness.ignored("{\"type\":\"candles\",\"data\":[1,2,3]}");
        harness.ignored("{\"data\":{\"x\":true},\"type\":\"future-thing\"}");
        harness.rejected("{\"type\":\"candles\",\"data\":[1,2,}");
    }

    @Test
    void errorsAndControlTextsAreDeliveredUnescaped() {
        assertEquals(
                new ControlMessage.FeedError("line\nbreak \"quoted\" \u00e9"),
                harness.delivered("{\"type\":\"error\",\"message\":\"line\\nbreak \\\"quoted\\\" \\u00e9\"}")
                        .only());
    }
}
