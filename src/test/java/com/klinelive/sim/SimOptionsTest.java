package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimOptionsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SimOptions o = SimOptions.defaults();
        assertEquals("127.0.0.1", o.host());
        assertEquals(8080, o.port());
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), o.symbols());
        assertEquals(20, o.rate());
        assertEquals(Duration.ofDays(1), o.history());
        assertFalse(o.tls());
        assertEquals(Duration.ofSeconds(25), o.limits().pollHold());
    }

    @Test
    void invalidOptionsAreRefusedWithAReason() {
        SimOptions o = SimOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> o.withSymbols(List.of()));
        assertThrows(IllegalArgumentException.class, () -> o.withSymbols(List.of("BTC USDT")));
        assertThrows(IllegalArgumentException.class, () -> o.withSymbols(List.of("A", "A")));
        assertThrows(IllegalArgumentException.class, () -> o.withRate(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> o.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> o.withHistory(Duration.ofDays(400)));
        assertThrows(IllegalArgumentException.class, () -> o.withTls(Path.of("k.p12"), null));
        assertThrows(IllegalArgumentException.class, () -> SimLimits.defaults().withClientQueueBytes(1000));
    }

    @Test
    void theReplayBufferFollowsTheRateWithinBounds() {
        SimLimits limits = SimLimits.defaults();
        assertEquals(SimLimits.MIN_REPLAY, limits.replayCapacityFor(20));
        assertEquals(SimLimits.MAX_REPLAY, limits.replayCapacityFor(150_000));
        assertEquals(64, limits.withReplayCapacity(64).replayCapacityFor(150_000));
    }

    @Test
    void thePasswordStaysOutOfToString() {
        SimOptions o = SimOptions.defaults().withTls(Path.of("k.p12"), "hunter2");
        assertFalse(o.toString().contains("hunter2"));
    }
}
