package com.klinelive.feed.format.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.format.okx.OkxFormat;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/**
 * The OKX format's own messages against a scripted OKX: its subscription is acknowledged and its application ping
 * answered with a pong the decoder takes quietly. (The client's 25 s ping period is too long for the end-to-end
 * tests, {@code ExchangeFeedClientTest}, which cover everything else.)
 */
class OkxPeerTest {

    private static final String SYMBOL = "BTC-USDT";

    @Test
    void theApplicationPingIsAnsweredAndTheSubscriptionAcknowledged() throws Exception {
        TradeTape tape = new TradeTape(SYMBOL, 500_000, 1, System.currentTimeMillis() - 10_000, 100, 200, 7);
        OkxFormat format = new OkxFormat();
        Rejections rejections = new Rejections();
        List<ControlMessage> controls = new CopyOnWriteArrayList<>();
        AtomicInteger ticks = new AtomicInteger();
        FeedDecoder decoder = format.newDecoder(rejections, FormatSettings.NONE);
        FeedSink sink = new FeedSink() {
            @Override
            public void onTick(String symbol, long seq, long time, double price, double size) {
                ticks.incrementAndGet();
            }

            @Override
            public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {}

            @Override
            public void onControl(ControlMessage message) {
                controls.add(message);
            }
        };
        try (ExchangePeer peer = ExchangePeer.start(new OkxPeer(), tape)) {
            WebSocketClient socket = new WebSocketClient(peer.webSocketUri("/ws/v5/business")) {
                @Override
                public void onOpen(ServerHandshake handshake) {
                    format.subscribeMessages(new Subscription(List.of(SYMBOL), s -> -1), FormatSettings.NONE)
                            .forEach(this::send);
                    send(format.applicationPing().orElseThrow().text());
                }

                @Override
                public void onMessage(String message) {
                    decoder.decode(message, sink);
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {}

                @Override
                public void onError(Exception ex) {}
            };
            assertTrue(socket.connectBlocking(10, TimeUnit.SECONDS));
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!(controls.contains(new ControlMessage.Subscribed())
                                && peer.received().contains("ping"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(controls.contains(new ControlMessage.Subscribed()), "" + controls);
                assertTrue(peer.received().contains("ping"), "" + peer.received());
                // The pong goes out on the same connection before trades published after it: wait for two of those.
                int before = ticks.get();
                while (ticks.get() < before + 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(ticks.get() >= before + 2, "trades go on after the ping");
                assertEquals(0, rejections.count(), "the pong is not a rejection");
            } finally {
                socket.closeBlocking();
            }
        }
    }
}
