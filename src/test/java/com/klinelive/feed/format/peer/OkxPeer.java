package com.klinelive.feed.format.peer;

import static com.klinelive.feed.format.peer.PeerText.array;
import static com.klinelive.feed.format.peer.PeerText.dec;
import static com.klinelive.feed.format.peer.PeerText.quoted;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.Map;

/** OKX v5 as okx.com/docs-v5 shows it: trades-all pushes, events, the text pong, and the market REST API. */
public final class OkxPeer implements PeerDialect {

    private static final Map<String, Timeframe> BARS = Map.of(
            "1s",
            Timeframe.S1,
            "1m",
            Timeframe.M1,
            "5m",
            Timeframe.M5,
            "15m",
            Timeframe.M15,
            "30m",
            Timeframe.M30,
            "1H",
            Timeframe.H1,
            "4H",
            Timeframe.H4,
            "1Dutc",
            Timeframe.D1);

    @Override
    public Reply onText(String text, String symbol) {
        if (text.equals("ping")) {
            return new Reply(List.of("pong"), false);
        }
        String arg = "{\"channel\":\"trades-all\",\"instId\":\"" + symbol + "\"}";
        if (text.equals("{\"op\":\"subscribe\",\"args\":[" + arg + "]}")) {
            return new Reply(List.of("{\"event\":\"subscribe\",\"arg\":" + arg + ",\"connId\":\"a4d3ae55\"}"), true);
        }
        return new Reply(
                List.of("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel:trades-all, instId:"
                        + " doesn't exist.\",\"connId\":\"a4d3ae55\"}"),
                false);
    }

    @Override
    public String trade(TradeTape.Trade t, String symbol) {
        return "{\"arg\":{\"channel\":\"trades-all\",\"instId\":\"" + symbol + "\"},\"data\":[{\"instId\":\"" + symbol
                + "\",\"tradeId\":\"" + t.id() + "\",\"px\":\"" + t.price() + "\",\"sz\":\"" + t.size()
                + "\",\"side\":\"buy\",\"source\":\"0\",\"ts\":\"" + t.time() + "\"}]}";
    }

    @Override
    public Answer rest(String path, Map<String, String> q, Market market) {
        switch (path) {
            case "/api/v5/market/candles", "/api/v5/market/history-candles" -> {
                Timeframe tf = BARS.get(q.get("bar"));
                if (tf == null || !market.symbol().equals(q.get("instId"))) {
                    return data("51000", "Parameter bar error", "[]");
                }
                long after = PeerText.longOr(q.get("after"), Long.MAX_VALUE);
                int max = path.endsWith("history-candles") ? 100 : 300;
                int limit = Math.min(max, PeerText.intOr(q.get("limit"), 100));
                List<Candle> rows = PeerText.newestFirst(market.candles(tf), c -> c.time() < after, limit);
                return data(
                        "0",
                        "",
                        array(
                                rows,
                                c -> "[" + quoted(Long.toString(c.time())) + ","
                                        + quoted(dec(c.open())) + "," + quoted(dec(c.high())) + ","
                                        + quoted(dec(c.low())) + ","
                                        + quoted(dec(c.close())) + "," + quoted(dec(c.volume()))
                                        + ",\"0\",\"0\",\"1\"]"));
            }
            case "/api/v5/market/history-trades" -> {
                long after = PeerText.longOr(q.get("after"), Long.MAX_VALUE);
                int limit = Math.min(100, PeerText.intOr(q.get("limit"), 100));
                List<TradeTape.Trade> rows = PeerText.newestFirst(market.published(), t -> t.id() < after, limit);
                return data(
                        "0",
                        "",
                        array(
                                rows,
                                t -> "{\"instId\":\"" + market.symbol() + "\",\"side\":\"sell\","
                                        + "\"sz\":\"" + t.size() + "\",\"px\":\"" + t.price() + "\",\"tradeId\":\""
                                        + t.id()
                                        + "\",\"ts\":\"" + t.time() + "\"}"));
            }
            case "/api/v5/public/instruments" -> {
                return data(
                        "0",
                        "",
                        "[{\"instType\":\"SPOT\",\"instId\":\"" + market.symbol()
                                + "\",\"state\":\"live\"},{\"instType\":\"SPOT\",\"instId\":\"OLD-USDT\",\"state\":\"suspend\"}]");
            }
            default -> {
                return null;
            }
        }
    }

    private static Answer data(String code, String msg, String data) {
        return Answer.json("{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"data\":" + data + "}");
    }
}
