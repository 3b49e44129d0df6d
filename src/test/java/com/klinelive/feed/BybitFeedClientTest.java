package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.peer.ExchangePeer.RestRequest;
import com.klinelive.feed.format.peer.PeerTruth;
import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The real feed client against a scripted Bybit, whose trade ids grow but skip, so no gap shows in them: a stretch
 * of 20 trade ids dropped from the stream and a cut connection are repaired when the minute they touched closes,
 * by checking it against Bybit's klines and replacing it. The check meets a 429 and waits out its Retry-After; an
 * HTML page is a counted rejection; the symbol list is Bybit's. Waits for a real minute to close: 15 to 75 s.
 */
class BybitFeedClientTest {

    private static final long SPACING = 1_100;
    private static final PeerExchange BYBIT = PeerExchange.BYBIT;

    @Test
    void aGapAndAnOutageIdsCannotShowAreRepairedFromKlinesOnceTheMinuteCloses() throws Exception {
        long now = System.currentTimeMillis();
        // The minute the faults fall in: this one, unless it closes too soon.
        long minute = Timeframe.M1.bucketStart(now + 15_000);
        long minuteEnd = minute + Timeframe.M1.millis();
        TradeTape tape = BYBIT.tape(60_000, minuteEnd + 3_000 - now, SPACING);
        try (PeerSession s =
                PeerSession.start(BYBIT, tape, EnumSet.of(Timeframe.M1), true, peer -> peer.htmlPageNext(1))) {
            waitFor(
                    10_000,
                    () -> s.client.symbols().equals(List.of(BYBIT.symbol(), BYBIT.other()))
                            && s.client.metrics().rejected() == 1,
                    () -> s.client.symbols() + " " + s.client.metrics());
            s.awaitLive(10_000);
            assertTrue(
                    s.client.metrics().lastRejectReason().contains("answered an HTML page, not JSON"),
                    s.client.metrics().lastRejectReason());
            PeerSession.waitUntil(minute);

            // Twenty trade ids (three trades) never reach the stream; then the connection is cut.
            TradeTape.Trade first = s.tradeAfter(System.currentTimeMillis() + 300);
            s.peer.dropFromStream(first.id(), first.id() + 19);
            PeerSession.waitUntil(first.time() + 4 * SPACING);
            s.peer.cutConnections();
            s.peer.rateLimitNext(1, 2);
            assertTrue(System.currentTimeMillis() < minuteEnd - 1_000, "the faults fall in one minute");

            waitFor(
                    minuteEnd + 30_000 - System.currentTimeMillis(),
                    () -> Objects.equals(
                            ohlcv(candleAt(s.book().candles(Timeframe.M1, 10), minute)),
                            ohlcv(candleAt(s.peer.truth(Timeframe.M1), minute))),
                    () -> "the minute is not repaired: " + s.client.metrics() + " " + s.client.marks(BYBIT.symbol()));
            s.awaitTapeHeld(20_000);

            s.assertCandlesEqualTruth();
            FeedMetrics.Snapshot m = s.client.metrics();
            assertTrue(m.gaps() >= 1 && m.gapsRepaired() == m.gaps(), "" + m);
            assertTrue(m.reconnects() >= 1, "" + m);
            assertTrue(m.rateLimit().contains("rate limit: HTTP 429, retry after 2 s"), m.rateLimit());
            List<RestRequest> requests = s.peer.requests();
            int limited = requests.stream().map(RestRequest::answered).toList().indexOf("429");
            assertTrue(limited >= 0 && limited < requests.size() - 1, "" + requests);
            for (RestRequest later : requests.subList(limited + 1, requests.size())) {
                assertTrue(
                        later.arrivedNanos() - requests.get(limited).arrivedNanos() >= 2_000_000_000L,
                        "a request before Retry-After ran out: " + requests);
            }
            List<FeedMark> marks = s.client.marks(BYBIT.symbol()).marks();
            assertTrue(
                    marks.stream()
                            .anyMatch(mk -> mk.kind() == FeedMark.Kind.REPAIR
                                    && mk.fromMillis() == minute
                                    && mk.text()
                                            .equals("1 1m candle differed from the exchange's: replaced from its "
                                                    + "REST candles")),
                    "" + marks);
            assertTrue(marks.stream().anyMatch(mk -> mk.kind() == FeedMark.Kind.OUTAGE && !mk.ongoing()), "" + marks);
            assertEquals(1, m.rejected(), "" + m);
        }
    }

    private static Candle candleAt(List<Candle> candles, long time) {
        return candles.stream().filter(c -> c.time() == time).findFirst().orElse(null);
    }

    private static Candle ohlcv(Candle c) {
        return c == null ? null : PeerTruth.withoutCounts(List.of(c)).get(0);
    }
}
