package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantParserTest {

    private static long parse(String text) {
        return IsoInstantParser.parseEpochMillis(text.toCharArray(), 0, text.length());
    }

    @Test
    void coinbaseSampleIsTruncatedToMilliseconds() {
        assertEquals(Instant.parse("2014-11-07T08:19:27.028Z").toEpochMilli(), parse("2014-11-07T08:19:27.028459Z"));
    }

    @Test
    void randomInstantsAgreeWithJavaTimeForEveryFractionLengthAndOffset() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 7_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            int fractionDigits = random.nextInt(10);
            int offsetMinutes = (random.nextInt(35) - 17) * 60 + (random.nextBoolean() ? 0 : 30);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            StringBuilder pattern = new StringBuilder("yyyy-MM-dd'T'HH:mm:ss");
            if (fractionDigits > 0) {
                pattern.append('.').append("S".repeat(fractionDigits));
            }
            pattern.append(random.nextBoolean() && offsetMinutes == 0 ? "'Z'" : "xxx");
            OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(offset);
            String text = DateTimeFormatter.ofPattern(pattern.toString()).format(time);
            long truncatedNanos = fractionDigits == 0 ? 0 : nanos - nanos % (long) Math.pow(10, 9 - fractionDigits);
            long expected = Instant.ofEpochSecond(seconds, truncatedNanos).toEpochMilli();
            assertEquals(expected, parse(text), text);
        }
    }

    @Test
    void leapDaysAreAcceptedOnlyInLeapYears() {
        assertEquals(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli(), parse("2024-02-29T00:00:00Z"));
        assertEquals(Instant.parse("2000-02-29T00:00:00Z").toEpochMilli(), parse("2000-02-29T00:00:00Z"));
        assertEquals(IsoInstantParser.INVALID, parse("2023-02-29T00:00:00Z"));
        assertEquals(IsoInstantParser.INVALID, parse("2100-02-29T00:00:00Z"));
    }
}
