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
    void theViewersExportWritesTheZonesWallClockWithItsOffset() throws Exception {
        // New York, 2 November 2025: 01:00 comes twice, first in EDT (05:00 UTC), then in EST (06:00 UTC).
        long edt = Instant.parse("2025-11-02T05:00:00Z").toEpochMilli();
        long est = Instant.parse("2025-11-02T06:00:00Z").toEpochMilli();
        List<Candle> candles =
                List.of(new Candle(edt, 1, 2, 0.5, 1.5, 10, 3), new Candle(est, 1.5, 1.5, 1.5, 1.5, 1, 1));
        StringWriter out = new StringWriter();
        CandleCsv.write(candles, out, java.time.ZoneId.of("America/New_York"));

        List<String> lines = out.toString().lines().toList();
        assertEquals(
                List.of(
                        CandleCsv.HEADER,
                        "2025-11-02T01:00:00-04:00,1,2,0.5,1.5,10,3",
                        "2025-11-02T01:00:00-05:00,1.5,1.5,1.5,1.5,1,1"),
                lines);
        for (int i = 0; i < candles.size(); i++) {
            String time = lines.get(i + 1).split(",")[0];
            assertEquals(
                    candles.get(i).time(),
                    java.time.OffsetDateTime.parse(time).toInstant().toEpochMilli());
        }

        StringWriter utc = new StringWriter();
        CandleCsv.write(candles, utc, java.time.ZoneOffset.UTC);
        StringWriter record = new StringWriter();
        CandleCsv.write(candles, record);
        assertEquals(record.toString(), utc.toString(), "UTC reads as record writes it");
        assertEquals(
                "2025-11-02T05:00:00Z",
                record.toString().lines().skip(1).findFirst().orElseThrow().split(",")[0]);
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
