package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RejectionsTest {

    private long now = 1_000;
    private final List<String> lines = new ArrayList<>();
    private final Rejections rejections = new Rejections(() -> now, lines::add);

    @Test
    void everyRejectionIsCountedWithItsReason() {
        assertEquals(Optional.empty(), rejections.lastReason());
        rejections.reject("first", "a");
        rejections.reject("second", "b");
        assertEquals(2, rejections.count());
        assertEquals(Optional.of("second"), rejections.lastReason());
    }

    @Test
    void atMostOneWarningPerSecondSayingHowManyItLeftOut() {
        rejections.reject("r1", "m1");
        for (int i = 0; i < 5; i++) {
            now += Rejections.LOG_INTERVAL_NANOS / 10;
            rejections.reject("r" + i, "m");
        }
        assertEquals(1, lines.size());
        now += Rejections.LOG_INTERVAL_NANOS;
        rejections.reject("later", "m");
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("later") && lines.get(1).contains("5 more rejected"), lines.get(1));
        assertEquals(7, rejections.count());
    }

    @Test
    void loggedExcerptIsTruncatedAndEscaped() {
        String hostile = "\u001b[31mred\r\nFAKE LOG LINE \"q\" \\ \u00e9\u0000" + "x".repeat(500);
        rejections.reject("bad \n reason", hostile);
        String line = lines.get(0);
        assertTrue(line.contains("\\u001b[31mred\\r\\nFAKE LOG LINE \\\"q\\\" \\\\ \\u00e9\\u0000"), line);
        assertTrue(line.contains("bad \\n reason"), line);
        assertTrue(line.contains("(" + hostile.length() + " chars)"), line);
        assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), line);
        assertTrue(line.length() < Rejections.EXCERPT_CHARS * 2, line);
        assertEquals(Optional.of("bad \\n reason"), rejections.lastReason());
    }

    @Test
    void missingMessageIsLoggedAsSuch() {
        rejections.reject("no message", null);
        assertTrue(lines.get(0).endsWith("(no message)"), lines.get(0));
    }
}
