package com.klinelive.recording;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a tick recording frame by frame, up to its last whole frame: a file cut short by a crash, or damaged,
 * reads up to where it stops being whole, and {@link #end()} says where that is and why. Never reads more than one
 * frame (at most 1 MiB) into memory. Not thread-safe.
 *
 * <pre>{@code
 * try (TickFileReader reader = TickFileReader.open(file)) {
 *     TickBatch batch = new TickBatch();
 *     while (reader.next(batch)) { ... batch.symbol(i), batch.seq(i) ... }
 *     System.out.println(reader.end().describe());
 * }
 * }</pre>
 */
public final class TickFileReader implements AutoCloseable {

    private final FileChannel channel;
    private final long fileSize;
    private final CRC32C crc = new CRC32C();
    private final List<String> symbols = new ArrayList<>();
    private InputStream in;
    private byte[] payload = new byte[4096];
    private long position;
    private long frames;
    private long trades;
    private long lost;
    private ReadEnd end;

    private TickFileReader(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        byte[] header = in.readNBytes(TickFileFormat.HEADER_BYTES);
        if (header.length < TickFileFormat.HEADER_BYTES
                || !Arrays.equals(Arrays.copyOf(header, TickFileFormat.MAGIC.length), TickFileFormat.MAGIC)) {
            throw new IOException("not a KLine Live tick recording (it does not start with KLTICKS)");
        }
        if (header[TickFileFormat.MAGIC.length] != TickFileFormat.VERSION) {
            throw new IOException("a tick recording of format version " + header[TickFileFormat.MAGIC.length]
                    + "; this program reads version " + TickFileFormat.VERSION);
        }
        position = TickFileFormat.HEADER_BYTES;
    }

    /**
     * Opens a recording and checks its header.
     *
     * @throws IOException when it cannot be read or is not a recording of this format
     */
    public static TickFileReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new TickFileReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Replaces the content of {@code out} with the next frame's trades. Returns false at the end of the file or
     * where it stops being whole; then {@link #end()} says which. A frame may hold no trades (only a count of lost
     * ones).
     */
    public boolean next(TickBatch out) throws IOException {
        out.clear();
        if (end != null) {
            return false;
        }
        if (position == fileSize) {
            return finish(ReadEnd.Kind.COMPLETE, "");
        }
        long length;
        try {
            length = readVarint();
        } catch (EOFException e) {
            return finish(ReadEnd.Kind.TRUNCATED, "the file ends inside a frame's length");
        }
        if (length < 1 || length > TickFileFormat.MAX_FRAME) {
            return finish(ReadEnd.Kind.DAMAGED, "a frame length of " + length + " bytes");
        }
        int n = (int) length;
        if (payload.length < n + 4) {
            payload = new byte[Math.max(n + 4, payload.length * 2)];
        }
        int got = in.readNBytes(payload, 0, n + 4);
        if (got < n + 4) {
            return finish(ReadEnd.Kind.TRUNCATED, "the last frame is cut short (" + got + " of " + (n + 4) + " bytes)");
        }
        crc.reset();
        crc.update(payload, 0, n);
        int stored = (payload[n] & 0xFF)
                | (payload[n + 1] & 0xFF) << 8
                | (payload[n + 2] & 0xFF) << 16
                | (payload[n + 3] & 0xFF) << 24;
        if ((int) crc.getValue() != stored) {
            return finish(ReadEnd.Kind.DAMAGED, "a frame fails its checksum");
        }
        int lostBefore = 0;
        try {
            lostBefore = decode(payload, n, out);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            out.clear();
            return finish(ReadEnd.Kind.DAMAGED, "a frame does not decode: " + e.getMessage());
        }
        position += varintLength(length) + n + 4;
        frames++;
        trades += out.size();
        lost += lostBefore;
        return true;
    }

    /** The byte after the last whole frame read; a frame starts there. */
    public long position() {
        return position;
    }

    /**
     * Goes on reading at {@code frameOffset}, which must be a frame's start (a {@link #position()} seen before, or
     * the first frame's, {@link #firstFrame()}).
     */
    public void seek(long frameOffset) throws IOException {
        if (frameOffset < TickFileFormat.HEADER_BYTES || frameOffset > fileSize) {
            throw new IllegalArgumentException("offset " + frameOffset + " outside the frames");
        }
        channel.position(frameOffset);
        in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        position = frameOffset;
        end = null;
    }

    /** Where the first frame starts. */
    public static long firstFrame() {
        return TickFileFormat.HEADER_BYTES;
    }

    /** Where and why reading stopped; null while there may be more. */
    public ReadEnd end() {
        return end;
    }

    /** Reads every frame of {@code file}, calling {@code each} per frame, and says where it stopped. */
    public static ReadEnd scan(Path file, FrameConsumer each) throws IOException {
        try (TickFileReader reader = open(file)) {
            TickBatch batch = new TickBatch();
            long start = reader.position();
            while (reader.next(batch)) {
                each.frame(start, batch);
                start = reader.position();
            }
            return reader.end();
        }
    }

    /** Receives each frame of {@link #scan}. */
    @FunctionalInterface
    public interface FrameConsumer {
        /**
         * @param offset where the frame starts, for {@link #seek}
         * @param trades its trades, valid only during the call
         */
        void frame(long offset, TickBatch trades) throws IOException;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean finish(ReadEnd.Kind kind, String detail) {
        end = new ReadEnd(kind, position, fileSize, frames, trades, lost, detail);
        return false;
    }

    /** Decodes a frame's records into {@code out}; returns the trades reported lost in it. */
    private int decode(byte[] b, int n, TickBatch out) {
        symbols.clear();
        long[] lastSeqs = new long[4];
        long lastTime = 0;
        int lostHere = 0;
        Cursor c = new Cursor(b, n);
        while (c.at < n) {
            int type = b[c.at++];
            switch (type) {
                case TickFileFormat.SYMBOL -> {
                    long id = c.varint();
                    long length = c.varint();
                    if (id != symbols.size() || length < 1 || length > TickFileFormat.MAX_SYMBOL_BYTES) {
                        throw new IllegalArgumentException("bad symbol record");
                    }
                    symbols.add(new String(b, c.take((int) length), (int) length, StandardCharsets.UTF_8));
                    if (symbols.size() > lastSeqs.length) {
                        lastSeqs = Arrays.copyOf(lastSeqs, lastSeqs.length * 2);
                    }
                }
                case TickFileFormat.TRADE -> {
                    long id = c.varint();
                    if (id < 0 || id >= symbols.size()) {
                        throw new IllegalArgumentException("a trade of an undeclared symbol");
                    }
                    long seq = lastSeqs[(int) id] + unzigzag(c.varint());
                    long time = lastTime + unzigzag(c.varint());
                    double price = c.decimal();
                    double quantity = c.decimal();
                    if (!(Double.isFinite(price) && price > 0 && Double.isFinite(quantity) && quantity >= 0)) {
                        throw new IllegalArgumentException("a trade with price " + price + " and size " + quantity);
                    }
                    out.add(symbols.get((int) id), seq, time, price, quantity);
                    lastSeqs[(int) id] = seq;
                    lastTime = time;
                }
                case TickFileFormat.LOST -> lostHere += (int) Math.min(Integer.MAX_VALUE, c.varint());
                default -> throw new IllegalArgumentException("unknown record type " + type);
            }
        }
        return lostHere;
    }

    private long readVarint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    private static int varintLength(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** Reads records from a frame's payload; any overrun is an exception, so a bad frame cannot read past itself. */
    private static final class Cursor {
        final byte[] b;
        final int n;
        int at;

        Cursor(byte[] b, int n) {
            this.b = b;
            this.n = n;
        }

        int take(int length) {
            if (at + length > n) {
                throw new IllegalArgumentException("a record runs past its frame");
            }
            int start = at;
            at += length;
            return start;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b[take(1)];
                value |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a varint longer than 10 bytes");
        }

        double decimal() {
            int scale = b[take(1)] & 0xFF;
            if (scale == TickFileFormat.RAW_DOUBLE) {
                int at = take(8);
                long bits = 0;
                for (int i = 7; i >= 0; i--) {
                    bits = (bits << 8) | (b[at + i] & 0xFF);
                }
                return Double.longBitsToDouble(bits);
            }
            if (scale > TickFileFormat.MAX_SCALE) {
                throw new IllegalArgumentException("decimal scale " + scale);
            }
            return FrameEncoder.decimal(scale, unzigzag(varint()));
        }
    }
}
