package com.klinelive.feed;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on a free loopback port that plays a script: what to send when a client connects and
 * how to answer its messages. Records what clients send, for assertions.
 */
final class ScriptedFeedServer extends WebSocketServer implements AutoCloseable {

    /** What the server does; every method runs on the server's thread. */
    interface Script {
        default void onOpen(WebSocket socket, int connection) {}

        default void onMessage(WebSocket socket, String message, int connection) {}
    }

    private final Script script;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private ScriptedFeedServer(Script script) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.script = script;
        setReuseAddr(true);
    }

    static ScriptedFeedServer start(Script script) throws InterruptedException {
        ScriptedFeedServer server = new ScriptedFeedServer(script);
        server.start();
        if (!server.started.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test server did not start");
        }
        return server;
    }

    /** The feed URL for a WebSocket at {@code path}. */
    String url(String path) {
        return "ws://127.0.0.1:" + getPort() + path;
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(connections.incrementAndGet());
        script.onOpen(conn, conn.<Integer>getAttachment());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
        script.onMessage(conn, message, conn.<Integer>getAttachment());
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        received.add("<binary>");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1_000);
    }
}
