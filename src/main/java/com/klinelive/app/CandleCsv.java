package com.klinelive.app;

import com.klinelive.model.Candle;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Candles as CSV, the format of {@code record} and of the viewer's export: header
 * {@code time,open,high,low,close,volume,trades}, time the ISO-8601 UTC bucket start, numbers in plain decimal at
 * full precision (the shortest text that reads back as the same double, never in exponent form), oldest first.
 */
public final class CandleCsv {

    public static final String HEADER = "time,open,high,low,close,volume,trades";

    private CandleCsv() {}

    public static void write(List<Candle> candles, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (Candle c : candles) {
            line.setLength(0);
            line.append(Instant.ofEpochMilli(c.time()))
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
