package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.model.Candle;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleCsvTest {

    @Test
    void writesIsoUtcTimesAndPlainFullPrecisionNumbers() throws Exception {
        long t = Instant.parse("2026-11-25T12:34:00Z").toEpochMilli();
        StringWriter out = new StringWriter();
        CandleCsv.write(List.of(new Candle(t, 43250.5, 43260.125, 0.00001, 1e7, 0.1 + 0.2, 42)), out);

        assertEquals(
                "time,open,high,low,close,volume,trades\n"
                        + "2026-11-25T12:34:00Z,43250.5,43260.125,0.00001,10000000,0.30000000000000004,42\n",
                out.toString());
    }

    @Test
    void everyDoubleReadsBackExactly() {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 10_000; i++) {
            double v = Math.scalb(random.nextDouble(), random.nextInt(80) - 40);
            assertEquals(v, Double.parseDouble(CandleCsv.plain(v)));
        }
    }
}
