package com.klinelive.recording;

import com.klinelive.candle.TradeListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records trades to a tick recording (format in docs/PROTOCOL.md), appending to it if it exists. Trades are encoded
 * in memory by the thread that counted them ({@link #counted}, a {@link TradeListener}: never waits for the disk);
 * a background thread writes what came each second as one frame and forces it to the disk, so a crash loses at
 * most the last second. An existing recording is appended to after its last whole frame (a frame cut short by a
 * crash is dropped first).
 *
 * <p>Bounded: when the disk falls more than {@link #MAX_PENDING_BYTES} behind, further trades are dropped and
 * counted, and the count goes into the file as a record of lost trades; nothing is dropped silently.
 */
public final class TickFileWriter implements TradeListener, AutoCloseable {

    /** How often what was recorded reaches the disk. */
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

    /** Most encoded bytes held in memory while the disk is behind. */
    public static final int MAX_PENDING_BYTES = 16 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(TickFileWriter.class);

    /** A closed frame, ready for the disk. */
    private record Frame(byte[] bytes, int trades) {}

    private final Path file;
    private final FileChannel channel;
    private final ScheduledExecutorService flusher;
    private final CRC32C crc = new CRC32C();
    private final Object lock = new Object();
    private final FrameEncoder frame = new FrameEncoder();
    private final ReadEnd existing;
    // Guarded by lock.
    private List<Frame> ready = new ArrayList<>();
    private long readyBytes;
    private long lostToWrite;
    private long recorded;
    private long lost;
    private boolean closed;
    // Flusher thread only.
    private long written;
    private IOException failure;

    private TickFileWriter(Path file, FileChannel channel, ReadEnd existing) {
        this.file = file;
        this.channel = channel;
        this.existing = existing;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tick-recorder");
            t.setDaemon(true);
            return t;
        });
        long period = FLUSH_INTERVAL.toMillis();
        flusher.scheduleWithFixedDelay(this::flush, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens {@code file} for recording: creates it, or appends to the recording it holds after its last whole
     * frame.
     *
     * @throws IOException when it cannot be written, or exists and is not a tick recording (it is left alone)
     */
    public static TickFileWriter open(Path file) throws IOException {
        ReadEnd existing = null;
        if (Files.exists(file) && Files.size(file) > 0) {
            existing = TickFileReader.scan(file, (offset, trades) -> {});
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (existing == null) {
                channel.truncate(0);
                ByteBuffer header = ByteBuffer.allocate(TickFileFormat.HEADER_BYTES);
                header.put(TickFileFormat.MAGIC)
                        .put((byte) TickFileFormat.VERSION)
                        .flip();
                writeFully(channel, header);
                channel.force(false);
            } else {
                if (!existing.complete()) {
                    LOG.warn(
                            "recording {}: appending after its last whole frame, at byte {} ({})",
                            file,
                            existing.offset(),
                            existing.detail());
                    channel.truncate(existing.offset());
                }
                channel.position(existing.offset());
            }
            return new TickFileWriter(file, channel, existing);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What the file held when it was opened (null for a new file): appended to after {@code offset}. */
    public ReadEnd existing() {
        return existing;
    }

    /** Records one trade; returns at once (the disk is written by the recorder's own thread). */
    @Override
    public void counted(String symbol, long seq, long time, double price, double size) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (readyBytes + frame.size() > MAX_PENDING_BYTES) {
                lostToWrite++;
                lost++;
                return;
            }
            frame.trade(symbol, seq, time, price, size);
            recorded++;
            if (frame.size() >= TickFileFormat.FRAME_TARGET) {
                closeFrame();
            }
        }
    }

    /** Trades recorded so far (not counting those lost). */
    public long recorded() {
        synchronized (lock) {
            return recorded;
        }
    }

    /** Trades dropped because the disk fell too far behind. */
    public long lost() {
        synchronized (lock) {
            return lost;
        }
    }

    /** Writes what is left and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        channel.close();
        if (failure != null) {
            throw new IOException("recording " + file + " lost trades: " + failure.getMessage(), failure);
        }
    }

    /** The frame under way goes to the ready list; the caller holds the lock. */
    private void closeFrame() {
        if (lostToWrite > 0) {
            frame.lost(lostToWrite);
            lostToWrite = 0;
        }
        if (frame.size() == 0) {
            return;
        }
        int n = frame.size();
        byte[] framed = new byte[10 + n + 4];
        int at = 0;
        long length = n;
        while ((length & ~0x7FL) != 0) {
            framed[at++] = (byte) ((length & 0x7F) | 0x80);
            length >>>= 7;
        }
        framed[at++] = (byte) length;
        System.arraycopy(frame.bytes(), 0, framed, at, n);
        crc.reset();
        crc.update(frame.bytes(), 0, n);
        int sum = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            framed[at + n + i] = (byte) (sum >>> (8 * i));
        }
        Frame done = new Frame(java.util.Arrays.copyOf(framed, at + n + 4), frame.trades());
        ready.add(done);
        readyBytes += done.bytes().length;
        frame.reset();
    }

    /** Writes the frames closed so far, and the one under way, and forces them to the disk. */
    private synchronized void flush() {
        List<Frame> frames;
        synchronized (lock) {
            closeFrame();
            frames = ready;
            ready = new ArrayList<>();
            readyBytes = 0;
        }
        if (frames.isEmpty()) {
            return;
        }
        long writtenBefore = written;
        try {
            for (Frame f : frames) {
                writeFully(channel, ByteBuffer.wrap(f.bytes()));
                written += f.trades();
            }
            channel.force(false);
        } catch (IOException e) {
            long unwritten = frames.stream().mapToLong(Frame::trades).sum() - (written - writtenBefore);
            synchronized (lock) {
                lost += unwritten;
                lostToWrite += unwritten;
            }
            if (failure == null) {
                LOG.error("recording {}: cannot write ({}); the trades are counted as lost", file, e.getMessage());
            }
            failure = e;
            cutBackToLastFrame();
        }
    }

    /** After a failed write: a partial frame at the end would hide every later one, so it goes. */
    private void cutBackToLastFrame() {
        try {
            ReadEnd end = TickFileReader.scan(file, (offset, trades) -> {});
            channel.truncate(end.offset());
            channel.position(end.offset());
        } catch (IOException e) {
            LOG.warn("recording {}: cannot cut back a partial frame: {}", file, e.getMessage());
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
