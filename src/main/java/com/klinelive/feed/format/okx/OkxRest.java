package com.klinelive.feed.format.okx;

import com.google.gson.stream.JsonReader;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.feed.format.exchange.RestChecks;
import com.klinelive.feed.format.exchange.RestJson;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OKX v5 public REST market data (okx.com/docs-v5/en, "Market Data": Get candlesticks, Get candlesticks history,
 * Get trades history; "Public Data": Get instruments), as requests and answers, without I/O. Every answer is
 * {@code {"code":"0","msg":"","data":[...]}}; another code is the exchange refusing, with its {@code msg}.
 * Candles and trades come newest first, numbers as strings; pages go back in time with {@code after}.
 */
public final class OkxRest {

    /** The public API. */
    public static final URI DEFAULT_BASE = URI.create("https://www.okx.com");

    /** Most candles one {@code candles} request (the newest, open one included) returns. */
    public static final int MAX_RECENT_CANDLES = 300;

    /** Most candles one {@code history-candles} request (older pages) returns. */
    public static final int MAX_CANDLES = 100;

    /** Most trades one {@code history-trades} request returns. */
    public static final int MAX_TRADES = 100;

    /** OKX's "Too Many Requests" code, sent with HTTP 429. */
    public static final String RATE_LIMITED_CODE = "50011";

    /**
     * OKX's bar names. A day must be {@code 1Dutc}: {@code 1D} days start at 00:00 Hong Kong time. 5s and 15s do
     * not exist (resampled from 1s).
     */
    private static final Map<Timeframe, String> BARS = new EnumMap<>(Map.of(
            Timeframe.S1, "1s",
            Timeframe.M1, "1m",
            Timeframe.M5, "5m",
            Timeframe.M15, "15m",
            Timeframe.M30, "30m",
            Timeframe.H1, "1H",
            Timeframe.H4, "4H",
            Timeframe.D1, "1Dutc"));

    private OkxRest() {}

    /** The bar name of {@code timeframe}, or empty when OKX has none. */
    public static Optional<String> bar(Timeframe timeframe) {
        return Optional.ofNullable(BARS.get(timeframe));
    }

    /**
     * Candles opening before {@code endExclusive} (epoch ms), the newest {@code limit}; with
     * {@link Long#MAX_VALUE} the newest of all from {@code candles}, the open one included, else an older page
     * from {@code history-candles}.
     */
    public static URI candles(URI base, String instId, Timeframe timeframe, long endExclusive, int limit) {
        String bar = bar(timeframe)
                .orElseThrow(() -> new IllegalArgumentException("OKX has no " + timeframe.label() + " candles"));
        String query = "instId=" + requireInstId(instId) + "&bar=" + bar;
        if (endExclusive == Long.MAX_VALUE) {
            return uri(base, "/api/v5/market/candles", query + "&limit=" + Math.min(limit, MAX_RECENT_CANDLES));
        }
        query += "&after=" + endExclusive + "&limit=" + Math.min(limit, MAX_CANDLES);
        return uri(base, "/api/v5/market/history-candles", query);
    }

    /** Trades with ids below {@code beforeId} (exclusive), the newest {@code limit}, paged by trade id. */
    public static URI tradesBefore(URI base, String instId, long beforeId, int limit) {
        return uri(
                base,
                "/api/v5/market/history-trades",
                "instId=" + requireInstId(instId) + "&type=1&after=" + beforeId + "&limit="
                        + Math.min(limit, MAX_TRADES));
    }

    /** The newest trades. */
    public static URI latestTrades(URI base, String instId, int limit) {
        return uri(
                base,
                "/api/v5/market/history-trades",
                "instId=" + requireInstId(instId) + "&limit=" + Math.min(limit, MAX_TRADES));
    }

    /** Spot instruments. */
    public static URI instruments(URI base) {
        return uri(base, "/api/v5/public/instruments", "instType=SPOT");
    }

    /**
     * Candles {@code [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]}, oldest first; OKX has no trade count, so
     * {@code trades} is 0.
     */
    public static List<Candle> parseCandles(String json, Timeframe timeframe) {
        List<Candle> candles = readData(json, "candles", reader -> {
            reader.beginArray();
            long time = RestJson.integerString(reader, "candle ts");
            double open = RestJson.decimalString(reader, "candle o");
            double high = RestJson.decimalString(reader, "candle h");
            double low = RestJson.decimalString(reader, "candle l");
            double close = RestJson.decimalString(reader, "candle c");
            double volume = RestJson.decimalString(reader, "candle vol");
            while (reader.hasNext()) {
                reader.skipValue();
            }
            reader.endArray();
            return new Candle(time, open, high, low, close, volume, 0);
        });
        return RestChecks.candles(candles, timeframe, true, "candles");
    }

    /** Trades {@code {"instId","side","sz","px","tradeId","ts"}}, oldest first. */
    public static List<Tick> parseTrades(String json, String instId) {
        List<Tick> trades = readData(json, "trades", reader -> readTrade(reader, instId));
        return RestChecks.trades(trades, true, "trades");
    }

    /** The {@code instId}s whose {@code state} is {@code live}. */
    public static List<String> parseInstruments(String json) {
        List<String> all = readData(json, "instruments", reader -> {
            String id = null;
            String state = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "instId" -> id = RestJson.string(reader, "instId");
                    case "state" -> state = RestJson.string(reader, "state");
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (id == null || id.isEmpty() || id.length() > 64) {
                throw new RestAnswerException("instruments: an instrument without a valid instId");
            }
            return "live".equals(state) ? id : "";
        });
        return all.stream().filter(id -> !id.isEmpty()).toList();
    }

    /** {@code BTC-USDT}: letters and digits around one or more dashes, nothing that would bend a URL. */
    static String requireInstId(String instId) {
        if (!instId.matches("[A-Z0-9]{1,20}(-[A-Z0-9]{1,20}){1,3}")) {
            throw new IllegalArgumentException("not an OKX instrument id: " + instId);
        }
        return instId;
    }

    private static <T> List<T> readData(String json, String what, RestJson.Body<T> element) {
        return RestJson.read(json, what, reader -> {
            String code = null;
            String msg = "";
            List<T> data = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "code" -> code = RestJson.string(reader, "code");
                    case "msg" -> msg = RestJson.string(reader, "msg");
                    case "data" -> {
                        data = new ArrayList<>();
                        reader.beginArray();
                        while (reader.hasNext()) {
                            RestChecks.countOne(data, what);
                            data.add(element.read(reader));
                        }
                        reader.endArray();
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (code == null) {
                throw new RestAnswerException(what + ": no code");
            }
            if (!code.equals("0")) {
                throw new RestAnswerException(what + ": OKX refused: " + msg + " (" + code + ")");
            }
            if (data == null) {
                throw new RestAnswerException(what + ": no data");
            }
            return data;
        });
    }

    private static Tick readTrade(JsonReader reader, String instId) throws IOException {
        long id = -1;
        long time = Long.MIN_VALUE;
        double price = Double.NaN;
        double size = Double.NaN;
        String inst = instId;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "tradeId" -> id = RestJson.integerString(reader, "tradeId");
                case "px" -> price = RestJson.decimalString(reader, "px");
                case "sz" -> size = RestJson.decimalString(reader, "sz");
                case "ts" -> time = RestJson.integerString(reader, "ts");
                case "instId" -> inst = RestJson.string(reader, "instId");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (id == -1 || time == Long.MIN_VALUE || Double.isNaN(price) || Double.isNaN(size)) {
            throw new RestAnswerException("trades: tradeId, px, sz and ts are required");
        }
        if (!inst.equals(instId)) {
            throw new RestAnswerException("trades: a trade of another instrument");
        }
        return RestChecks.trade(instId, id, time, price, size, "trades");
    }

    private static URI uri(URI base, String path, String query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + "?" + query);
    }
}
