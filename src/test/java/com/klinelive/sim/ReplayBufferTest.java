package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    @Test
    void anEmptyBufferResumesExactlyFromWhereHistoryEnded() {
        ReplayBuffer buffer = new ReplayBuffer(8, 100);
        assertTrue(buffer.canResumeAfter(100));
        assertFalse(buffer.canResumeAfter(99));
        assertFalse(buffer.canResumeAfter(101));
    }

    @Test
    void aFullBufferForgetsTheOldestTicks() {
        ReplayBuffer buffer = new ReplayBuffer(8, 0);
        for (long seq = 1; seq <= 20; seq++) {
            buffer.append(seq, 1000 + seq, seq, 1);
        }
        assertEquals(12, buffer.floorSeq());
        assertTrue(buffer.canResumeAfter(12));
        assertFalse(buffer.canResumeAfter(11));
        TickColumns out = new TickColumns(4);
        buffer.copyAfter(12, 100, out);
        assertEquals(8, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(13 + i, out.seqs[i]);
            assertEquals(1013 + i, out.times[i]);
            assertEquals(13 + i, out.prices[i]);
        }
    }

    @Test
    void copyStopsAtTheRequestedCount() {
        ReplayBuffer buffer = new ReplayBuffer(16, 0);
        for (long seq = 1; seq <= 10; seq++) {
            buffer.append(seq, seq, seq, 1);
        }
        TickColumns out = new TickColumns(1);
        buffer.copyAfter(3, 4, out);
        assertEquals(4, out.size());
        assertEquals(4, out.firstSeq());
        assertEquals(7, out.lastSeq());
    }

    @Test
    void capacityIsRoundedUpToAPowerOfTwo() {
        assertEquals(1024, new ReplayBuffer(1000, 0).capacity());
        assertEquals(1, new ReplayBuffer(1, 0).capacity());
    }

    @Test
    void sequenceNumbersMustFollowOnWithoutGaps() {
        ReplayBuffer buffer = new ReplayBuffer(8, 5);
        assertThrows(IllegalArgumentException.class, () -> buffer.append(7, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> buffer.copyAfter(4, 1, new TickColumns(1)));
    }
}
