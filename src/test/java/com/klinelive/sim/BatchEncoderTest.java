package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchEncoderTest {

    @Test
    void aLoneLiveTickIsATickMessageAndAPollAnswerIsABatch() {
        TickColumns ticks = new TickColumns(1);
        ticks.add(7, 1_764_073_200_123L, 43250.5, 0.0125);
        BatchEncoder encoder = new BatchEncoder("BTCUSDT");
        assertEquals(1, encoder.encode(ticks, 0, 1, null));
        assertEquals(
                "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":7,\"time\":1764073200123,\"price\":43250.5,"
                        + "\"size\":0.0125}",
                encoder.text());
        encoder.encode(ticks, 0, 1, "e1");
        assertEquals(
                "{\"type\":\"ticks\",\"symbol\":\"BTCUSDT\",\"epoch\":\"e1\",\"ticks\":"
                        + "[[7,1764073200123,43250.5,0.0125]]}",
                encoder.text());
    }

    @Test
    void aLongRunIsSplitIntoMessagesThatFitTheLimit() {
        TickColumns ticks = new TickColumns(10_000);
        for (int i = 0; i < 10_000; i++) {
            ticks.add(1_000_000 + i, 1_764_073_200_123L + i, 43250.51 + i / 100.0, 0.00123);
        }
        BatchEncoder encoder = new BatchEncoder("BTCUSDT", 4096);
        int from = 0;
        int messages = 0;
        while (from < ticks.size()) {
            int count = encoder.encode(ticks, from, ticks.size(), null);
            assertTrue(
                    encoder.text().length() <= 4096,
                    "message of " + encoder.text().length());
            assertTrue(count > 50, "messages are well filled: " + count);
            from += count;
            messages++;
        }
        assertEquals(10_000, from);
        assertTrue(messages < 200, messages + " messages");
    }
}
