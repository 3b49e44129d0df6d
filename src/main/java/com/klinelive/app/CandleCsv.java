package com.klinelive.app;

import com.klinelive.model.Candle;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Candles as CSV, the format of {@code record} and of the viewer's export: header
 * {@code time,open,high,low,close,volume,trades}, time the ISO-8601 bucket start, numbers in plain decimal at full
 * precision (the shortest text that reads back as the same double, never in exponent form), oldest first.
 * {@code record} writes times in UTC ({@code 2025-11-25T12:34:00Z}), which its scripts parse; the viewer writes them
 * on the wall clock of the chart's zone with their offset ({@code 2025-11-25T07:34:00-05:00}), so every line names
 * the same moment either way, also in the hour a daylight-saving change repeats.
 */
public final class CandleCsv {

    public static final String HEADER = "time,open,high,low,close,volume,trades";

    /** ISO-8601 with the offset, seconds always written: {@code 2025-11-25T07:34:00-05:00}. */
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private CandleCsv() {}

    /** Writes {@code candles} with UTC times, as {@code record} does. */
    public static void write(List<Candle> candles, Writer out) throws IOException {
        write(candles, out, null);
    }

    /**
     * Writes {@code candles} with times on the wall clock of {@code zone} and its offset at each time; a null zone
     * writes UTC as {@link Instant} does ({@code Z}).
     */
    public static void write(List<Candle> candles, Writer out, ZoneId zone) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (Candle c : candles) {
            line.setLength(0);
            Instant start = Instant.ofEpochMilli(c.time());
            line.append(zone == null ? start.toString() : OFFSET_TIME.format(start.atZone(zone)))
                    .append(',')
                    .append(plain(c.open()))
                    .append(',')
                    .append(plain(c.high()))
                    .append(',')
                    .append(plain(c.low()))
                    .append(',')
                    .append(plain(c.close()))
                    .append(',')
                    .append(plain(c.volume()))
                    .append(',')
                    .append(c.trades())
                    .append('\n');
            out.write(line.toString());
        }
    }

    /** {@code 43250.5}, {@code 0.00001}, {@code 100}: Java's shortest round-trip digits, without an exponent. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
