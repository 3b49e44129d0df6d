package com.klinelive.feed.format.peer;

import static com.klinelive.feed.format.peer.PeerText.array;
import static com.klinelive.feed.format.peer.PeerText.dec;
import static com.klinelive.feed.format.peer.PeerText.quoted;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.Map;

/**
 * Binance as binance-spot-api-docs and the USDⓈ-M futures docs show it: streams named in the URL ({@code trade}
 * events on spot, {@code aggTrade} on futures, where each tape trade is one aggregate trade), klines, aggTrades,
 * historicalTrades and exchangeInfo, with the used-weight header on every answer.
 */
public final class BinancePeer implements PeerDialect {

    private final boolean futures;
    private final String prefix;

    private BinancePeer(boolean futures) {
        this.futures = futures;
        this.prefix = futures ? "/fapi/v1" : "/api/v3";
    }

    public static BinancePeer spot() {
        return new BinancePeer(false);
    }

    public static BinancePeer usdmFutures() {
        return new BinancePeer(true);
    }

    @Override
    public boolean subscribedByUrl() {
        return true;
    }

    @Override
    public Reply onText(String text, String symbol) {
        return new Reply(List.of("{\"code\":2,\"msg\":\"Invalid request: unknown request\"}"), false);
    }

    @Override
    public String trade(TradeTape.Trade t, String symbol) {
        if (futures) {
            return "{\"e\":\"aggTrade\",\"E\":" + (t.time() + 2) + ",\"s\":\"" + symbol + "\",\"a\":" + t.id()
                    + ",\"p\":\"" + t.price() + "\",\"q\":\"" + t.size() + "\",\"f\":" + (t.id() * 3) + ",\"l\":"
                    + (t.id() * 3 + 2) + ",\"T\":" + t.time() + ",\"m\":true}";
        }
        return "{\"e\":\"trade\",\"E\":" + (t.time() + 2) + ",\"s\":\"" + symbol + "\",\"t\":" + t.id() + ",\"p\":\""
                + t.price() + "\",\"q\":\"" + t.size() + "\",\"T\":" + t.time() + ",\"m\":true,\"M\":true}";
    }

    @Override
    public Answer rest(String path, Map<String, String> q, Market market) {
        if (!path.startsWith(prefix)) {
            return null;
        }
        Map<String, String> weight = Map.of("X-MBX-USED-WEIGHT-1M", "12");
        switch (path.substring(prefix.length())) {
            case "/klines" -> {
                Timeframe tf = Timeframe.fromLabel(q.get("interval")).orElseThrow();
                long end = PeerText.longOr(q.get("endTime"), Long.MAX_VALUE);
                int limit = PeerText.intOr(q.get("limit"), 500);
                List<Candle> rows =
                        PeerText.reversed(PeerText.newestFirst(market.candles(tf), c -> c.time() <= end, limit));
                return new Answer(
                        200,
                        array(
                                rows,
                                c -> "[" + c.time() + "," + quoted(dec(c.open())) + "," + quoted(dec(c.high()))
                                        + "," + quoted(dec(c.low())) + "," + quoted(dec(c.close())) + ","
                                        + quoted(dec(c.volume())) + "," + (c.time() + tf.millis() - 1) + ",\"0\","
                                        + c.trades() + ",\"0\",\"0\",\"0\"]"),
                        weight);
            }
            case "/aggTrades" -> {
                long from = PeerText.longOr(q.get("fromId"), -1);
                long start = PeerText.longOr(q.get("startTime"), -1);
                int limit = PeerText.intOr(q.get("limit"), 500);
                List<TradeTape.Trade> rows =
                        PeerText.oldestFirst(market.published(), t -> t.id() >= from && t.time() >= start, limit);
                return new Answer(
                        200,
                        array(
                                rows,
                                t -> "{\"a\":" + t.id() + ",\"p\":\"" + t.price() + "\",\"q\":\"" + t.size()
                                        + "\",\"f\":" + t.id() + ",\"l\":" + t.id() + ",\"T\":" + t.time()
                                        + ",\"m\":true,\"M\":true}"),
                        weight);
            }
            case "/historicalTrades" -> {
                long from = PeerText.longOr(q.get("fromId"), 0);
                int limit = PeerText.intOr(q.get("limit"), 500);
                List<TradeTape.Trade> rows = PeerText.oldestFirst(market.published(), t -> t.id() >= from, limit);
                return new Answer(
                        200,
                        array(
                                rows,
                                t -> "{\"id\":" + t.id() + ",\"price\":\"" + t.price() + "\",\"qty\":\""
                                        + t.size() + "\",\"quoteQty\":\"0\",\"time\":" + t.time()
                                        + ",\"isBuyerMaker\":true,\"isBestMatch\":true}"),
                        weight);
            }
            case "/exchangeInfo" -> {
                return new Answer(
                        200,
                        "{\"timezone\":\"UTC\",\"serverTime\":" + System.currentTimeMillis() + ",\"rateLimits\":[],"
                                + "\"symbols\":[{\"symbol\":\"" + market.symbol() + "\",\"status\":\"TRADING\"},"
                                + "{\"symbol\":\"OLDUSDT\",\"status\":\"BREAK\"}]}",
                        weight);
            }
            default -> {
                return null;
            }
        }
    }
}
