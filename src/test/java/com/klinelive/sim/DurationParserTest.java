package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationParserTest {

    @Test
    void commandLineDurationsReadAsPeopleWriteThem() {
        assertEquals(Duration.ZERO, DurationParser.parse("0"));
        assertEquals(Duration.ofSeconds(90), DurationParser.parse("90"));
        assertEquals(Duration.ofSeconds(90), DurationParser.parse("90s"));
        assertEquals(Duration.ofMillis(1500), DurationParser.parse("1500ms"));
        assertEquals(Duration.ofMinutes(30), DurationParser.parse("30m"));
        assertEquals(Duration.ofHours(6), DurationParser.parse("6h"));
        assertEquals(Duration.ofDays(1), DurationParser.parse("1d"));
        assertEquals(Duration.ofMinutes(90), DurationParser.parse("PT1H30M"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(TypeConversionException.class, () -> DurationParser.parse("a day"));
        assertThrows(TypeConversionException.class, () -> DurationParser.parse("-5s"));
        assertThrows(TypeConversionException.class, () -> DurationParser.parse("1w"));
    }
}
