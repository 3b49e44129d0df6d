package com.klinelive.feed.format.binance;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance's public REST market data, as requests to make and answers to read, without doing any I/O: klines,
 * aggregate trades by id or time, trades by id ({@code historicalTrades}) and the symbol list
 * ({@code exchangeInfo}). Spot and USDⓈ-M futures answer in the same layout (rest-api.md "Market Data endpoints";
 * developers.binance.com "usds-margined-futures/market-data/rest-api").
 */
public final class BinanceRest {

    /** The used request weight of the current minute, on every answer (rest-api.md "IP Limits"). */
    public static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

    /** Most aggregate trades or trades one request returns. */
    public static final int MAX_TRADES = 1000;

    private BinanceRest() {}

    /**
     * Klines of {@code symbol} opening before {@code endExclusive} (epoch ms), the newest {@code limit}; pass
     * {@link Long#MAX_VALUE} for the newest of all.
     */
    public static URI klines(
            URI base, BinanceMarket market, String symbol, Timeframe tf, long endExclusive, int limit) {
        if (!market.hasKlines(tf)) {
            throw new IllegalArgumentException(market + " has no " + tf.label() + " klines");
        }
        String query = "symbol=" + encode(symbol) + "&interval=" + tf.label() + "&limit="
                + Math.min(limit, market.maxKlines());
        if (endExclusive != Long.MAX_VALUE) {
            query += "&endTime=" + (endExclusive - 1);
        }
        return uri(base, market, "/klines", query);
    }

    /** Aggregate trades from id {@code fromId} inclusive, oldest first. */
    public static URI aggTradesFromId(URI base, BinanceMarket market, String symbol, long fromId, int limit) {
        return uri(
                base,
                market,
                "/aggTrades",
                "symbol=" + encode(symbol) + "&fromId=" + fromId + "&limit=" + Math.min(limit, MAX_TRADES));
    }

    /** Aggregate trades from {@code startTime} (epoch ms) inclusive, oldest first: the first of a candle. */
    public static URI aggTradesFromTime(URI base, BinanceMarket market, String symbol, long startTime, int limit) {
        return uri(
                base,
                market,
                "/aggTrades",
                "symbol=" + encode(symbol) + "&startTime=" + startTime + "&limit=" + Math.min(limit, MAX_TRADES));
    }

    /** Trades from trade id {@code fromId} inclusive (spot {@code historicalTrades}, for {@code @trade} streams). */
    public static URI tradesFromId(URI base, String symbol, long fromId, int limit) {
        return uri(
                base,
                BinanceMarket.SPOT,
                "/historicalTrades",
                "symbol=" + encode(symbol) + "&fromId=" + fromId + "&limit=" + Math.min(limit, MAX_TRADES));
    }

    /** The market's symbols and their status. */
    public static URI exchangeInfo(URI base, BinanceMarket market) {
        return uri(base, market, "/exchangeInfo", null);
    }

    /**
     * Klines, {@code [[openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,...]]},
     * oldest first, checked and aligned to {@code timeframe}.
     */
    public static List<Candle> parseKlines(String json, Timeframe timeframe) {
        List<Candle> candles =
                RestJson.read(json, "klines", reader -> RestJson.array(reader, "klines", e -> readKline(e)));
        return RestChecks.candles(candles, timeframe, false, "klines");
    }

    /**
     * Aggregate trades, {@code [{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,"T":...}]}, as
     * ticks with the aggregate id as the sequence, oldest first.
     */
    public static List<Tick> parseAggTrades(String json, String symbol) {
        List<Tick> trades = RestJson.read(
                json, "aggTrades", reader -> RestJson.array(reader, "aggTrades", e -> readAggTrade(e, symbol)));
        return RestChecks.trades(trades, false, "aggTrades");
    }

    /**
     * The first trade id ({@code f}) of the first aggregate trade in an {@code aggTrades} answer: where the trades
     * from a time start, for streams numbered by trade id. Empty when the answer holds no aggregate trade.
     */
    public static java.util.OptionalLong parseFirstTradeId(String json) {
        return RestJson.read(json, "aggTrades", reader -> {
            java.util.OptionalLong first = java.util.OptionalLong.empty();
            reader.beginArray();
            while (reader.hasNext()) {
                reader.beginObject();
                while (reader.hasNext()) {
                    if (reader.nextName().equals("f") && first.isEmpty()) {
                        long id = RestJson.integer(reader, "f");
                        if (id < 0) {
                            throw new RestAnswerException("aggTrades: f must be >= 0");
                        }
                        first = java.util.OptionalLong.of(id);
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
            }
            reader.endArray();
            return first;
        });
    }

    /** Trades, {@code [{"id":28457,"price":"4.00000100","qty":"12.00000000","time":...}]}, oldest first. */
    public static List<Tick> parseTrades(String json, String symbol) {
        List<Tick> trades =
                RestJson.read(json, "trades", reader -> RestJson.array(reader, "trades", e -> readTrade(e, symbol)));
        return RestChecks.trades(trades, false, "trades");
    }

    /** The symbols of {@code exchangeInfo} whose {@code status} is {@code TRADING}, in the answer's order. */
    public static List<String> parseSymbols(String json) {
        return RestJson.read(json, "exchangeInfo", reader -> {
            List<String> symbols = new ArrayList<>();
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("symbols")) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        RestChecks.countOne(symbols, "exchangeInfo");
                        String symbol = readSymbol(reader);
                        if (symbol != null) {
                            symbols.add(symbol);
                        }
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            return symbols;
        });
    }

    /**
     * An error answer's text, {@code {"code":-1121,"msg":"Invalid symbol."}}, for a status line; the whole body
     * when it is not of that shape (shortened).
     */
    public static String errorText(String body) {
        try {
            return RestJson.read(body, "error", reader -> {
                String msg = null;
                String code = null;
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (name.equals("msg") && reader.peek() == JsonToken.STRING) {
                        msg = reader.nextString();
                    } else if (name.equals("code") && reader.peek() == JsonToken.NUMBER) {
                        code = reader.nextString();
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
                if (msg == null) {
                    throw new RestAnswerException("no msg");
                }
                return code == null ? msg : msg + " (" + code + ")";
            });
        } catch (RestAnswerException e) {
            return e.getMessage();
        }
    }

    private static Candle readKline(JsonReader reader) throws IOException {
        reader.beginArray();
        long openTime = RestJson.integer(reader, "kline open time");
        double open = RestJson.decimalString(reader, "kline open");
        double high = RestJson.decimalString(reader, "kline high");
        double low = RestJson.decimalString(reader, "kline low");
        double close = RestJson.decimalString(reader, "kline close");
        double volume = RestJson.decimalString(reader, "kline volume");
        RestJson.integer(reader, "kline close time");
        RestJson.decimalString(reader, "kline quote volume");
        long trades = RestJson.integer(reader, "kline trades");
        while (reader.hasNext()) {
            reader.skipValue();
        }
        reader.endArray();
        return new Candle(openTime, open, high, low, close, volume, trades);
    }

    private static Tick readAggTrade(JsonReader reader, String symbol) throws IOException {
        long id = -1;
        long time = Long.MIN_VALUE;
        double price = Double.NaN;
        double size = Double.NaN;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "a" -> id = RestJson.integer(reader, "a");
                case "p" -> price = RestJson.decimalString(reader, "p");
                case "q" -> size = RestJson.decimalString(reader, "q");
                case "T" -> time = RestJson.integer(reader, "T");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        requireAll(id, time, price, size, "aggTrades: a, p, q and T");
        return RestChecks.trade(symbol, id, time, price, size, "aggTrades");
    }

    private static Tick readTrade(JsonReader reader, String symbol) throws IOException {
        long id = -1;
        long time = Long.MIN_VALUE;
        double price = Double.NaN;
        double size = Double.NaN;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "id" -> id = RestJson.integer(reader, "id");
                case "price" -> price = RestJson.decimalString(reader, "price");
                case "qty" -> size = RestJson.decimalString(reader, "qty");
                case "time" -> time = RestJson.integer(reader, "time");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        requireAll(id, time, price, size, "trades: id, price, qty and time");
        return RestChecks.trade(symbol, id, time, price, size, "trades");
    }

    private static String readSymbol(JsonReader reader) throws IOException {
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
            throw new RestAnswerException("exchangeInfo: a symbol without a valid name");
        }
        return "TRADING".equals(status) ? symbol : null;
    }

    static void requireAll(long id, long time, double price, double size, String fields) {
        if (id == -1 || time == Long.MIN_VALUE || Double.isNaN(price) || Double.isNaN(size)) {
            throw new RestAnswerException(fields + " are required");
        }
    }

    private static URI uri(URI base, BinanceMarket market, String endpoint, String query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + market.restPath() + endpoint + (query == null ? "" : "?" + query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
