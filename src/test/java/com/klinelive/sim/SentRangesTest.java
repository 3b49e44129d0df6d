package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentRangesTest {

    @Test
    void nothingSentMeansTheNextSequenceIsMissing() {
        assertEquals(11, new SentRanges().firstMissingAfter(10));
    }

    @Test
    void theFirstMissingSequenceSkipsEverythingAlreadySent() {
        SentRanges sent = new SentRanges();
        sent.add(20, 30);
        assertEquals(11, sent.firstMissingAfter(10));
        assertEquals(31, sent.firstMissingAfter(19));
        assertEquals(31, sent.firstMissingAfter(25));
        assertEquals(20, sent.nextSentAtOrAfter(11));
        assertEquals(Long.MAX_VALUE, sent.nextSentAtOrAfter(31));
    }

    @Test
    void adjacentAndOverlappingRangesMerge() {
        SentRanges sent = new SentRanges();
        sent.add(20, 30);
        sent.add(31, 40);
        sent.add(5, 10);
        sent.add(8, 19);
        assertEquals(1, sent.size());
        assertEquals(41, sent.firstMissingAfter(4));
    }

    @Test
    void beyondTheBoundTheOldestRangeIsForgotten() {
        SentRanges sent = new SentRanges();
        for (int i = 0; i < SentRanges.MAX_RANGES + 1; i++) {
            sent.add(i * 10L, i * 10L + 5);
        }
        assertEquals(SentRanges.MAX_RANGES, sent.size());
        assertEquals(0, sent.firstMissingAfter(-1), "the oldest range may be sent again: a duplicate, never a gap");
        assertEquals(16, sent.firstMissingAfter(9));
    }
}
