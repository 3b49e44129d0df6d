package com.klinelive.feed.socketio;

import com.klinelive.feed.transport.ReadPacing;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The WebSocket of an Engine.IO session (Java-WebSocket client), reporting to its {@link SocketIoTransport}:
 * frames over the size limit close it (1009), TCP_NODELAY is on, liveness is the transport's. Java-WebSocket
 * calls open, message and pong of one connection on its read thread; close may come from its write thread.
 */
final class EngineWebSocket extends WebSocketClient {

    private final SocketIoTransport owner;
    private final ReadPacing.Pacer pacer;
    private volatile long pingSentNanos;

    EngineWebSocket(
            URI uri,
            int maxFrameBytes,
            int connectTimeoutMillis,
            SSLContext ssl,
            ReadPacing.Pacer pacer,
            SocketIoTransport owner) {
        super(uri, new Draft_6455(List.of(), maxFrameBytes), Map.of(), connectTimeoutMillis);
        this.owner = owner;
        this.pacer = pacer;
        setTcpNoDelay(true);
        setConnectionLostTimeout(0);
        if (ssl != null && uri.getScheme().equals("wss")) {
            setSocketFactory(ssl.getSocketFactory());
        }
    }

    /** Sends a text frame; false when the connection cannot take it. */
    boolean sendText(String text) {
        try {
            send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Sends a WebSocket ping, whose pong measures the round trip. */
    void ping() {
        if (isOpen()) {
            pingSentNanos = System.nanoTime();
            try {
                sendPing();
            } catch (WebsocketNotConnectedException e) {
                // Closing: onClose reports it.
            }
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // Never connected or already closed: nothing to release.
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        owner.webSocketOpened(this);
    }

    @Override
    public void onMessage(String message) {
        owner.webSocketMessage(this, message, System.nanoTime());
        pacer.afterMessage();
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        owner.webSocketBinary(this, bytes.remaining());
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        long sent = pingSentNanos;
        if (sent != 0) {
            owner.webSocketRoundTrip(this, System.nanoTime() - sent);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        owner.webSocketClosed(this, code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
        // onClose follows every error and reports it.
    }
}
