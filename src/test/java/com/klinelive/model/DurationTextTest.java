package com.klinelive.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsEveryUnit() {
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), DurationText.parse("30s"));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
        assertEquals(Duration.ofHours(2), DurationText.parse("2h"));
        assertEquals(Duration.ofDays(1), DurationText.parse(" 1d "));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90"));
        assertEquals(Duration.ZERO, DurationText.parse("0"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("PT1H30M"));
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : new String[] {"", "s", "-5s", "1.5h", "5 m", "1w", "9999999999s", "PT-1H"}) {
            assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
        }
    }
}
