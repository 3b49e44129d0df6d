package com.klinelive.feed.format.coinbase;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.feed.format.exchange.RestChecks;
import com.klinelive.feed.format.exchange.RestJson;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coinbase Exchange's public REST market data (docs.cdp.coinbase.com, "Exchange REST API": Get product candles,
 * Get product trades, Get all known trading pairs, Pagination), as requests and answers, without I/O. Candles are
 * {@code [time, low, high, open, close, volume]} in JSON numbers with the time in seconds, newest first, at most
 * 300; trades are newest first, paged backwards by trade id with {@code after}.
 */
public final class CoinbaseRest {

    /** The public API. */
    public static final URI DEFAULT_BASE = URI.create("https://api.exchange.coinbase.com");

    /** Most candles one request may cover. */
    public static final int MAX_CANDLES = 300;

    /** Most trades one page holds. */
    public static final int MAX_TRADES = 1000;

    /** The header naming the cursor of the next, older page of trades. */
    public static final String AFTER_HEADER = "CB-AFTER";

    /** The granularities Coinbase has, in seconds; our other timeframes are resampled from a finer one. */
    private static final Map<Timeframe, Integer> GRANULARITY =
            Map.of(Timeframe.M1, 60, Timeframe.M5, 300, Timeframe.M15, 900, Timeframe.H1, 3600, Timeframe.D1, 86400);

    private CoinbaseRest() {}

    /** Whether Coinbase has candles of exactly {@code timeframe}; 30m and 4h come from 15m and 1h. */
    public static boolean hasCandles(Timeframe timeframe) {
        return GRANULARITY.containsKey(timeframe);
    }

    /**
     * Candles of {@code timeframe} from {@code start} inclusive to {@code endExclusive} (epoch ms, whole buckets),
     * at most {@link #MAX_CANDLES} buckets.
     */
    public static URI candles(URI base, String productId, Timeframe timeframe, long start, long endExclusive) {
        Integer granularity = GRANULARITY.get(timeframe);
        if (granularity == null) {
            throw new IllegalArgumentException("Coinbase has no " + timeframe.label() + " candles");
        }
        if ((endExclusive - start) / timeframe.millis() > MAX_CANDLES) {
            throw new IllegalArgumentException("at most " + MAX_CANDLES + " candles a request");
        }
        // end is inclusive on the bucket start: the last bucket wanted starts one period before endExclusive.
        String query = "granularity=" + granularity + "&start=" + Instant.ofEpochMilli(start) + "&end="
                + Instant.ofEpochMilli(endExclusive - timeframe.millis());
        return uri(base, "/products/" + requireProductId(productId) + "/candles", query);
    }

    /** The newest trades, or with {@code afterId} &gt; 0 the page of trades older than that id. */
    public static URI trades(URI base, String productId, long afterId, int limit) {
        String query = "limit=" + Math.min(limit, MAX_TRADES) + (afterId > 0 ? "&after=" + afterId : "");
        return uri(base, "/products/" + requireProductId(productId) + "/trades", query);
    }

    /** All products. */
    public static URI products(URI base) {
        return uri(base, "/products", null);
    }

    /** Candles, oldest first; Coinbase has no trade count, so {@code trades} is 0. */
    public static List<Candle> parseCandles(String json, Timeframe timeframe) {
        List<Candle> candles =
                RestJson.read(json, "candles", reader -> RestJson.array(reader, "candles", CoinbaseRest::readCandle));
        return RestChecks.candles(candles, timeframe, true, "candles");
    }

    /** {@code [time, low, high, open, close, volume]}, time in seconds. */
    private static Candle readCandle(JsonReader reader) throws IOException {
        reader.beginArray();
        long time = RestJson.secondsToMillis(RestJson.integer(reader, "candle time"), "candle time");
        double low = RestJson.number(reader, "candle low");
        double high = RestJson.number(reader, "candle high");
        double open = RestJson.number(reader, "candle open");
        double close = RestJson.number(reader, "candle close");
        double volume = RestJson.number(reader, "candle volume");
        reader.endArray();
        return new Candle(time, open, high, low, close, volume, 0);
    }

    /**
     * Trades, {@code [{"time":"2020-03-20T00:36:59.860Z","trade_id":86327327,"price":"6225.32","size":"0.06",
     * "side":"sell"}]}, oldest first.
     */
    public static List<Tick> parseTrades(String json, String productId) {
        List<Tick> trades =
                RestJson.read(json, "trades", reader -> RestJson.array(reader, "trades", e -> readTrade(e, productId)));
        return RestChecks.trades(trades, true, "trades");
    }

    /** The ids of products whose {@code status} is {@code online} and trading is not disabled. */
    public static List<String> parseProducts(String json) {
        return RestJson.read(json, "products", reader -> {
            List<String> ids = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                RestChecks.countOne(ids, "products");
                String id = readProduct(reader);
                if (id != null) {
                    ids.add(id);
                }
            }
            reader.endArray();
            return ids;
        });
    }

    /** An error answer's text, {@code {"message":"NotFound"}}, or why the body is not one. */
    public static String errorText(String body) {
        try {
            return RestJson.read(body, "error", reader -> {
                String message = null;
                reader.beginObject();
                while (reader.hasNext()) {
                    if (reader.nextName().equals("message") && reader.peek() == JsonToken.STRING) {
                        message = reader.nextString();
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
                if (message == null) {
                    throw new RestAnswerException("no message");
                }
                return message;
            });
        } catch (RestAnswerException e) {
            return e.getMessage();
        }
    }

    private static Tick readTrade(JsonReader reader, String productId) throws IOException {
        long id = -1;
        long time = Long.MIN_VALUE;
        double price = Double.NaN;
        double size = Double.NaN;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "trade_id" -> id = RestJson.integer(reader, "trade_id");
                case "price" -> price = RestJson.decimalString(reader, "price");
                case "size" -> size = RestJson.decimalString(reader, "size");
                case "time" -> time = instant(RestJson.string(reader, "time"));
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (id == -1 || time == Long.MIN_VALUE || Double.isNaN(price) || Double.isNaN(size)) {
            throw new RestAnswerException("trades: trade_id, time, price and size are required");
        }
        return RestChecks.trade(productId, id, time, price, size, "trades");
    }

    private static String readProduct(JsonReader reader) throws IOException {
        String id = null;
        String status = null;
        boolean disabled = false;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals("id")) {
                id = RestJson.string(reader, "id");
            } else if (name.equals("status")) {
                status = RestJson.string(reader, "status");
            } else if (name.equals("trading_disabled") && reader.peek() == JsonToken.BOOLEAN) {
                disabled = reader.nextBoolean();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        if (id == null || id.isEmpty() || id.length() > 64) {
            throw new RestAnswerException("products: a product without a valid id");
        }
        return "online".equals(status) && !disabled ? id : null;
    }

    /** ISO-8601 with any fraction, truncated to milliseconds as the stream's times are. */
    private static long instant(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new RestAnswerException("trades: time is not an ISO-8601 instant", e);
        }
    }

    /** {@code BTC-USD}: letters and digits around one dash, nothing that would bend a URL path. */
    static String requireProductId(String id) {
        if (!id.matches("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}")) {
            throw new IllegalArgumentException("not a Coinbase product id: " + id);
        }
        return id;
    }

    private static URI uri(URI base, String path, String query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + (query == null ? "" : "?" + query));
    }
}
