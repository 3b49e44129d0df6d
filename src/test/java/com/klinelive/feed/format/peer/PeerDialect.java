package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.Map;

/**
 * One exchange's side of a scripted peer: its stream messages and its REST answers, in the layout its official
 * docs show (numbers as strings where the exchange sends strings).
 */
public interface PeerDialect {

    /** What a REST endpoint answers; a status other than 200 is an error answer. */
    record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(String body) {
            return new Answer(200, body, Map.of());
        }
    }

    /** The replies to a client's text message, and whether it subscribed the peer's symbol. */
    record Reply(List<String> messages, boolean subscribes) {
        public static final Reply NONE = new Reply(List.of(), false);
    }

    /** What the peer offers: its published trades and the candles they make. */
    interface Market {
        String symbol();

        List<TradeTape.Trade> published();

        List<Candle> candles(Timeframe timeframe);
    }

    /** Messages sent when a connection opens (Kraken's {@code status}). */
    default List<String> onOpen() {
        return List.of();
    }

    /** Whether a connection is subscribed by its URL alone (Binance streams named in the path). */
    default boolean subscribedByUrl() {
        return false;
    }

    Reply onText(String text, String symbol);

    /** The stream message of one trade. */
    String trade(TradeTape.Trade trade, String symbol);

    /** The answer to {@code GET path?query}, or null for an unknown path (404). */
    Answer rest(String path, Map<String, String> query, Market market);
}
