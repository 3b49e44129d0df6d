package com.klinelive.bench.transport;

import com.klinelive.bench.common.Samples;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor: the round trip, and the one-way trip, of a message the size of a tick over a raw loopback TCP
 * connection (blocking sockets, TCP_NODELAY, a thread per side), paced like a feed so that both ends sleep
 * between messages, as they do between ticks.
 */
final class TcpEcho {

    /** About the size of a native tick message. */
    static final int MESSAGE_BYTES = 110;

    private TcpEcho() {}

    /** Round trips, {@code perSecond} a second, for {@code count} messages after a warm-up of a tenth of that. */
    static Samples roundTrips(int count, int perSecond) throws IOException, InterruptedException {
        return measure(count, perSecond).roundTrips();
    }

    /**
     * Round trips and, from the same messages, the one-way trip from the client's write to the echoing thread
     * having read the message: what a sender thread and a sleeping reader thread pay at the least, the floor of
     * a delivery latency.
     */
    static Floor measure(int count, int perSecond) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Samples oneWay = new Samples(count);
            Thread echo = new Thread(() -> serve(server, oneWay), "tcp-echo");
            echo.setDaemon(true);
            echo.start();
            Samples rtt = new Samples(count);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] message = new byte[MESSAGE_BYTES];
                ByteBuffer stamp = ByteBuffer.wrap(message);
                long period = 1_000_000_000L / perSecond;
                long next = System.nanoTime();
                for (int i = -count / 10; i < count; i++) {
                    long t0 = System.nanoTime();
                    // A negative stamp marks a warm-up message, which the echoing side does not count.
                    stamp.putLong(0, i >= 0 ? t0 : -1);
                    out.write(message);
                    out.flush();
                    in.readFully(message);
                    if (i >= 0) {
                        rtt.add(System.nanoTime() - t0);
                    }
                    next += period;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }
            echo.join(1_000);
            synchronized (oneWay) {
                return new Floor(rtt, oneWay);
            }
        }
    }

    /** Round trips and one-way trips of the same messages, in nanoseconds. */
    record Floor(Samples roundTrips, Samples oneWay) {}

    private static void serve(ServerSocket server, Samples oneWay) {
        try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buffer = new byte[MESSAGE_BYTES];
            ByteBuffer stamp = ByteBuffer.wrap(buffer);
            DataInputStream data = new DataInputStream(in);
            while (true) {
                data.readFully(buffer);
                long now = System.nanoTime();
                long sent = stamp.getLong(0);
                if (sent >= 0) {
                    synchronized (oneWay) {
                        oneWay.add(now - sent);
                    }
                }
                out.write(buffer);
                out.flush();
            }
        } catch (IOException e) {
            // The client hung up: done.
        }
    }
}
