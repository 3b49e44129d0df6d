package com.klinelive.feed.protocol;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code GET /history}: candles of one symbol and timeframe, oldest first, and the last sequence
 * counted in them. Parsed strictly and validated candle by candle, so a broken answer is an error, never a chart.
 *
 * @param symbol   the instrument
 * @param interval the timeframe
 * @param seq      the last tick sequence included in the candles, -1 when none
 * @param epoch    the server run that numbered the sequences, or null when the answer has none
 * @param candles  aligned to the interval, strictly increasing times
 */
public record HistoryMessage(String symbol, Timeframe interval, long seq, String epoch, List<Candle> candles) {

    /** Most candles one answer may hold. */
    public static final int MAX_CANDLES = 100_000;

    public HistoryMessage {
        candles = List.copyOf(candles);
    }

    /**
     * Parses and validates a history answer.
     *
     * @throws IllegalArgumentException with the reason, when it is malformed
     */
    public static HistoryMessage parse(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(8);
            HistoryMessage message = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("trailing data after the history object");
            }
            return message;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed history: " + e.getMessage(), e);
        }
    }

    private static HistoryMessage read(JsonReader reader) throws IOException {
        String symbol = null;
        Timeframe interval = null;
        long seq = Long.MIN_VALUE;
        String epoch = null;
        List<Candle> candles = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "symbol" -> symbol = reader.nextString();
                case "interval" -> {
                    String label = reader.nextString();
                    interval = Timeframe.fromLabel(label)
                            .orElseThrow(() -> new IllegalArgumentException("unknown interval " + quote(label)));
                }
                case "seq" -> seq = reader.nextLong();
                case "epoch" -> epoch = reader.nextString();
                case "candles" -> candles = readCandles(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (symbol == null || symbol.isEmpty() || interval == null || seq == Long.MIN_VALUE || candles == null) {
            throw new IllegalArgumentException("history needs symbol, interval, seq and candles");
        }
        if (seq < -1) {
            throw new IllegalArgumentException("negative seq " + seq);
        }
        for (int i = 0; i < candles.size(); i++) {
            check(
                    candles.get(i),
                    interval,
                    i == 0 ? Long.MIN_VALUE : candles.get(i - 1).time(),
                    i);
        }
        return new HistoryMessage(symbol, interval, seq, epoch, candles);
    }

    private static List<Candle> readCandles(JsonReader reader) throws IOException {
        List<Candle> candles = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (candles.size() == MAX_CANDLES) {
                throw new IllegalArgumentException("more than " + MAX_CANDLES + " candles");
            }
            candles.add(readCandle(reader));
        }
        reader.endArray();
        return candles;
    }

    private static Candle readCandle(JsonReader reader) throws IOException {
        long time = Long.MIN_VALUE;
        long trades = -1;
        double open = Double.NaN;
        double high = Double.NaN;
        double low = Double.NaN;
        double close = Double.NaN;
        double volume = Double.NaN;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "time" -> time = reader.nextLong();
                case "open" -> open = reader.nextDouble();
                case "high" -> high = reader.nextDouble();
                case "low" -> low = reader.nextDouble();
                case "close" -> close = reader.nextDouble();
                case "volume" -> volume = reader.nextDouble();
                case "trades" -> trades = reader.nextLong();
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new Candle(time, open, high, low, close, volume, trades);
    }

    private static void check(Candle c, Timeframe interval, long previousTime, int index) {
        String at = "candle " + index + ": ";
        if (c.time() == Long.MIN_VALUE || c.trades() < 0) {
            throw new IllegalArgumentException(at + "needs time and trades >= 0");
        }
        if (interval.bucketStart(c.time()) != c.time() || c.time() <= previousTime) {
            throw new IllegalArgumentException(at + "time not aligned to " + interval.label() + " or not increasing");
        }
        if (!(positive(c.open()) && positive(c.high()) && positive(c.low()) && positive(c.close()))) {
            throw new IllegalArgumentException(at + "prices must be finite and > 0");
        }
        if (!(Double.isFinite(c.volume()) && c.volume() >= 0)) {
            throw new IllegalArgumentException(at + "volume must be finite and >= 0");
        }
        if (c.high() < Math.max(Math.max(c.open(), c.close()), c.low()) || c.low() > Math.min(c.open(), c.close())) {
            throw new IllegalArgumentException(at + "high/low do not enclose open and close");
        }
    }

    private static boolean positive(double v) {
        return Double.isFinite(v) && v > 0;
    }

    /** Feed text in an error message: short, and nothing but letters and digits, so logs stay clean. */
    private static String quote(String s) {
        String shown = s.length() > 16 ? s.substring(0, 16) + "…" : s;
        return "'" + shown.replaceAll("[^A-Za-z0-9…]", "?") + "'";
    }
}
