package com.klinelive.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of a real server, for fault tests: it can cut every connection,
 * stall (stop forwarding without closing), and refuse WebSocket upgrades with 403 while passing plain HTTP.
 * Daemon threads; {@link #close()} ends everything.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger upgradesRefused = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean stalled;
    private volatile boolean refuseUpgrades;
    private volatile boolean closed;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops forwarding bytes in both directions, without closing anything; false resumes. */
    public void stall(boolean value) {
        stalled = value;
    }

    /** Answers WebSocket upgrade requests with 403 (as a proxy that strips WebSocket would); false passes them. */
    public void refuseUpgrades(boolean value) {
        refuseUpgrades = value;
    }

    /** Closes every open connection at once. */
    public void cutAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    public int upgradesRefused() {
        return upgradesRefused.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Sockets still open: each relayed connection holds two, one either side of the proxy. */
    public int openSockets() {
        return sockets.size();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cutAll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            byte[] first = new byte[8192];
            int n = in.read(first);
            if (n <= 0) {
                closeQuietly(client);
                return;
            }
            String head = new String(first, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (refuseUpgrades && head.contains("upgrade: websocket")) {
                upgradesRefused.incrementAndGet();
                client.getOutputStream()
                        .write(("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close" + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                closeQuietly(client);
                return;
            }
            Socket upstream = new Socket();
            sockets.add(upstream);
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
            upstream.setTcpNoDelay(true);
            upstream.getOutputStream().write(first, 0, n);
            Thread back = new Thread(() -> pump(upstream, client), "proxy-down");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (!closed) {
                while (stalled && !closed && !from.isClosed()) {
                    Thread.sleep(5);
                }
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                while (stalled && !closed && !from.isClosed()) {
                    Thread.sleep(5);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // One side went away: close both below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
