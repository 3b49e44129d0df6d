package com.klinelive.feed.format.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.okx.OkxFormat;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.rest.RateLimitedException;
import com.klinelive.feed.rest.RestException;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The OKX format against a scripted OKX on loopback. */
class OkxPeerTest {

    private static final String SYMBOL = "BTC-USDT";

    /** Three minutes of past trades every 100 ms, then six seconds of live ones. */
    private static TradeTape tape(long now) {
        long start = now - 180_000;
        return new TradeTape(SYMBOL, 500_000, 1, start, 100, 1860, 7);
    }

    @Test
    void backfillPlusLiveEqualsThePeersCandlesAndAGapOf20IdsIsRepaired() throws Exception {
        long now = System.currentTimeMillis();
        TradeTape tape = tape(now);
        try (ExchangePeer peer = ExchangePeer.start(new OkxPeer(), tape);
                FormatRun run = new FormatRun(new OkxFormat(), peer.httpUri())) {
            // Twenty live trades, two seconds after the start, never reach the stream.
            long dropped = tape.trades().get(1820).id();
            peer.dropFromStream(dropped, dropped + 19);
            long end = tape.trades().get(tape.trades().size() - 1).time() + 500;
            var shown = run.backfillAndStream(peer.webSocketUri("/ws/v5/business"), SYMBOL, Timeframe.M1, 10, end);

            assertEquals(FormatRun.ohlcv(peer.truth(Timeframe.M1)), FormatRun.ohlcv(shown));
            // Besides the dropped twenty, trades published between the REST fetch and the subscription are a gap too.
            assertTrue(
                    run.gaps.stream().anyMatch(g -> g.afterSeq() + 1 == dropped && g.missing() == 20),
                    () -> "gaps " + run.gaps);
            assertTrue(run.received.contains(new ControlMessage.Subscribed()));
            assertEquals(0, run.rejections.count());
        }
    }

    @Test
    void aRateLimitIsHonouredAndAnHtmlPageRefusedClearly() throws Exception {
        TradeTape tape = tape(System.currentTimeMillis());
        try (ExchangePeer peer = ExchangePeer.start(new OkxPeer(), tape);
                FormatRun run = new FormatRun(new OkxFormat(), peer.httpUri())) {
            var symbols = run.history.symbols().orElseThrow();
            peer.rateLimitNext(1, 1);
            ExecutionException limited =
                    assertThrowsExecution(() -> symbols.symbols().get(10, TimeUnit.SECONDS));
            assertInstanceOf(RateLimitedException.class, limited.getCause());
            long refused = peer.restRequests();
            long before = System.nanoTime();
            assertEquals(List.of(SYMBOL), symbols.symbols().get(10, TimeUnit.SECONDS));
            // The retry waited out Retry-After before it reached the peer at all.
            assertTrue(System.nanoTime() - before >= 900_000_000L);
            assertEquals(refused + 1, peer.restRequests());

            peer.htmlPageNext(1);
            ExecutionException html = assertThrowsExecution(() -> run.history
                    .candles()
                    .orElseThrow()
                    .candles(SYMBOL, Timeframe.M1, 5, OptionalLong.empty())
                    .get(10, TimeUnit.SECONDS));
            assertInstanceOf(RestException.class, html.getCause());
            assertTrue(
                    html.getCause().getMessage().contains("HTML page"),
                    html.getCause().getMessage());
        }
    }

    @Test
    void theApplicationPingIsAnsweredAndTheSubscriptionAcknowledged() throws Exception {
        TradeTape tape = tape(System.currentTimeMillis());
        OkxFormat format = new OkxFormat();
        try (ExchangePeer peer = ExchangePeer.start(new OkxPeer(), tape);
                FormatRun run = new FormatRun(format, peer.httpUri())) {
            run.connect(peer.webSocketUri("/ws/v5/business"), SYMBOL);
            run.sendText(format.applicationPing().orElseThrow().text());
            long deadline = System.currentTimeMillis() + 5_000;
            while (!run.received.contains(new ControlMessage.Subscribed()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(run.received.contains(new ControlMessage.Subscribed()));
            assertTrue(peer.received().contains("ping"));
            assertEquals(0, run.rejections.count(), "the pong is not a rejection");
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static ExecutionException assertThrowsExecution(Call call) throws Exception {
        try {
            call.run();
        } catch (ExecutionException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }
}
