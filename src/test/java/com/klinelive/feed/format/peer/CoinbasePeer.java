package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Coinbase Exchange as docs.cdp.coinbase.com shows it: a {@code subscriptions} answer, {@code match} messages,
 * candles as JSON numbers in seconds newest first, trades newest first paged with {@code after}, and products.
 */
public final class CoinbasePeer implements PeerDialect {

    @Override
    public Reply onText(String text, String symbol) {
        if (text.equals("{\"type\":\"subscribe\",\"product_ids\":[\"" + symbol + "\"],\"channels\":[\"matches\"]}")) {
            return new Reply(
                    List.of("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\",\"product_ids\":[\""
                            + symbol + "\"]}]}"),
                    true);
        }
        return new Reply(List.of("{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"bad\"}"), false);
    }

    @Override
    public String trade(TradeTape.Trade t, String symbol) {
        return "{\"type\":\"match\",\"trade_id\":" + t.id() + ",\"sequence\":" + (t.id() * 5)
                + ",\"maker_order_id\":\"ac928c66\",\"taker_order_id\":\"132fb6ae\",\"time\":\""
                + Instant.ofEpochMilli(t.time()) + "\",\"product_id\":\"" + symbol + "\",\"size\":\"" + t.size()
                + "\",\"price\":\"" + t.price() + "\",\"side\":\"sell\"}";
    }

    @Override
    public Answer rest(String path, Map<String, String> q, Market market) {
        String product = "/products/" + market.symbol();
        if (path.equals(product + "/candles")) {
            Timeframe tf = PeerText.byMillis(Long.parseLong(q.get("granularity")) * 1000);
            long start = Instant.parse(q.get("start")).toEpochMilli();
            long end = Instant.parse(q.get("end")).toEpochMilli();
            List<Candle> rows =
                    PeerText.newestFirst(market.candles(tf), c -> c.time() >= start && c.time() <= end, 300);
            return Answer.json(PeerText.array(
                    rows,
                    c -> "[" + c.time() / 1000 + "," + PeerText.dec(c.low()) + ","
                            + PeerText.dec(c.high()) + "," + PeerText.dec(c.open()) + "," + PeerText.dec(c.close())
                            + ","
                            + PeerText.dec(c.volume()) + "]"));
        }
        if (path.equals(product + "/trades")) {
            long after = PeerText.longOr(q.get("after"), Long.MAX_VALUE);
            int limit = PeerText.intOr(q.get("limit"), 1000);
            List<TradeTape.Trade> rows = PeerText.newestFirst(market.published(), t -> t.id() < after, limit);
            String cursor = rows.isEmpty()
                    ? ""
                    : Long.toString(rows.get(rows.size() - 1).id());
            return new Answer(
                    200,
                    PeerText.array(
                            rows,
                            t -> "{\"time\":\"" + Instant.ofEpochMilli(t.time()) + "\",\"trade_id\":"
                                    + t.id() + ",\"price\":\"" + t.price() + "\",\"size\":\"" + t.size()
                                    + "\",\"side\":\"sell\"}"),
                    Map.of("CB-AFTER", cursor));
        }
        if (path.equals("/products")) {
            return Answer.json("[{\"id\":\"" + market.symbol() + "\",\"status\":\"online\",\"trading_disabled\":false},"
                    + "{\"id\":\"OLD-USD\",\"status\":\"delisted\",\"trading_disabled\":true}]");
        }
        return null;
    }
}
