package com.klinelive.feed.format.kraken;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.feed.format.exchange.RestChecks;
import com.klinelive.feed.format.exchange.RestJson;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kraken's public REST market data (docs.kraken.com, rest-api: Get OHLC Data, Get Recent Trades, Get Tradable
 * Asset Pairs), as requests and answers, without I/O. Requests carry {@code assetVersion=1}, so pairs are named
 * as on WebSocket v2 ({@code BTC/USD}) in requests and answers alike. Every answer is
 * {@code {"error":[],"result":{...}}}; a non-empty {@code error} ({@code EAPI:Rate limit exceeded}...) is Kraken
 * refusing. OHLC rows are oldest first, the last one still open; trades are oldest first with their
 * {@code trade_id} last in each row, paged forwards with {@code since}.
 */
public final class KrakenRest {

    /** The public API. */
    public static final URI DEFAULT_BASE = URI.create("https://api.kraken.com");

    /** Most OHLC rows Kraken keeps per interval. */
    public static final int MAX_CANDLES = 720;

    /** Most trades one request returns. */
    public static final int MAX_TRADES = 1000;

    private static final Map<Timeframe, Integer> INTERVAL_MINUTES = new EnumMap<>(Map.of(
            Timeframe.M1, 1,
            Timeframe.M5, 5,
            Timeframe.M15, 15,
            Timeframe.M30, 30,
            Timeframe.H1, 60,
            Timeframe.H4, 240,
            Timeframe.D1, 1440));

    private KrakenRest() {}

    /** Kraken's interval in minutes for {@code timeframe}, or empty (no seconds candles). */
    public static Optional<Integer> interval(Timeframe timeframe) {
        return Optional.ofNullable(INTERVAL_MINUTES.get(timeframe));
    }

    /** OHLC rows since {@code sinceMillis} (0 for Kraken's newest 720). */
    public static URI ohlc(URI base, String symbol, Timeframe timeframe, long sinceMillis) {
        int minutes = interval(timeframe)
                .orElseThrow(() -> new IllegalArgumentException("Kraken has no " + timeframe.label() + " OHLC"));
        String query = "pair=" + encode(requireSymbol(symbol)) + "&interval=" + minutes + "&assetVersion=1";
        if (sinceMillis > 0) {
            query += "&since=" + sinceMillis / 1000;
        }
        return uri(base, "/0/public/OHLC", query);
    }

    /** Trades since {@code sinceMillis} (epoch ms; 0 for the newest), at most {@code count}. */
    public static URI trades(URI base, String symbol, long sinceMillis, int count) {
        return tradesSince(base, symbol, sinceMillis > 0 ? Long.toString(sinceMillis / 1000) : null, count);
    }

    /**
     * Trades since {@code since} as Kraken takes it: seconds, or the {@code last} of a previous answer (a
     * nanosecond timestamp) to read on without a gap or an overlap; null for the newest.
     */
    public static URI tradesSince(URI base, String symbol, String since, int count) {
        String query =
                "pair=" + encode(requireSymbol(symbol)) + "&count=" + Math.min(count, MAX_TRADES) + "&assetVersion=1";
        if (since != null) {
            if (!since.matches("[0-9]{1,20}")) {
                throw new IllegalArgumentException("not a Kraken since: " + since);
            }
            query += "&since=" + since;
        }
        return uri(base, "/0/public/Trades", query);
    }

    /** All tradable pairs. */
    public static URI assetPairs(URI base) {
        return uri(base, "/0/public/AssetPairs", "assetVersion=1");
    }

    /**
     * OHLC {@code [time(s),"open","high","low","close","vwap","volume",count]}, oldest first, the open candle
     * last.
     */
    public static List<Candle> parseOhlc(String json, String symbol, Timeframe timeframe) {
        List<Candle> candles = readPairRows(json, "OHLC", symbol, reader -> {
            reader.beginArray();
            long time = RestJson.secondsToMillis(RestJson.integer(reader, "OHLC time"), "OHLC time");
            double open = RestJson.decimalString(reader, "OHLC open");
            double high = RestJson.decimalString(reader, "OHLC high");
            double low = RestJson.decimalString(reader, "OHLC low");
            double close = RestJson.decimalString(reader, "OHLC close");
            RestJson.decimalString(reader, "OHLC vwap");
            double volume = RestJson.decimalString(reader, "OHLC volume");
            long count = RestJson.integer(reader, "OHLC count");
            while (reader.hasNext()) {
                reader.skipValue();
            }
            reader.endArray();
            return new Candle(time, open, high, low, close, volume, count);
        });
        return RestChecks.candles(candles, timeframe, false, "OHLC");
    }

    /**
     * Trades {@code ["price","volume",time(s, fraction),"b|s","m|l","misc",trade_id]}, oldest first; the time is
     * truncated to milliseconds, as the stream's are.
     */
    public static List<Tick> parseTrades(String json, String symbol) {
        List<Tick> trades = readPairRows(json, "Trades", symbol, reader -> {
            reader.beginArray();
            double price = RestJson.decimalString(reader, "trade price");
            double volume = RestJson.decimalString(reader, "trade volume");
            long time = seconds(reader);
            RestJson.string(reader, "trade side");
            RestJson.string(reader, "trade type");
            RestJson.string(reader, "trade misc");
            long id = RestJson.integer(reader, "trade_id");
            while (reader.hasNext()) {
                reader.skipValue();
            }
            reader.endArray();
            return RestChecks.trade(symbol, id, time, price, volume, "Trades");
        });
        return RestChecks.trades(trades, false, "Trades");
    }

    /** The {@code last} of a Trades answer: what to pass as {@code since} for the next page. */
    public static String parseLast(String json) {
        return readResult(json, "Trades", reader -> {
            String last = null;
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("last")) {
                    last = reader.peek() == JsonToken.NUMBER
                            ? Long.toString(RestJson.integer(reader, "last"))
                            : RestJson.string(reader, "last");
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (last == null || !last.matches("[0-9]{1,20}")) {
                throw new RestAnswerException("Trades: no valid last");
            }
            return last;
        });
    }

    /** The names of pairs whose {@code status} is {@code online}, as v2 names them ({@code BTC/USD}). */
    public static List<String> parseAssetPairs(String json) {
        return readResult(json, "AssetPairs", reader -> {
            List<String> pairs = new ArrayList<>();
            reader.beginObject();
            while (reader.hasNext()) {
                RestChecks.countOne(pairs, "AssetPairs");
                String name = reader.nextName();
                String status = null;
                reader.beginObject();
                while (reader.hasNext()) {
                    if (reader.nextName().equals("status")) {
                        status = RestJson.string(reader, "status");
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
                if ("online".equals(status) && name.contains("/")) {
                    pairs.add(name);
                }
            }
            reader.endObject();
            return pairs;
        });
    }

    /** {@code BTC/USD}: letters and digits around one slash. */
    static String requireSymbol(String symbol) {
        if (!symbol.matches("[A-Z0-9]{1,20}/[A-Z0-9]{1,20}")) {
            throw new IllegalArgumentException("not a Kraken v2 pair: " + symbol);
        }
        return symbol;
    }

    /** The rows of {@code result[symbol]}; {@code last} and other keys are skipped. */
    private static <T> List<T> readPairRows(String json, String what, String symbol, RestJson.Body<T> row) {
        return readResult(json, what, reader -> {
            List<T> rows = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (name.equals(symbol) && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    rows = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        RestChecks.countOne(rows, what);
                        rows.add(row.read(reader));
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (rows == null) {
                throw new RestAnswerException(what + ": no rows for " + symbol);
            }
            return rows;
        });
    }

    private static <T> T readResult(String json, String what, RestJson.Body<T> result) {
        return RestJson.read(json, what, reader -> {
            List<String> errors = new ArrayList<>();
            T value = null;
            boolean hasResult = false;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "error" -> {
                        reader.beginArray();
                        while (reader.hasNext() && errors.size() < 8) {
                            errors.add(RestJson.string(reader, "error"));
                        }
                        while (reader.hasNext()) {
                            reader.skipValue();
                        }
                        reader.endArray();
                    }
                    case "result" -> {
                        hasResult = true;
                        value = result.read(reader);
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (!errors.isEmpty()) {
                throw new RestAnswerException(what + ": Kraken refused: " + String.join(", ", errors));
            }
            if (!hasResult) {
                throw new RestAnswerException(what + ": no result");
            }
            return value;
        });
    }

    private static long seconds(JsonReader reader) throws IOException {
        RestJson.expect(reader, JsonToken.NUMBER, "trade time");
        String text = reader.nextString();
        // Bounded digits before BigDecimal: an exponent such as 1e999999999 would expand to a billion digits.
        if (!text.matches("[0-9]{1,12}(\\.[0-9]{1,12})?")) {
            throw new RestAnswerException("Trades: trade time is not seconds since the epoch");
        }
        try {
            return new BigDecimal(text)
                    .movePointRight(3)
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new RestAnswerException("Trades: trade time is not seconds since the epoch", e);
        }
    }

    private static URI uri(URI base, String path, String query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
