package com.klinelive.bench.transport;

import com.klinelive.bench.common.Samples;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor: the round trip of a message the size of a tick over a raw loopback TCP connection (blocking
 * sockets, TCP_NODELAY, a thread per side), paced like a feed so that both ends sleep between messages, as
 * they do between ticks.
 */
final class TcpEcho {

    /** About the size of a native tick message. */
    static final int MESSAGE_BYTES = 110;

    private TcpEcho() {
    }

    /** Round trips, {@code perSecond} a second, for {@code count} messages after a warm-up of a tenth of that. */
    static Samples roundTrips(int count, int perSecond) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> serve(server), "tcp-echo");
            echo.setDaemon(true);
            echo.start();
            Samples rtt = new Samples(count);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] message = new byte[MESSAGE_BYTES];
                long period = 1_000_000_000L / perSecond;
                long next = System.nanoTime();
                for (int i = -count / 10; i < count; i++) {
                    long t0 = System.nanoTime();
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
            return rtt;
        }
    }

    private static void serve(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buffer = new byte[MESSAGE_BYTES];
            DataInputStream data = new DataInputStream(in);
            while (true) {
                data.readFully(buffer);
                out.write(buffer);
                out.flush();
            }
        } catch (IOException e) {
            // The client hung up: done.
        }
    }
}
