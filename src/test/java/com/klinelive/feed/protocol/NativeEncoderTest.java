package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinelive.model.Tick;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeEncoderTest {

    private static final Tick TICK = new Tick("BTCUSDT", 1042, 1764073200123L, 43250.5, 0.0125);

    @Test
    void tickIsWrittenExactlyAsTheProtocolShowsIt() {
        assertEquals(
                "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1042,\"time\":1764073200123,"
                        + "\"price\":43250.5,\"size\":0.0125}",
                NativeEncoder.tick(TICK));
    }

    @Test
    void ticksBatchIsWrittenExactlyAsTheProtocolShowsIt() {
        Tick second = new Tick("BTCUSDT", 1043, 1764073200180L, 43250.0, 0.5);
        assertEquals(
                "{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"epoch\":\"k3j9x1\",\"ticks\":"
                        + "[[1042,1764073200123,43250.5,0.0125],[1043,1764073200180,43250.0,0.5]]}",
                NativeEncoder.ticks("BTCUSDT", "k3j9x1", List.of(TICK, second)));
    }

    @Test
    void ticksBatchWithoutEpochLeavesTheFieldOutAndMayBeEmpty() {
        assertEquals(
                "{\"type\":\"ticks\",\"symbol\":\"ETHUSDT\",\"ticks\":[]}",
                NativeEncoder.ticks("ETHUSDT", null, List.of()));
    }

    @Test
    void ticksFromColumnsWritesOnlyTheRequestedRange() {
        StringBuilder sb = new StringBuilder();
        NativeEncoder.appendTicks(
                sb,
                "X",
                null,
                new long[] {1, 2, 3},
                new long[] {10, 20, 30},
                new double[] {1.5, 2.5, 3.5},
                new double[] {0, 1, 2},
                1,
                3);
        assertEquals("{\"type\":\"ticks\",\"symbol\":\"X\",\"ticks\":[[2,20,2.5,1.0],[3,30,3.5,2.0]]}", sb.toString());
    }

    @Test
    void ticksBatchRefusesATickOfAnotherSymbol() {
        Tick other = new Tick("ETHUSDT", 1, 1764073200123L, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> NativeEncoder.ticks("BTCUSDT", null, List.of(other)));
    }

    @Test
    void columnsWithNanOrInfinityAreRefused() {
        StringBuilder sb = new StringBuilder();
        long[] one = {1};
        assertThrows(
                IllegalArgumentException.class,
                () -> NativeEncoder.appendTicks(
                        sb, "X", null, one, one, new double[] {Double.NaN}, new double[] {1}, 0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> NativeEncoder.appendTicks(
                        sb, "X", null, one, one, new double[] {1}, new double[] {Double.POSITIVE_INFINITY}, 0, 1));
    }

    @Test
    void controlMessagesAreWrittenExactlyAsTheProtocolShowsThem() {
        assertEquals(
                "{\"type\":\"hello\",\"server\":\"klinelive-sim/0.1.0\",\"epoch\":\"k3j9x1\","
                        + "\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time\":1764073200000}",
                NativeEncoder.hello("klinelive-sim/0.1.0", "k3j9x1", List.of("BTCUSDT", "ETHUSDT"), 1764073200000L));
        assertEquals("{\"type\":\"heartbeat\",\"time\":1764073205000}", NativeEncoder.heartbeat(1764073205000L));
        assertEquals(
                "{\"type\":\"reset\",\"symbol\":\"BTCUSDT\",\"seq\":52000,"
                        + "\"reason\":\"since 100 is older than the replay buffer\"}",
                NativeEncoder.reset("BTCUSDT", 52000, "since 100 is older than the replay buffer"));
        assertEquals(
                "{\"type\":\"error\",\"message\":\"unknown symbol: FOO\"}", NativeEncoder.error("unknown symbol: FOO"));
    }

    @Test
    void subscribeWritesSinceOnlyWhenThereIsSomethingToResume() {
        Map<String, Long> since = new LinkedHashMap<>();
        since.put("BTCUSDT", 1041L);
        assertEquals(
                "{\"type\":\"subscribe\",\"symbols\":[\"BTCUSDT\"],\"since\":{\"BTCUSDT\":1041}}",
                NativeEncoder.subscribe(List.of("BTCUSDT"), since));
        assertEquals(
                "{\"type\":\"subscribe\",\"symbols\":[\"BTCUSDT\"]}",
                NativeEncoder.subscribe(List.of("BTCUSDT"), Map.of()));
    }

    @Test
    void stringsAreEscapedSoTheTextStaysValidJson() {
        assertEquals(
                "{\"type\":\"error\",\"message\":\"a\\\"b\\\\c\\nd\\u0001e\\ud800f\u00e9\"}",
                NativeEncoder.error("a\"b\\c\nd\u0001e\ud800f\u00e9"));
    }
}
