package com.klinelive.feed;

import com.klinelive.feed.format.peer.BinancePeer;
import com.klinelive.feed.format.peer.BybitPeer;
import com.klinelive.feed.format.peer.CoinbasePeer;
import com.klinelive.feed.format.peer.KrakenPeer;
import com.klinelive.feed.format.peer.OkxPeer;
import com.klinelive.feed.format.peer.PeerDialect;
import com.klinelive.feed.format.peer.TradeTape;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One exchange as the end-to-end tests run it: its format's name, its scripted peer, the stream path, a symbol,
 * how its trade ids step, and whether its REST candles carry trade counts.
 *
 * @param format  the {@code --format} name
 * @param dialect makes the peer's side
 * @param path    the stream's path on the peer
 * @param symbol  the symbol in the exchange's spelling
 * @param idStep  1 where trade ids count up by one, more where they skip (Bybit)
 * @param counts  whether the exchange's REST candles carry trade counts
 * @param other   the other symbol the peer lists as tradable
 */
public record PeerExchange(
        String format,
        Supplier<PeerDialect> dialect,
        String path,
        String symbol,
        int idStep,
        boolean counts,
        String other) {

    public static final PeerExchange BINANCE =
            new PeerExchange("binance", BinancePeer::spot, "/ws/btcusdt@trade", "BTCUSDT", 1, true, "ETHUSDT");
    public static final PeerExchange BINANCE_FUTURES = new PeerExchange(
            "binance-futures", BinancePeer::usdmFutures, "/ws/btcusdt@aggTrade", "BTCUSDT", 1, true, "ETHUSDT");
    public static final PeerExchange COINBASE =
            new PeerExchange("coinbase", CoinbasePeer::new, "/", "BTC-USD", 1, false, "ETH-USD");
    public static final PeerExchange OKX =
            new PeerExchange("okx", OkxPeer::new, "/ws/v5/business", "BTC-USDT", 1, false, "ETH-USDT");
    public static final PeerExchange KRAKEN =
            new PeerExchange("kraken", KrakenPeer::new, "/v2", "BTC/USD", 1, true, "SOL/USD");
    public static final PeerExchange BYBIT =
            new PeerExchange("bybit", BybitPeer::new, "/v5/public/spot", "BTCUSDT", 7, false, "ETHUSDT");

    /** The exchanges whose trade ids count up by one: gaps are found and repaired by id. */
    public static Stream<PeerExchange> byId() {
        return Stream.of(BINANCE, BINANCE_FUTURES, COINBASE, OKX, KRAKEN);
    }

    /**
     * A tape of {@code pastMillis} of trades already published when the test starts, then {@code liveMillis} of
     * live ones, one every {@code spacing} ms.
     */
    public TradeTape tape(long pastMillis, long liveMillis, long spacing) {
        long now = System.currentTimeMillis();
        int past = (int) (pastMillis / spacing);
        int live = (int) (liveMillis / spacing);
        return new TradeTape(symbol, 900_000, idStep, now - past * spacing, spacing, past + live, format.length());
    }

    @Override
    public String toString() {
        return format;
    }
}
