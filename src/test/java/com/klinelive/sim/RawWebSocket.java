package com.klinelive.sim;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket spoken byte by byte over a plain socket, for what a well-behaved client library will not do:
 * send a chosen Origin and read the raw status, announce a huge frame, or stop reading altogether.
 */
final class RawWebSocket implements Closeable {

    /** One frame from the server. */
    record Frame(int opcode, byte[] payload) {

        /** Close status code, or -1 for a close frame without one. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int status;
    private final String head;

    private RawWebSocket(Socket socket, int status, String head) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.status = status;
        this.head = head;
    }

    /**
     * Sends a handshake to {@code /ws} and reads the response head.
     *
     * @param origin         the Origin header, or null for none
     * @param receiveBuffer  the socket's receive buffer in bytes, or 0 for the default
     */
    static RawWebSocket open(int port, String origin, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream raw = socket.getInputStream();
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = raw.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            headBytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String head = headBytes.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        return new RawWebSocket(socket, status, head);
    }

    int status() {
        return status;
    }

    String head() {
        return head;
    }

    /** Sends the header of a masked, final frame announcing {@code length} payload bytes, and no payload. */
    void sendHeader(int opcode, long length) throws IOException {
        out.write(header(opcode, length));
        out.flush();
    }

    /** Sends a masked, final text frame. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(header(0x1, payload.length));
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(masked);
        out.flush();
    }

    /** The next frame, or null when the connection ends, even in the middle of a frame. */
    Frame readFrame() throws IOException {
        try {
            return readWholeFrame();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException endOrReset) {
            return null;
        }
    }

    private Frame readWholeFrame() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > 1 << 24) {
            throw new IOException("frame too large for a test: " + length);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(b0 & 0x0f, payload);
    }

    /** Reads frames until a close frame (returned) or the end of the stream (null). */
    Frame readUntilClose() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame == null || frame.opcode() == 0x8) {
                return frame;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // The mask key is fixed: these tests are not about masking.
    private static byte[] header(int opcode, long length) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(0x80 | opcode);
        if (length < 126) {
            h.write(0x80 | (int) length);
        } else if (length < 65_536) {
            h.write(0x80 | 126);
            h.write((int) (length >> 8));
            h.write((int) length);
        } else {
            h.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                h.write((int) (length >> shift));
            }
        }
        h.write(1);
        h.write(2);
        h.write(3);
        h.write(4);
        return h.toByteArray();
    }
}
