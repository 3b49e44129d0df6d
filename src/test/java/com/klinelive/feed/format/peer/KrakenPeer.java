package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Kraken as docs.kraken.com shows it: a {@code status} message on connect, WebSocket v2 {@code trade} updates with
 * numbers as JSON numbers, subscribe acknowledgements, OHLC rows (the open one last) and Trades paged with
 * {@code since} and {@code last}.
 */
public final class KrakenPeer implements PeerDialect {

    @Override
    public List<String> onOpen() {
        return List.of(
                "{\"channel\":\"status\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":12393906104898154338,"
                        + "\"system\":\"online\",\"version\":\"2.0.0\"}],\"type\":\"update\"}");
    }

    @Override
    public Reply onText(String text, String symbol) {
        if (text.contains("\"method\":\"ping\"")) {
            return new Reply(
                    List.of("{\"method\":\"pong\",\"req_id\":1,\"time_in\":\"2023-09-24T14:10:23.799685Z\","
                            + "\"time_out\":\"2023-09-24T14:10:23.799703Z\"}"),
                    false);
        }
        if (text.startsWith("{\"method\":\"subscribe\"") && text.contains("[\"" + symbol + "\"]")) {
            return new Reply(
                    List.of(
                            "{\"method\":\"subscribe\",\"result\":{\"channel\":\"trade\",\"snapshot\":false,\"symbol\":\""
                                    + symbol + "\"},\"success\":true,\"time_in\":\"2023-09-25T09:04:31.742599Z\","
                                    + "\"time_out\":\"2023-09-25T09:04:31.742648Z\"}"),
                    true);
        }
        return new Reply(
                List.of("{\"error\":\"Currency pair not supported\",\"method\":\"subscribe\",\"success\":false,"
                        + "\"time_in\":\"2023-09-25T09:04:31.742599Z\",\"time_out\":\"2023-09-25T09:04:31.742648Z\"}"),
                false);
    }

    @Override
    public String trade(TradeTape.Trade t, String symbol) {
        return "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + symbol + "\",\"side\":\"sell\","
                + "\"price\":" + t.price() + ",\"qty\":" + t.size() + ",\"ord_type\":\"market\",\"trade_id\":" + t.id()
                + ",\"timestamp\":\"" + Instant.ofEpochMilli(t.time()) + "\"}]}";
    }

    @Override
    public Answer rest(String path, Map<String, String> q, Market market) {
        String symbol = market.symbol();
        switch (path) {
            case "/0/public/OHLC" -> {
                if (!symbol.equals(q.get("pair"))) {
                    return Answer.json("{\"error\":[\"EQuery:Unknown asset pair\"]}");
                }
                Timeframe tf = PeerText.byMillis(Long.parseLong(q.get("interval")) * 60_000);
                long since = PeerText.longOr(q.get("since"), 0) * 1000;
                List<Candle> rows = PeerText.oldestFirst(market.candles(tf), c -> c.time() >= since, 720);
                return Answer.json("{\"error\":[],\"result\":{\"" + symbol + "\":"
                        + PeerText.array(
                                rows,
                                c -> "["
                                        + c.time() / 1000 + ",\"" + PeerText.dec(c.open()) + "\",\""
                                        + PeerText.dec(c.high())
                                        + "\",\"" + PeerText.dec(c.low()) + "\",\"" + PeerText.dec(c.close())
                                        + "\",\"0\",\""
                                        + PeerText.dec(c.volume()) + "\"," + c.trades() + "]")
                        + ",\"last\":"
                        + (rows.isEmpty() ? 0 : rows.get(rows.size() - 1).time() / 1000) + "}}");
            }
            case "/0/public/Trades" -> {
                long since = PeerText.longOr(q.get("since"), 0);
                // Seconds, or the nanoseconds of a previous answer's last: trades strictly after it.
                long sinceNanos = since > 10_000_000_000L ? since : since * 1_000_000_000L - 1;
                int count = PeerText.intOr(q.get("count"), 1000);
                List<TradeTape.Trade> rows =
                        PeerText.oldestFirst(market.published(), t -> t.time() * 1_000_000L > sinceNanos, count);
                long last =
                        rows.isEmpty() ? sinceNanos : rows.get(rows.size() - 1).time() * 1_000_000L;
                return Answer.json("{\"error\":[],\"result\":{\"" + symbol + "\":"
                        + PeerText.array(
                                rows,
                                t -> "[\""
                                        + t.price() + "\",\"" + t.size() + "\"," + t.time() / 1000 + "."
                                        + String.format("%03d", t.time() % 1000)
                                        + "1234,\"s\",\"m\",\"\"," + t.id() + "]")
                        + ",\"last\":\"" + last + "\"}}");
            }
            case "/0/public/AssetPairs" -> {
                return Answer.json(
                        "{\"error\":[],\"result\":{\"" + symbol + "\":{\"altname\":\"XBTUSD\",\"wsname\":"
                                + "\"XBT/USD\",\"status\":\"online\"},\"ETH/USD\":{\"altname\":\"ETHUSD\",\"status\":\"cancel_only\"}}}");
            }
            default -> {
                return null;
            }
        }
    }
}
