package com.klinelive.feed.format.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.binance.BinanceFormat;
import com.klinelive.feed.format.binance.BinanceFuturesFormat;
import com.klinelive.feed.format.bybit.BybitFormat;
import com.klinelive.feed.format.coinbase.CoinbaseFormat;
import com.klinelive.feed.format.kraken.KrakenFormat;
import com.klinelive.feed.rest.RateLimitedException;
import com.klinelive.feed.rest.RestException;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each exchange format against its scripted peer on loopback (OKX has its own test, {@link OkxPeerTest}). */
class ExchangePeersTest {

    /**
     * One exchange: its format, its peer, the stream path, a symbol, the tape's id step and trade spacing, and
     * whether its REST candles carry trade counts.
     */
    record Exchange(
            String name,
            Supplier<FeedFormat> format,
            Supplier<PeerDialect> peer,
            String path,
            String symbol,
            int idStep,
            long spacing,
            boolean counts) {
        @Override
        public String toString() {
            return name;
        }

        TradeTape tape() {
            long now = System.currentTimeMillis();
            int past = (int) (180_000 / spacing);
            int live = (int) (6_000 / spacing);
            return new TradeTape(symbol, 900_000, idStep, now - past * spacing, spacing, past + live, name.length());
        }
    }

    static Stream<Exchange> exchanges() {
        return Stream.of(
                new Exchange(
                        "binance", BinanceFormat::new, BinancePeer::spot, "/ws/btcusdt@trade", "BTCUSDT", 1, 100, true),
                new Exchange(
                        "binance-futures",
                        BinanceFuturesFormat::new,
                        BinancePeer::usdmFutures,
                        "/ws/btcusdt@aggTrade",
                        "BTCUSDT",
                        1,
                        100,
                        true),
                new Exchange("coinbase", CoinbaseFormat::new, CoinbasePeer::new, "/", "BTC-USD", 1, 100, false),
                new Exchange("kraken", KrakenFormat::new, KrakenPeer::new, "/v2", "BTC/USD", 1, 100, true),
                // Bybit: ids that skip, and slow enough that its 60 recent trades cover the open minute.
                new Exchange("bybit", BybitFormat::new, BybitPeer::new, "/v5/public/spot", "BTCUSDT", 7, 1500, false));
    }

    static Stream<Exchange> repairable() {
        return exchanges().filter(e -> !e.name().equals("bybit"));
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void backfillPlusLiveEqualsThePeersCandles(Exchange exchange) throws Exception {
        TradeTape tape = exchange.tape();
        try (ExchangePeer peer = ExchangePeer.start(exchange.peer().get(), tape);
                FormatRun run = new FormatRun(exchange.format().get(), peer.httpUri())) {
            long end = tape.trades().get(tape.trades().size() - 1).time() + 500;
            List<Candle> shown =
                    run.backfillAndStream(peer.webSocketUri(exchange.path()), exchange.symbol(), Timeframe.M1, 10, end);
            List<Candle> truth = peer.truth(Timeframe.M1);
            if (exchange.counts()) {
                assertEquals(truth, shown);
            } else {
                assertEquals(FormatRun.ohlcv(truth), FormatRun.ohlcv(shown));
            }
            assertTrue(shown.size() >= 4, "three minutes of backfill and the open minute");
            assertEquals(0, run.rejections.count());
        }
    }

    @ParameterizedTest
    @MethodSource("repairable")
    void aGapOf20TradeIdsIsRepairedFromRestTrades(Exchange exchange) throws Exception {
        TradeTape tape = exchange.tape();
        try (ExchangePeer peer = ExchangePeer.start(exchange.peer().get(), tape);
                FormatRun run = new FormatRun(exchange.format().get(), peer.httpUri())) {
            long dropped = tape.trades().get(tape.trades().size() - 40).id();
            peer.dropFromStream(dropped, dropped + 19);
            long end = tape.trades().get(tape.trades().size() - 1).time() + 500;
            List<Candle> shown =
                    run.backfillAndStream(peer.webSocketUri(exchange.path()), exchange.symbol(), Timeframe.M1, 10, end);
            assertEquals(FormatRun.ohlcv(peer.truth(Timeframe.M1)), FormatRun.ohlcv(shown));
            assertTrue(
                    run.gaps.stream().anyMatch(g -> g.afterSeq() + 1 == dropped && g.missing() == 20),
                    () -> "gaps " + run.gaps);
        }
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void a429WithRetryAfterIsHonouredAndAnHtmlPageIsRefusedClearly(Exchange exchange) throws Exception {
        try (ExchangePeer peer = ExchangePeer.start(exchange.peer().get(), exchange.tape());
                FormatRun run = new FormatRun(exchange.format().get(), peer.httpUri())) {
            var symbols = run.history.symbols().orElseThrow();
            peer.rateLimitNext(1, 1);
            ExecutionException limited =
                    OkxPeerTest.assertThrowsExecution(() -> symbols.symbols().get(10, TimeUnit.SECONDS));
            assertInstanceOf(RateLimitedException.class, limited.getCause());
            long refused = peer.restRequests();
            long before = System.nanoTime();
            assertEquals(List.of(exchange.symbol()), symbols.symbols().get(10, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - before >= 900_000_000L, "the retry waited for Retry-After");
            assertEquals(refused + 1, peer.restRequests());

            peer.htmlPageNext(1);
            ExecutionException html =
                    OkxPeerTest.assertThrowsExecution(() -> symbols.symbols().get(10, TimeUnit.SECONDS));
            assertInstanceOf(RestException.class, html.getCause());
            assertTrue(
                    html.getCause().getMessage().contains("HTML page"),
                    html.getCause().getMessage());
        }
    }
}
