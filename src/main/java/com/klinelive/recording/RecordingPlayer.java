package com.klinelive.recording;

import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a tick recording into a {@link TradeSink} in recorded time, at 1x to 100x: play, pause, change speed,
 * step one candle, seek to a time. Headless: the {@code replay} command drives the simulator with it, and a
 * chart's player controls will drive a chart's books with it.
 *
 * <p>Threads: the player has its own thread, which reads the file and calls the sink. The controls may be called
 * from any thread (the FX thread included): they post a command to the player's thread and return at once; the
 * getters read what the player last published. Trades are sent in the order recorded; the player's clock
 * ({@link #position()}, epoch ms of the recording) advances at the speed while playing, and every trade up to it
 * has been sent.
 */
public final class RecordingPlayer implements AutoCloseable {

    /** Slowest and fastest speed: real time to a hundred times real time. */
    public static final double MIN_SPEED = 1;

    public static final double MAX_SPEED = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RecordingPlayer.class);
    private static final long IDLE_PARK_NANOS = 50_000_000L;

    /** What the player is doing. */
    public enum State {
        /** Waiting for {@link #play()}, a step or a seek. */
        PAUSED,
        /** Sending trades as the clock reaches them. */
        PLAYING,
        /** Every trade was sent. */
        ENDED
    }

    private final Path file;
    private final TradeSink sink;
    private final Set<String> symbols;
    private final long firstTime;
    private final long lastTime;
    private final ReadEnd readEnd;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    // Player thread only.
    private TickFileReader reader;
    private final TickBatch batch = new TickBatch();
    private int next;
    private long anchorPosition;
    private long anchorNanos;

    private volatile State state = State.PAUSED;
    private volatile long position;
    private volatile double speed;
    private volatile long sent;
    private volatile boolean closed;

    private RecordingPlayer(
            Path file, TradeSink sink, Set<String> symbols, long first, long last, ReadEnd end, double speed)
            throws IOException {
        this.file = file;
        this.sink = sink;
        this.symbols = symbols;
        this.firstTime = first;
        this.lastTime = last;
        this.readEnd = end;
        this.speed = speed;
        this.position = first - 1;
        this.reader = TickFileReader.open(file);
        this.thread = new Thread(this::run, "recording-player");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Reads the recording once through (its symbols, first and last time, and where it stops being whole), and
     * waits paused before its first trade.
     *
     * @param speed 1 to 100 times real time
     * @throws IOException when it cannot be read, is not a recording, or holds no trade
     */
    public static RecordingPlayer open(Path file, TradeSink sink, double speed) throws IOException {
        Objects.requireNonNull(sink, "sink");
        checkSpeed(speed);
        Set<String> symbols = new TreeSet<>();
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        ReadEnd end = TickFileReader.scan(file, (offset, trades) -> {
            for (int i = 0; i < trades.size(); i++) {
                symbols.add(trades.symbol(i));
                range[0] = Math.min(range[0], trades.time(i));
                range[1] = Math.max(range[1], trades.time(i));
            }
        });
        if (end.trades() == 0) {
            throw new IOException(
                    "the recording " + file + " holds no trade" + (end.complete() ? "" : ": " + end.describe()));
        }
        return new RecordingPlayer(file, sink, Collections.unmodifiableSet(symbols), range[0], range[1], end, speed);
    }

    /** The symbols traded in the recording, sorted. */
    public Set<String> symbols() {
        return symbols;
    }

    /** The earliest trade time, epoch ms UTC. */
    public long firstTime() {
        return firstTime;
    }

    /** The latest trade time, epoch ms UTC. */
    public long lastTime() {
        return lastTime;
    }

    /** What the recording holds and, if it is cut short or damaged, where it stops. */
    public ReadEnd readEnd() {
        return readEnd;
    }

    public State state() {
        return state;
    }

    /** The player's clock in recorded time, epoch ms UTC: every trade up to it was sent. */
    public long position() {
        return position;
    }

    public double speed() {
        return speed;
    }

    /** Trades sent since the start (or since the last seek backwards). */
    public long sent() {
        return sent;
    }

    /** Plays from where the player is; after the end, nothing. */
    public void play() {
        post(() -> {
            if (state == State.PAUSED) {
                anchor();
                state = State.PLAYING;
            }
        });
    }

    /** Stops the clock; nothing is sent until {@link #play()}, a step or a seek. */
    public void pause() {
        post(() -> {
            if (state == State.PLAYING) {
                advanceClock();
                state = State.PAUSED;
            }
        });
    }

    /** Changes the speed, 1 to 100 times real time, without a jump of the clock. */
    public void speed(double value) {
        checkSpeed(value);
        post(() -> {
            if (state == State.PLAYING) {
                advanceClock();
                anchor();
            }
            speed = value;
        });
    }

    /**
     * Pauses and sends the trades up to the end of the candle of {@code timeframe} the next trade falls in: the
     * chart gains one whole candle.
     */
    public void stepCandle(Timeframe timeframe) {
        Objects.requireNonNull(timeframe, "timeframe");
        post(() -> {
            if (state == State.PLAYING) {
                advanceClock();
            }
            if (state == State.ENDED || !hasNext()) {
                end();
                return;
            }
            long candleEnd = timeframe.bucketStart(Math.max(batch.time(next), position + 1)) + timeframe.millis() - 1;
            sendUpTo(candleEnd);
            position = candleEnd;
            state = hasNext() ? State.PAUSED : State.ENDED;
        });
    }

    /**
     * Moves the clock to {@code time} (epoch ms UTC): forwards by sending everything up to it at once, backwards by
     * resetting the sink and sending everything from the start up to it. Playing goes on playing.
     */
    public void seek(long time) {
        post(() -> {
            boolean playing = state == State.PLAYING;
            if (playing) {
                advanceClock();
            }
            if (time < position) {
                sink.reset();
                reader.seek(TickFileReader.firstFrame());
                batch.clear();
                next = 0;
                sent = 0;
                position = firstTime - 1;
            }
            sendUpTo(time);
            position = Math.max(position, time);
            state = !hasNext() ? State.ENDED : playing ? State.PLAYING : State.PAUSED;
            anchor();
        });
    }

    /** Stops the player's thread and closes the file. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (TickFileReader r = reader) {
            while (!closed) {
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                if (state != State.PLAYING) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    continue;
                }
                advanceClock();
                if (!hasNext()) {
                    end();
                    continue;
                }
                // Sleep until the next trade is due in recorded time, or a command comes.
                double due = (batch.time(next) - position) / speed * 1e6;
                LockSupport.parkNanos((long) Math.max(100_000, Math.min(IDLE_PARK_NANOS, due)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("playing {} failed", file, e);
            state = State.ENDED;
        }
    }

    /** Runs a control on the player's thread. */
    private void post(IoCommand command) {
        commands.add(() -> {
            try {
                command.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        LockSupport.unpark(thread);
    }

    /** Moves the clock on by the time played since the anchor, and sends every trade it passed. */
    private void advanceClock() throws IOException {
        long now = System.nanoTime();
        long target = anchorPosition + (long) ((now - anchorNanos) / 1e6 * speed);
        if (target > position) {
            sendUpTo(target);
            position = target;
        }
    }

    private void anchor() {
        anchorPosition = position;
        anchorNanos = System.nanoTime();
    }

    private void end() {
        position = Math.max(position, lastTime);
        state = State.ENDED;
        sink.flush();
    }

    /** Sends the trades, in recorded order, until the next one is after {@code time}. */
    private void sendUpTo(long time) throws IOException {
        long count = 0;
        while (hasNext() && batch.time(next) <= time) {
            sink.trade(batch.symbol(next), batch.seq(next), batch.time(next), batch.price(next), batch.quantity(next));
            next++;
            count++;
        }
        sent += count;
        if (count > 0) {
            sink.flush();
        }
    }

    /** Whether a trade is left to send; loads the next frame when this one is spent. */
    private boolean hasNext() throws IOException {
        while (next >= batch.size()) {
            if (!reader.next(batch)) {
                return false;
            }
            next = 0;
        }
        return true;
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be 1 to 100: " + speed);
        }
    }

    @FunctionalInterface
    private interface IoCommand {
        void run() throws IOException;
    }
}
