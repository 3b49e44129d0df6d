package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.peer.ExchangePeer.RestRequest;
import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real feed client against each exchange's peer when its REST side misbehaves: an HTML error page is a counted
 * rejection with a clear reason and the history still comes; a 429 with {@code Retry-After} holds every request to
 * that host until then, shows in the status, and the gap it delayed is still repaired by id. The symbol list is the
 * exchange's; Binance spot and Kraken are recognised from their first message.
 */
class ExchangeRestLimitsTest {

    private static final Set<String> RECOGNISED = Set.of("binance", "kraken");
    private static final long RETRY_AFTER_NANOS = 2_000_000_000L;

    static Stream<PeerExchange> exchanges() {
        return PeerExchange.byId();
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void anHtmlPageIsARejectionAndA429IsWaitedOutAndShown(PeerExchange exchange) throws Exception {
        TradeTape tape = exchange.tape(60_000, 60_000, 100);
        boolean named = !RECOGNISED.contains(exchange.format());
        try (PeerSession s =
                PeerSession.start(exchange, tape, EnumSet.of(Timeframe.M1), named, peer -> peer.htmlPageNext(1))) {
            waitFor(
                    10_000,
                    () -> s.client.symbols().equals(List.of(exchange.symbol(), exchange.other()))
                            && s.client.metrics().rejected() == 1,
                    () -> s.client.symbols() + " " + s.client.metrics());
            s.awaitLive(10_000);
            assertEquals(exchange.format(), s.client.format().name());
            assertTrue(
                    s.client.metrics().lastRejectReason().contains("answered an HTML page, not JSON"),
                    s.client.metrics().lastRejectReason());

            // The repair of twenty trades dropped from the stream meets a 429 with Retry-After: 2.
            s.peer.rateLimitNext(1, 2);
            TradeTape.Trade first = s.tradeAfter(System.currentTimeMillis() + 300);
            s.peer.dropFromStream(first.id(), first.id() + 19);
            // A second of trades after the twenty, then the tape ends.
            s.endTapeAt(first.time() + 21 * 100 + 1_000, 30_000);

            s.assertCandlesEqualTruth();
            List<RestRequest> requests = s.peer.requests();
            int limited = indexOfFirst(requests, "429");
            assertTrue(limited >= 0 && limited < requests.size() - 1, "" + requests);
            for (RestRequest later : requests.subList(limited + 1, requests.size())) {
                assertTrue(
                        later.arrivedNanos() - requests.get(limited).arrivedNanos() >= RETRY_AFTER_NANOS,
                        "a request before Retry-After ran out: " + requests);
            }
            FeedMetrics.Snapshot m = s.client.metrics();
            assertTrue(m.rateLimit().contains("rate limit: HTTP 429, retry after 2 s"), m.rateLimit());
            assertEquals(1, m.rejected(), "a 429 is no rejection: " + m);
            assertTrue(
                    s.client.marks(exchange.symbol()).marks().stream()
                            .anyMatch(mk -> mk.text().startsWith("20 missing trades fetched by id")),
                    "" + s.client.marks(exchange.symbol()));
        }
    }

    private static int indexOfFirst(List<RestRequest> requests, String answered) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).answered().equals(answered)) {
                return i;
            }
        }
        return -1;
    }
}
