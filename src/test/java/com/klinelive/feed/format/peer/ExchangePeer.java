package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A scripted exchange on a free loopback port: a real WebSocket stream on every path and real HTTP REST
 * endpoints, speaking one exchange's messages through a {@link PeerDialect}, driven by a deterministic
 * {@link TradeTape} in real time (a trade is published when the wall clock reaches its time). Hooks drop a range of
 * trade ids from the stream (REST still has them), answer the next REST requests with 429 and
 * {@code Retry-After} or with an HTML page, and cut every connection.
 *
 * <pre>{@code
 * try (ExchangePeer peer = ExchangePeer.start(new OkxPeer(), tape)) {
 *     URI ws = peer.webSocketUri("/ws/v5/business");
 *     URI rest = peer.httpUri();
 * }
 * }</pre>
 */
public final class ExchangePeer implements AutoCloseable {

    private final PeerDialect dialect;
    private final TradeTape tape;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-publisher");
        t.setDaemon(true);
        return t;
    });
    private final List<Session> subscribed = new CopyOnWriteArrayList<>();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger published = new AtomicInteger();
    private volatile long dropFrom = -1;
    private volatile long dropTo = -1;
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int retryAfterSeconds;
    private final AtomicInteger htmlPages = new AtomicInteger();
    private final AtomicLong restRequests = new AtomicLong();
    private final List<String> received = new CopyOnWriteArrayList<>();

    private ExchangePeer(PeerDialect dialect, TradeTape tape) {
        this.dialect = dialect;
        this.tape = tape;
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("peer-http");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebSocketUpgradeHandler webSocket = WebSocketUpgradeHandler.from(
                server, container -> container.addMapping("/*", (request, response, callback) -> new Endpoint()));
        webSocket.setHandler(new Rest());
        server.setHandler(webSocket);
    }

    /** Starts serving {@code tape} as {@code dialect}'s exchange. */
    public static ExchangePeer start(PeerDialect dialect, TradeTape tape) throws Exception {
        ExchangePeer peer = new ExchangePeer(dialect, tape);
        peer.server.start();
        peer.publisher.scheduleWithFixedDelay(peer::publish, 0, 10, TimeUnit.MILLISECONDS);
        return peer;
    }

    /** {@code ws://127.0.0.1:port} + {@code path}. */
    public URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + path);
    }

    /** The REST base, {@code http://127.0.0.1:port}. */
    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** The stream leaves out the trades with ids from {@code from} to {@code to} inclusive; REST keeps them. */
    public void dropFromStream(long from, long to) {
        dropFrom = from;
        dropTo = to;
    }

    /** The next {@code count} REST requests get 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(int count, int seconds) {
        retryAfterSeconds = seconds;
        rateLimited.set(count);
    }

    /** The next {@code count} REST requests get an HTML error page with status 200, as some CDNs send. */
    public void htmlPageNext(int count) {
        htmlPages.set(count);
    }

    /** Closes every WebSocket connection at once. */
    public void cutConnections() {
        for (Session s : open) {
            s.disconnect();
        }
    }

    /** The trades published so far, in id order, as ticks. */
    public List<Tick> publishedTicks() {
        return published().stream().map(t -> t.tick(tape.symbol())).toList();
    }

    /** The peer's truth: the candles of every trade published so far. */
    public List<Candle> truth(Timeframe timeframe) {
        return PeerTruth.candles(publishedTicks(), timeframe);
    }

    /** REST requests served so far, refusals included. */
    public long restRequests() {
        return restRequests.get();
    }

    /** The text messages clients sent, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Whether a connection has subscribed (or is subscribed by its URL). */
    public boolean hasSubscriber() {
        return !subscribed.isEmpty();
    }

    @Override
    public void close() throws Exception {
        publisher.shutdownNow();
        server.stop();
    }

    private List<TradeTape.Trade> published() {
        return tape.trades().subList(0, published.get());
    }

    private void publish() {
        List<TradeTape.Trade> trades = tape.trades();
        int next = published.get();
        long now = System.currentTimeMillis();
        while (next < trades.size() && trades.get(next).time() <= now) {
            TradeTape.Trade trade = trades.get(next);
            published.set(++next);
            if (trade.id() >= dropFrom && trade.id() <= dropTo) {
                continue;
            }
            String message = dialect.trade(trade, tape.symbol());
            for (Session s : subscribed) {
                s.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    /** One WebSocket connection. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            open.add(session);
            for (String m : dialect.onOpen()) {
                session.sendText(m, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
            if (dialect.subscribedByUrl()) {
                subscribed.add(session);
            }
        }

        @Override
        public void onWebSocketText(String message) {
            received.add(message);
            PeerDialect.Reply reply = dialect.onText(message, tape.symbol());
            for (String m : reply.messages()) {
                session.sendText(m, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
            if (reply.subscribes() && !subscribed.contains(session)) {
                subscribed.add(session);
            }
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            forget();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            forget();
        }

        private void forget() {
            open.remove(session);
            subscribed.remove(session);
        }
    }

    /** The REST side: hooks first, then the dialect's answer. */
    private final class Rest extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            restRequests.incrementAndGet();
            if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
                return answer(response, callback, 429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}", "json");
            }
            if (htmlPages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return answer(
                        response,
                        callback,
                        200,
                        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>cdn</body></html>",
                        "html");
            }
            Map<String, String> query = new HashMap<>();
            Fields fields = Request.extractQueryParameters(request);
            for (Fields.Field f : fields) {
                query.put(f.getName(), f.getValue());
            }
            PeerDialect.Answer answer = dialect.rest(Request.getPathInContext(request), query, new MarketView());
            if (answer == null) {
                return answer(response, callback, 404, "{\"message\":\"NotFound\"}", "json");
            }
            answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            return answer(response, callback, answer.status(), answer.body(), "json");
        }

        private boolean answer(Response response, Callback callback, int status, String body, String type) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type.equals("html") ? "text/html" : "application/json");
            Content.Sink.write(response, true, body, callback);
            return true;
        }
    }

    private final class MarketView implements PeerDialect.Market {
        private final List<TradeTape.Trade> snapshot = new ArrayList<>(ExchangePeer.this.published());

        @Override
        public String symbol() {
            return tape.symbol();
        }

        @Override
        public List<TradeTape.Trade> published() {
            return snapshot;
        }

        @Override
        public List<Candle> candles(Timeframe timeframe) {
            return PeerTruth.candles(
                    snapshot.stream().map(t -> t.tick(tape.symbol())).toList(), timeframe);
        }
    }
}
