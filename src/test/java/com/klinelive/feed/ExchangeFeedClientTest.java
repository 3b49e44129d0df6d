package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real feed client against a scripted peer of each exchange whose trade ids count up by one: backfill, the
 * exact open candle, live trades, a gap of 20 ids dropped from the stream and a cut connection, and afterwards
 * every candle equals the peer's.
 */
class ExchangeFeedClientTest {

    private static final EnumSet<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.M1, Timeframe.M5);
    private static final long SPACING = 100;
    private static final long LIVE = 60_000;

    static Stream<PeerExchange> exchanges() {
        return PeerExchange.byId();
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void backfillLiveAGapOf20IdsAndACutConnectionEndWithThePeersCandles(PeerExchange exchange) throws Exception {
        TradeTape tape = exchange.tape(90_000, LIVE, SPACING);
        try (PeerSession s = PeerSession.start(exchange, tape, TIMEFRAMES)) {
            s.awaitLive(10_000);
            // Twenty live trades, from a moment ahead, never reach the stream; REST still has them.
            TradeTape.Trade first = s.tradeAfter(System.currentTimeMillis() + 300);
            long dropped = first.id();
            s.peer.dropFromStream(dropped, dropped + 19 * exchange.idStep());
            PeerSession.waitUntil(first.time() + 2_500);
            s.peer.cutConnections();
            // A second of trades after the reconnect, then the tape ends.
            s.endTapeAt(System.currentTimeMillis() + 1_000, 20_000);

            s.assertCandlesEqualTruth();
            FeedMetrics.Snapshot m = s.client.metrics();
            assertTrue(m.gaps() >= 1 && m.gapsRepaired() == m.gaps(), "" + m);
            assertTrue(m.reconnects() >= 1, "" + m);
            assertEquals(0, m.rejected(), "" + m);
            assertTrue(s.saw(SyncState.BACKFILLING), "" + s.statuses);
            assertTrue(s.saw(SyncState.REPAIRING), "" + s.statuses);
            List<FeedMark> marks = s.client.marks(exchange.symbol()).marks();
            String repaired = "20 missing trades fetched by id (" + dropped + " to " + (dropped + 19) + ")";
            assertTrue(
                    marks.stream()
                            .anyMatch(mk -> mk.kind() == FeedMark.Kind.REPAIR
                                    && mk.text().equals(repaired)),
                    "" + marks);
            assertTrue(
                    marks.stream()
                            .anyMatch(mk -> mk.kind() == FeedMark.Kind.OUTAGE
                                    && !mk.ongoing()
                                    && mk.text().startsWith("no feed for ")),
                    "" + marks);
        }
    }

    @Test
    void aQuietSymbolNamedForAStreamTheUrlSubscribesGetsItsHistoryBeforeItsNextTrade() throws Exception {
        // Binance subscribes by the URL's path and sends no acknowledgement; a trade every 30 s, the last one just
        // published: the next comes in up to half a minute, and the chart must not wait for it to fill.
        TradeTape tape = PeerExchange.BINANCE.tape(20 * 60_000, 5 * 60_000, 30_000);
        try (PeerSession s = PeerSession.start(PeerExchange.BINANCE, tape, TIMEFRAMES)) {
            int publishedAtStart = s.peer.publishedTicks().size();
            waitFor(
                    10_000,
                    () -> s.book() != null && s.book().historySeq(Timeframe.M1) >= 0,
                    () -> "no history: " + s.client.status());
            assertTrue(s.peer.publishedTicks().size() <= publishedAtStart + 1, "it waited for a live trade");
            assertTrue(s.book().candles(Timeframe.M1, 1_000).size() >= 19, "the REST candles are in");
        }
    }
}
