package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.Map;

/**
 * Bybit v5 spot as bybit-exchange/docs shows it: {@code publicTrade} pushes, subscribe and ping replies, klines
 * newest first and the newest 60 recent trades; trade ids that grow but skip.
 */
public final class BybitPeer implements PeerDialect {

    private static final Map<String, Timeframe> INTERVALS = Map.of(
            "1",
            Timeframe.M1,
            "5",
            Timeframe.M5,
            "15",
            Timeframe.M15,
            "30",
            Timeframe.M30,
            "60",
            Timeframe.H1,
            "240",
            Timeframe.H4,
            "D",
            Timeframe.D1);

    @Override
    public Reply onText(String text, String symbol) {
        if (text.contains("\"op\":\"ping\"")) {
            return new Reply(
                    List.of("{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"0970e817\",\"op\":\"ping\"}"), false);
        }
        boolean ours = text.contains("\"op\":\"subscribe\"") && text.contains("\"publicTrade." + symbol + "\"");
        return new Reply(
                List.of("{\"success\":" + ours + ",\"ret_msg\":\"" + (ours ? "subscribe" : "error:handler not found")
                        + "\",\"conn_id\":\"2324d924\",\"req_id\":\"1\",\"op\":\"subscribe\"}"),
                ours);
    }

    @Override
    public String trade(TradeTape.Trade t, String symbol) {
        return "{\"topic\":\"publicTrade." + symbol + "\",\"type\":\"snapshot\",\"ts\":" + (t.time() + 3)
                + ",\"data\":[{\"T\":" + t.time() + ",\"s\":\"" + symbol + "\",\"S\":\"Buy\",\"v\":\"" + t.size()
                + "\",\"p\":\"" + t.price() + "\",\"i\":\"" + t.id() + "\",\"BT\":false,\"RPI\":false,\"seq\":"
                + t.id() * 3 + "}]}";
    }

    @Override
    public Answer rest(String path, Map<String, String> q, Market market) {
        switch (path) {
            case "/v5/market/kline" -> {
                Timeframe tf = INTERVALS.get(q.get("interval"));
                long end = PeerText.longOr(q.get("end"), Long.MAX_VALUE);
                int limit = PeerText.intOr(q.get("limit"), 200);
                List<Candle> rows = PeerText.newestFirst(market.candles(tf), c -> c.time() <= end, limit);
                return ok("{\"symbol\":\"" + market.symbol() + "\",\"category\":\"spot\",\"list\":"
                        + PeerText.array(
                                rows,
                                c -> "[\"" + c.time() + "\",\"" + PeerText.dec(c.open()) + "\",\""
                                        + PeerText.dec(c.high())
                                        + "\",\"" + PeerText.dec(c.low()) + "\",\"" + PeerText.dec(c.close()) + "\",\""
                                        + PeerText.dec(c.volume()) + "\",\"0\"]")
                        + "}");
            }
            case "/v5/market/recent-trade" -> {
                List<TradeTape.Trade> rows = PeerText.newestFirst(market.published(), t -> true, 60);
                return ok("{\"category\":\"spot\",\"list\":"
                        + PeerText.array(
                                rows,
                                t -> "{\"execId\":\"" + t.id()
                                        + "\",\"symbol\":\"" + market.symbol() + "\",\"price\":\"" + t.price()
                                        + "\",\"size\":\""
                                        + t.size() + "\",\"side\":\"Buy\",\"time\":\"" + t.time()
                                        + "\",\"isBlockTrade\":false,"
                                        + "\"isRPITrade\":false,\"seq\":\"" + t.id() * 3 + "\"}")
                        + "}");
            }
            case "/v5/market/instruments-info" -> {
                return ok("{\"category\":\"spot\",\"list\":[{\"symbol\":\"" + market.symbol()
                        + "\",\"status\":\"Trading\"}," + "{\"symbol\":\"OLDUSDT\",\"status\":\"Closed\"}]}");
            }
            default -> {
                return null;
            }
        }
    }

    private static Answer ok(String result) {
        return Answer.json("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":" + result + ",\"retExtInfo\":{},\"time\":"
                + System.currentTimeMillis() + "}");
    }
}
