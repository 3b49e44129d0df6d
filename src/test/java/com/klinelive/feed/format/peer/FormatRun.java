package com.klinelive.feed.format.peer;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * What a client does with an exchange format, step by step, against a scripted peer: closed candles from REST,
 * the open candle rebuilt from REST trades up to a trade id, live trades after that id from a real WebSocket
 * (subscribed with the format's own messages, decoded by its decoder), and every jump in trade ids repaired from
 * REST trades. The result is the candles a chart would show, to compare with the peer's truth.
 */
public final class FormatRun implements AutoCloseable {

    private final FeedFormat format;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    public final RestClient rest = new RestClient(http, timer, Duration.ofSeconds(10));
    public final FormatHistory history;
    public final Rejections rejections = new Rejections();
    public final List<Object> received = new CopyOnWriteArrayList<>();
    public final List<TradeGap> gaps = new ArrayList<>();
    private WebSocketClient socket;

    public FormatRun(FeedFormat format, URI restBase) {
        this.format = format;
        FormatSettings settings = new FormatSettings(restBase, null, Map.of(), null);
        this.history = format.history(new HistoryContext(rest, null, settings));
    }

    /** The candles of {@code timeframe} a chart would show: REST backfill, rebuilt open candle, live and repairs. */
    public List<Candle> backfillAndStream(
            URI stream, String symbol, Timeframe timeframe, int candles, long streamUntilMillis) throws Exception {
        // Subscribed first, so no trade falls between the REST answers and the stream; overlaps are dropped by id.
        connect(stream, symbol);
        Thread.sleep(300);
        long now = System.currentTimeMillis();
        long openStart = timeframe.bucketStart(now);
        CandlePage page = history.candles()
                .orElseThrow()
                .candles(symbol, timeframe, candles, OptionalLong.empty())
                .get(30, TimeUnit.SECONDS);
        List<Candle> closed =
                page.candles().stream().filter(c -> c.time() < openStart).toList();
        List<Tick> trades = new ArrayList<>(history.recentTrades()
                .orElseThrow()
                .tradesSince(symbol, openStart, 100_000)
                .get(30, TimeUnit.SECONDS));
        long upTo = trades.isEmpty() ? -1 : trades.get(trades.size() - 1).seq();
        while (System.currentTimeMillis() < streamUntilMillis) {
            Thread.sleep(20);
        }
        socket.closeBlocking();
        long last = upTo;
        long lastTime =
                trades.isEmpty() ? openStart : trades.get(trades.size() - 1).time();
        for (Object event : received) {
            if (!(event instanceof Tick tick) || tick.seq() <= last) {
                continue;
            }
            if (format.consecutiveSequences(FormatSettings.NONE) && last >= 0 && tick.seq() > last + 1) {
                TradeGap gap = new TradeGap(symbol, last, lastTime, tick.seq(), tick.time());
                gaps.add(gap);
                trades.addAll(
                        history.tradeRepair().orElseThrow().missingTrades(gap).get(30, TimeUnit.SECONDS));
            }
            trades.add(tick);
            last = tick.seq();
            lastTime = tick.time();
        }
        trades.sort(Comparator.comparingLong(Tick::seq));
        List<Candle> shown = new ArrayList<>(closed);
        shown.addAll(PeerTruth.candles(trades, timeframe));
        return shown;
    }

    /** Opens the stream and sends the format's subscribe messages; ticks and control messages go to {@link #received}. */
    public void connect(URI stream, String symbol) throws Exception {
        FeedDecoder decoder = format.newDecoder(rejections, FormatSettings.NONE);
        FeedSink sink = new FeedSink() {
            @Override
            public void onTick(String s, long seq, long time, double price, double size) {
                received.add(new Tick(s, seq, time, price, size));
            }

            @Override
            public void onKline(String s, Timeframe timeframe, Candle candle, boolean closed) {
                received.add(candle);
            }

            @Override
            public void onControl(ControlMessage message) {
                received.add(message);
            }
        };
        socket = new WebSocketClient(stream) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                for (String m :
                        format.subscribeMessages(new Subscription(List.of(symbol), s -> -1), FormatSettings.NONE)) {
                    send(m);
                }
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
        if (!socket.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection to " + stream);
        }
    }

    /** The application ping text sent as the client would, for peers that answer it. */
    public void sendText(String text) {
        socket.send(text);
    }

    @Override
    public void close() throws Exception {
        if (socket != null) {
            socket.closeBlocking();
        }
        timer.shutdownNow();
    }

    /** OHLCV of candles without trade counts, for exchanges whose REST candles carry none. */
    public static List<Candle> ohlcv(List<Candle> candles) {
        return PeerTruth.withoutCounts(candles);
    }
}
