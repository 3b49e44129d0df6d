package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DisplayOptionsTest {

    @Test
    void zonesAreUtcTheComputersOrAnyByIdInAnyCase() {
        assertEquals("UTC", DisplayOptions.parse("utc", null).zone());
        assertEquals("UTC", DisplayOptions.parse(" Z ", null).zone());
        assertEquals(ZoneId.of("UTC"), DisplayOptions.parse("GMT", null).zoneId());
        assertEquals(
                "America/New_York",
                DisplayOptions.parse("america/new_york", null).zone());
        assertEquals(
                ZoneId.of("Asia/Shanghai"),
                DisplayOptions.parse("Asia/Shanghai", null).zoneId());
        assertEquals(ZoneOffset.ofHours(8), DisplayOptions.parse("+08:00", null).zoneId());
        assertEquals("UTC+08:00", DisplayOptions.parse("UTC+8", null).zone());
    }

    @Test
    void localStaysTheComputersZoneWhereverItIsRead() {
        DisplayOptions local = DisplayOptions.parse("System", null);
        assertEquals(DisplayOptions.LOCAL, local.zone(), "kept as text, to remember");
        assertEquals(ZoneId.systemDefault(), local.zoneId());
        java.util.TimeZone machine = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            assertEquals(ZoneId.of("Asia/Tokyo"), DisplayOptions.resolve(local.zone()));
        } finally {
            java.util.TimeZone.setDefault(machine);
        }
    }

    @Test
    void languagesAreEnglishOrChineseWithAnyRegion() {
        assertEquals(Locale.ENGLISH, DisplayOptions.parse(null, "en").language());
        assertEquals(Locale.ENGLISH, DisplayOptions.parse(null, "en_US").language());
        assertEquals(Locale.SIMPLIFIED_CHINESE, DisplayOptions.parse(null, "zh").language());
        assertEquals(
                Locale.SIMPLIFIED_CHINESE, DisplayOptions.parse(null, "zh-CN").language());
    }

    @Test
    void flagsNotGivenKeepWhatIsRemembered() {
        DisplayOptions none = DisplayOptions.parse(null, null);
        assertEquals(DisplayOptions.NONE, none);
        assertNull(none.zone());
        assertNull(none.language());
        assertEquals(ZoneOffset.UTC, none.zoneId());
    }

    @Test
    void badValuesSayWhichFlagAndWhatItTakes() {
        IllegalArgumentException zone =
                assertThrows(IllegalArgumentException.class, () -> DisplayOptions.parse("Mars/Olympus", null));
        assertTrue(zone.getMessage().startsWith("--zone: unknown time zone 'Mars/Olympus'"), zone.getMessage());
        assertTrue(zone.getMessage().contains("America/New_York"), zone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DisplayOptions.parse("+25:00", null));
        IllegalArgumentException lang =
                assertThrows(IllegalArgumentException.class, () -> DisplayOptions.parse(null, "fr"));
        assertEquals("--lang: unknown language 'fr' (use en or zh)", lang.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DisplayOptions.parse(null, ""));
        assertThrows(IllegalArgumentException.class, () -> DisplayOptions.parse(null, "!!"));
    }
}
