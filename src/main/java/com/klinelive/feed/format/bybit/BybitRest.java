package com.klinelive.feed.format.bybit;

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
 * Bybit v5 public REST market data for spot (bybit-exchange/docs, v5/market: kline, recent-trade, instrument;
 * v5/rate-limit), as requests and answers, without I/O. Every answer is
 * {@code {"retCode":0,"retMsg":"OK","result":{...}}}; another code is Bybit refusing ({@code 10006}: too many
 * visits). Klines come newest first as strings; recent trades are the newest 60 only, with no paging, so Bybit
 * gaps are repaired from klines once the candles close, not from trades.
 */
public final class BybitRest {

    /** The public API. */
    public static final URI DEFAULT_BASE = URI.create("https://api.bybit.com");

    /** Most klines one request returns. */
    public static final int MAX_KLINES = 1000;

    /** Most recent trades a spot request returns. */
    public static final int MAX_SPOT_TRADES = 60;

    /** The retCode of "Too many visits!". */
    public static final int RATE_LIMITED_CODE = 10006;

    /** Bybit's interval names; seconds timeframes do not exist. */
    private static final Map<Timeframe, String> INTERVALS = new EnumMap<>(Map.of(
            Timeframe.M1, "1",
            Timeframe.M5, "5",
            Timeframe.M15, "15",
            Timeframe.M30, "30",
            Timeframe.H1, "60",
            Timeframe.H4, "240",
            Timeframe.D1, "D"));

    private BybitRest() {}

    /** Bybit's interval name of {@code timeframe}, or empty. */
    public static Optional<String> interval(Timeframe timeframe) {
        return Optional.ofNullable(INTERVALS.get(timeframe));
    }

    /** Klines opening before {@code endExclusive} (epoch ms), the newest {@code limit}; MAX_VALUE for newest. */
    public static URI klines(URI base, String symbol, Timeframe timeframe, long endExclusive, int limit) {
        String interval = interval(timeframe)
                .orElseThrow(() -> new IllegalArgumentException("Bybit has no " + timeframe.label() + " klines"));
        String query = "category=spot&symbol=" + requireSymbol(symbol) + "&interval=" + interval + "&limit="
                + Math.min(limit, MAX_KLINES);
        if (endExclusive != Long.MAX_VALUE) {
            query += "&end=" + (endExclusive - 1);
        }
        return uri(base, "/v5/market/kline", query);
    }

    /** The newest spot trades, at most 60. */
    public static URI recentTrades(URI base, String symbol) {
        return uri(
                base,
                "/v5/market/recent-trade",
                "category=spot&symbol=" + requireSymbol(symbol) + "&limit=" + MAX_SPOT_TRADES);
    }

    /** Spot instruments. */
    public static URI instruments(URI base) {
        return uri(base, "/v5/market/instruments-info", "category=spot");
    }

    /** Klines {@code [start,open,high,low,close,volume,turnover]}, oldest first; no trade count (0). */
    public static List<Candle> parseKlines(String json, Timeframe timeframe) {
        List<Candle> candles = readList(json, "kline", reader -> {
            reader.beginArray();
            long time = RestJson.integerString(reader, "kline start");
            double open = RestJson.decimalString(reader, "kline open");
            double high = RestJson.decimalString(reader, "kline high");
            double low = RestJson.decimalString(reader, "kline low");
            double close = RestJson.decimalString(reader, "kline close");
            double volume = RestJson.decimalString(reader, "kline volume");
            while (reader.hasNext()) {
                reader.skipValue();
            }
            reader.endArray();
            return new Candle(time, open, high, low, close, volume, 0);
        });
        return RestChecks.candles(candles, timeframe, true, "kline");
    }

    /** Recent trades {@code {"execId","symbol","price","size","side","time",...}}, oldest first. */
    public static List<Tick> parseTrades(String json, String symbol) {
        List<Tick> trades = readList(json, "recent-trade", reader -> readTrade(reader, symbol));
        return RestChecks.trades(trades, true, "recent-trade");
    }

    /** The symbols whose {@code status} is {@code Trading}. */
    public static List<String> parseInstruments(String json) {
        List<String> all = readList(json, "instruments-info", reader -> {
            String symbol = null;
            String status = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "symbol" -> symbol = RestJson.string(reader, "symbol");
                    case "status" -> status = RestJson.string(reader, "status");
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (symbol == null || symbol.isEmpty() || symbol.length() > 64) {
                throw new RestAnswerException("instruments-info: an instrument without a valid symbol");
            }
            return "Trading".equals(status) ? symbol : "";
        });
        return all.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** {@code BTCUSDT}: upper-case letters and digits, nothing that would bend a URL. */
    static String requireSymbol(String symbol) {
        if (!symbol.matches("[A-Z0-9]{2,40}")) {
            throw new IllegalArgumentException("not a Bybit symbol: " + symbol);
        }
        return symbol;
    }

    private static <T> List<T> readList(String json, String what, RestJson.Body<T> element) {
        return RestJson.read(json, what, reader -> {
            long code = Long.MIN_VALUE;
            String msg = "";
            List<T> list = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "retCode" -> code = RestJson.integer(reader, "retCode");
                    case "retMsg" -> msg = RestJson.string(reader, "retMsg");
                    case "result" -> list = readResult(reader, what, element);
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (code == Long.MIN_VALUE) {
                throw new RestAnswerException(what + ": no retCode");
            }
            if (code != 0) {
                throw new RestAnswerException(what + ": Bybit refused: " + msg + " (" + code + ")");
            }
            if (list == null) {
                throw new RestAnswerException(what + ": no result.list");
            }
            return list;
        });
    }

    private static <T> List<T> readResult(JsonReader reader, String what, RestJson.Body<T> element) throws IOException {
        List<T> list = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("list")) {
                list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    RestChecks.countOne(list, what);
                    list.add(element.read(reader));
                }
                reader.endArray();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return list;
    }

    private static Tick readTrade(JsonReader reader, String symbol) throws IOException {
        long id = -1;
        long time = Long.MIN_VALUE;
        double price = Double.NaN;
        double size = Double.NaN;
        String tradeSymbol = symbol;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "execId" -> id = RestJson.integerString(reader, "execId");
                case "price" -> price = RestJson.decimalString(reader, "price");
                case "size" -> size = RestJson.decimalString(reader, "size");
                case "time" -> time = RestJson.integerString(reader, "time");
                case "symbol" -> tradeSymbol = RestJson.string(reader, "symbol");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (id == -1 || time == Long.MIN_VALUE || Double.isNaN(price) || Double.isNaN(size)) {
            throw new RestAnswerException("recent-trade: execId, price, size and time are required");
        }
        if (!tradeSymbol.equals(symbol)) {
            throw new RestAnswerException("recent-trade: a trade of another symbol");
        }
        return RestChecks.trade(symbol, id, time, price, size, "recent-trade");
    }

    private static URI uri(URI base, String path, String query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + "?" + query);
    }
}
