package com.klinelive.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds that keep the simulator's memory and threads in check whatever its clients do.
 *
 * @param maxConnections   open TCP connections accepted at once; more wait in the accept queue
 * @param maxWebSockets    WebSocket clients at once; more get 503 on the handshake
 * @param maxPolls         long polls held at once; more get 503
 * @param maxBatch         most ticks in one message: a poll answer, a replay chunk
 * @param replayCapacity   ticks kept per symbol for resuming clients; 0 picks one from the tick rate
 * @param clientQueueBytes bytes queued for one WebSocket client before it is cut off as too slow
 * @param pollHold         how long a poll with nothing to answer is held open
 * @param heartbeat        a WebSocket idle this long gets a heartbeat message
 * @param pingInterval     how often every WebSocket is pinged
 * @param idleTimeout      a connection with no traffic for this long is closed
 */
public record SimLimits(
        int maxConnections,
        int maxWebSockets,
        int maxPolls,
        int maxBatch,
        int replayCapacity,
        int clientQueueBytes,
        Duration pollHold,
        Duration heartbeat,
        Duration pingInterval,
        Duration idleTimeout) {

    /** Inbound WebSocket messages and frames larger than this close the connection with 1009. */
    public static final int MAX_INBOUND_MESSAGE = 64 * 1024;

    /** Replay capacity used when none is given: a minute of ticks, within these bounds. */
    static final int MIN_REPLAY = 1 << 16;

    static final int MAX_REPLAY = 1 << 21;

    public SimLimits {
        Objects.requireNonNull(pollHold, "pollHold");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        positive(maxConnections, "maxConnections");
        positive(maxWebSockets, "maxWebSockets");
        positive(maxPolls, "maxPolls");
        positive(maxBatch, "maxBatch");
        positive(clientQueueBytes, "clientQueueBytes");
        if (replayCapacity < 0 || replayCapacity > 1 << 28) {
            throw new IllegalArgumentException("replayCapacity must be 0 (automatic) .. 2^28: " + replayCapacity);
        }
        if (clientQueueBytes < 2 * MAX_INBOUND_MESSAGE) {
            throw new IllegalArgumentException("clientQueueBytes must be at least " + 2 * MAX_INBOUND_MESSAGE);
        }
        positive(pollHold, "pollHold");
        positive(heartbeat, "heartbeat");
        positive(pingInterval, "pingInterval");
        positive(idleTimeout, "idleTimeout");
    }

    /** The defaults: sized for a thousand clients on a small machine. */
    public static SimLimits defaults() {
        return new SimLimits(
                4096,
                2048,
                1024,
                5000,
                0,
                1 << 20,
                Duration.ofSeconds(25),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60));
    }

    public SimLimits withMaxWebSockets(int value) {
        return new SimLimits(
                maxConnections,
                value,
                maxPolls,
                maxBatch,
                replayCapacity,
                clientQueueBytes,
                pollHold,
                heartbeat,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withMaxPolls(int value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                value,
                maxBatch,
                replayCapacity,
                clientQueueBytes,
                pollHold,
                heartbeat,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withMaxBatch(int value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                value,
                replayCapacity,
                clientQueueBytes,
                pollHold,
                heartbeat,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withReplayCapacity(int value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                maxBatch,
                value,
                clientQueueBytes,
                pollHold,
                heartbeat,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withClientQueueBytes(int value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                maxBatch,
                replayCapacity,
                value,
                pollHold,
                heartbeat,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withPollHold(Duration value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                maxBatch,
                replayCapacity,
                clientQueueBytes,
                value,
                heartbeat,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withHeartbeat(Duration value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                maxBatch,
                replayCapacity,
                clientQueueBytes,
                pollHold,
                value,
                pingInterval,
                idleTimeout);
    }

    public SimLimits withPingInterval(Duration value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                maxBatch,
                replayCapacity,
                clientQueueBytes,
                pollHold,
                heartbeat,
                value,
                idleTimeout);
    }

    public SimLimits withIdleTimeout(Duration value) {
        return new SimLimits(
                maxConnections,
                maxWebSockets,
                maxPolls,
                maxBatch,
                replayCapacity,
                clientQueueBytes,
                pollHold,
                heartbeat,
                pingInterval,
                value);
    }

    /** The replay capacity in force for a symbol generating {@code rate} ticks per second. */
    int replayCapacityFor(double rate) {
        if (replayCapacity > 0) {
            return replayCapacity;
        }
        return (int) Math.max(MIN_REPLAY, Math.min(MAX_REPLAY, rate * 60));
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1: " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }
}
