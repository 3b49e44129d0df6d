package com.klinelive.feed.websocket;

import com.klinelive.feed.transport.ReadPacing;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A WebSocket connection (Java-WebSocket client): TCP_NODELAY on, messages capped (a larger one closes the
 * connection with 1009), a ping every second to measure the round trip and keep liveness visible, and a connect
 * timeout after which the WebSocket counts as unavailable. One connection per instance: Java-WebSocket's
 * {@code reconnect()} is never used, the feed client makes a new transport instead.
 */
final class WebSocketTransport implements Transport {

    private static final long PING_PERIOD_MILLIS = 1_000;
    private static final int REASON_MAX = 120;

    private final TransportRequest request;
    private final TransportEvents events;
    private final ScheduledExecutorService timer;
    private final Client client;
    private final ReadPacing.Pacer pacer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean opened;
    private volatile long pingSentNanos;
    // Guarded by this, with the decisions to open and to end: the connect timeout may fire while the handshake
    // completes, and either way exactly one of them wins, onOpen is never reported after onClosed, and no ping
    // timer outlives the transport.
    private ScheduledFuture<?> connectTimeout;
    private ScheduledFuture<?> pinger;

    WebSocketTransport(TransportRequest request, TransportEvents events, ScheduledExecutorService timer) {
        this.request = request;
        this.events = events;
        this.timer = timer;
        this.pacer = request.pacing().pacer();
        Draft_6455 draft = new Draft_6455(List.of(), request.maxMessageBytes());
        this.client = new Client(draft, (int) request.connectTimeout().toMillis());
        client.setTcpNoDelay(true);
        // Liveness is ours (pings below plus the feed client's watchdog), not the library's 60 s default.
        client.setConnectionLostTimeout(0);
        if (request.uri().getScheme().equalsIgnoreCase("wss") && request.sslContext() != null) {
            client.setSocketFactory(request.sslContext().getSocketFactory());
        }
    }

    @Override
    public TransportKind kind() {
        return TransportKind.WEBSOCKET;
    }

    @Override
    public void start() {
        synchronized (this) {
            connectTimeout = timer.schedule(
                    this::connectTimedOut, request.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        client.connect();
    }

    private void connectTimedOut() {
        synchronized (this) {
            if (opened) {
                return;
            }
            end("no WebSocket after " + request.connectTimeout().toMillis() + " ms");
        }
        // Java-WebSocket ignores a close before its write thread exists (while the TCP connection is being made);
        // onOpen closes a connection that completes after all.
        client.closeQuietly();
    }

    @Override
    public boolean send(String text) {
        try {
            client.send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            ended.set(true);
            cancelTimers();
        }
        client.closeQuietly();
    }

    /**
     * Reports the end once. Inside this transport's lock, so that it is ordered with onOpen; the feed client's
     * handlers only hand the event to its control thread.
     */
    private synchronized void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            cancelTimers();
            events.onClosed(this, reason, opened);
        }
    }

    private void cancelTimers() {
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
        }
        if (pinger != null) {
            pinger.cancel(false);
        }
    }

    private void ping() {
        if (client.isOpen()) {
            pingSentNanos = System.nanoTime();
            try {
                client.sendPing();
            } catch (WebsocketNotConnectedException e) {
                // Closing; onClose reports it.
            }
        }
    }

    /** Server-sent text, cut short and stripped of anything unprintable, so it is safe in a status bar or log. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > REASON_MAX ? clean.substring(0, REASON_MAX) + "…" : clean;
    }

    /**
     * Java-WebSocket calls the open, message and pong handlers of one connection on its read thread, so those
     * events never overlap; {@code onClose} may come from its write thread, after the last message.
     */
    private final class Client extends WebSocketClient {

        Client(Draft_6455 draft, int connectTimeoutMillis) {
            super(request.uri(), draft, Map.of(), connectTimeoutMillis);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            synchronized (WebSocketTransport.this) {
                if (!ended.get()) {
                    opened = true;
                    connectTimeout.cancel(false);
                    pinger = timer.scheduleAtFixedRate(
                            WebSocketTransport.this::ping, 0, PING_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
                    // Reported under the lock, so that an end deciding at the same moment is reported after it.
                    events.onOpen(WebSocketTransport.this);
                    return;
                }
            }
            // Timed out or closed before the handshake completed: a connection nobody reads must not stay open.
            closeQuietly();
        }

        @Override
        public void onMessage(String message) {
            if (!ended.get()) {
                events.onMessage(WebSocketTransport.this, message, System.nanoTime());
                pacer.afterMessage();
            }
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            if (!ended.get()) {
                events.onRejected(WebSocketTransport.this, "binary frame of " + bytes.remaining() + " bytes");
            }
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            long sent = pingSentNanos;
            if (sent != 0 && !ended.get()) {
                events.onRoundTrip(WebSocketTransport.this, System.nanoTime() - sent);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            String text = printable(reason);
            if (code == CloseFrame.TOOBIG && !remote && !ended.get()) {
                events.onRejected(WebSocketTransport.this, "message over " + request.maxMessageBytes() + " bytes");
            }
            if (!opened) {
                end("WebSocket refused" + (text.isEmpty() ? "" : ": " + text));
            } else {
                end("WebSocket closed (" + code + (text.isEmpty() ? "" : " " + text) + ")");
            }
        }

        @Override
        public void onError(Exception ex) {
            // onClose follows every error and reports it.
        }

        void closeQuietly() {
            try {
                close();
            } catch (RuntimeException e) {
                // Already closed or never connected: nothing to release.
            }
        }
    }
}
