package com.klinelive.sim;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything live about one symbol: the ticks it published (replay buffer and candles), the WebSocket clients
 * streaming it, and the long polls waiting for it.
 *
 * <p>One lock orders publishing against subscribing and polling, which is what makes resuming exact: a client is
 * switched from replay to live in the same critical section that sends its last replayed tick, so the next
 * published batch is the next thing it gets. Each batch is encoded once and the same text goes to every client.
 * Ticks go into the replay buffer before the candles, so {@code /history} never reports a sequence that a
 * {@code subscribe} could not resume from.
 */
final class SymbolChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SymbolChannel.class);
    private static final Subscription[] NONE = new Subscription[0];

    private final int index;
    private final String symbol;
    private final String epoch;
    private final int maxBatch;
    private final ReplayBuffer buffer;
    private final CandleBook book;
    private final ReentrantLock lock = new ReentrantLock();
    private final BatchEncoder encoder;
    private final TickColumns scratch;
    private final List<PollWaiter> waiters = new ArrayList<>();
    // Copy-on-write: a send during fan-out may close a client, which unsubscribes it from this very array.
    private Subscription[] live = NONE;
    private volatile long lastSeq;

    /**
     * @param index    this symbol's position in the server's list, which indexes each client's subscriptions
     * @param buffer   replay buffer starting after the pre-filled history
     * @param book     candles holding the pre-filled history
     * @param maxBatch most ticks in one message
     */
    SymbolChannel(int index, String symbol, String epoch, ReplayBuffer buffer, CandleBook book, int maxBatch) {
        this.index = index;
        this.symbol = symbol;
        this.epoch = epoch;
        this.buffer = buffer;
        this.book = book;
        this.maxBatch = maxBatch;
        this.encoder = new BatchEncoder(symbol);
        this.scratch = new TickColumns(Math.min(maxBatch, 4096));
        this.lastSeq = buffer.lastSeq();
    }

    int index() {
        return index;
    }

    String symbol() {
        return symbol;
    }

    /** The last sequence published; readable from any thread. */
    long lastSeq() {
        return lastSeq;
    }

    /** WebSocket clients currently streaming this symbol live. */
    int liveCount() {
        return live.length;
    }

    /**
     * Publishes the ticks of {@code batch}, whose sequence numbers continue from {@link #lastSeq()}: counts them in
     * the replay buffer and the candles, sends them to every live client and answers the held polls.
     */
    void publish(TickColumns batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<PollWaiter> ready = List.of();
        Map<Long, String> answers = Map.of();
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                buffer.append(batch.seqs[i], batch.times[i], batch.prices[i], batch.sizes[i]);
            }
            int counted = book.apply(batch.seqs, batch.times, batch.prices, batch.sizes, 0, batch.size(), null);
            if (counted != batch.size()) {
                LOG.warn(
                        "{} seq {} to {}: the candle engine refused {} ticks",
                        symbol,
                        batch.firstSeq(),
                        batch.lastSeq(),
                        batch.size() - counted);
            }
            lastSeq = buffer.lastSeq();
            if (live.length > 0) {
                fanOut(batch);
            }
            if (!waiters.isEmpty()) {
                ready = new ArrayList<>(waiters);
                waiters.clear();
                answers = new HashMap<>();
                for (PollWaiter waiter : ready) {
                    answers.computeIfAbsent(waiter.since(), this::pollAnswer);
                }
            }
        } finally {
            lock.unlock();
        }
        // Responses are written outside the lock: a write may run completion code of the HTTP layer.
        for (PollWaiter waiter : ready) {
            waiter.answer(answers.get(waiter.since()));
        }
    }

    /** Streams live ticks to the subscriber from now on; stops a replay in progress (no {@code since}: live). */
    void subscribeLive(Subscription s) {
        lock.lock();
        try {
            if (s.state != Subscription.State.LIVE) {
                goLive(s);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts sending the subscriber every tick after {@code since} it was not sent yet on this connection, then
     * live ticks. If the buffer no longer holds what it lacks, or {@code since} is ahead of this run of the server,
     * it gets a {@code reset} and live ticks instead.
     *
     * @return true if a replay began: the caller then drives it with {@link #replayNext}
     */
    boolean resume(Subscription s, long since) {
        lock.lock();
        try {
            removeLive(s);
            long last = buffer.lastSeq();
            if (since > last) {
                reset(s, "since " + since + " is ahead of the last seq " + last + " of epoch " + epoch);
                return false;
            }
            long missing = s.sent.firstMissingAfter(since);
            if (missing <= last && missing - 1 < buffer.floorSeq()) {
                reset(
                        s,
                        "since " + since + " is older than the replay buffer, which starts after " + buffer.floorSeq());
                return false;
            }
            s.cursor = since;
            if (missing > last) {
                goLive(s);
                return false;
            }
            s.state = Subscription.State.CATCHING_UP;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a catching-up subscriber its next replay chunk; once it holds everything, switches it to live in the
     * same critical section, so the next batch published is the next message it gets.
     *
     * @param done completed when the chunk was written (or failed)
     * @return true if a chunk went out and {@code done} will be completed; false if there was nothing to send
     */
    boolean replayNext(Subscription s, Callback done) {
        lock.lock();
        try {
            if (s.state != Subscription.State.CATCHING_UP) {
                return false;
            }
            long last = buffer.lastSeq();
            long first = s.sent.firstMissingAfter(s.cursor);
            if (first > last) {
                goLive(s);
                return false;
            }
            if (first - 1 < buffer.floorSeq()) {
                reset(s, "the replay fell behind the buffer, which starts after " + buffer.floorSeq());
                return false;
            }
            long end = Math.min(Math.min(last, first - 1 + maxBatch), s.sent.nextSentAtOrAfter(first) - 1);
            buffer.copyAfter(first - 1, (int) (end - first + 1), scratch);
            int count = encoder.encode(scratch, 0, scratch.size(), null);
            long sentTo = first + count - 1;
            s.sent.add(first, sentTo);
            s.cursor = sentTo;
            boolean caughtUp = s.sent.firstMissingAfter(sentTo) > last;
            if (!s.client.send(encoder.text(), done)) {
                return false;
            }
            if (caughtUp) {
                goLive(s);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops everything for this subscriber: no live ticks, no replay. */
    void unsubscribe(Subscription s) {
        lock.lock();
        try {
            removeLive(s);
            s.state = Subscription.State.OFF;
            s.sent.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A long poll: the answer at once when there are ticks after {@code since} (or a reset), otherwise null after
     * registering {@code waiter} to be answered by the next publish.
     *
     * @param since the last sequence the client holds, or -1 for "from now on"
     */
    String pollOrWait(long since, PollWaiter waiter) {
        lock.lock();
        try {
            long last = buffer.lastSeq();
            long from = since < 0 ? last : since;
            if (from == last) {
                waiter.since(from);
                waiters.add(waiter);
                return null;
            }
            return pollAnswer(from);
        } finally {
            lock.unlock();
        }
    }

    /** Takes a waiter back (its poll timed out or its client left); false if a publish took it first. */
    boolean cancel(PollWaiter waiter) {
        lock.lock();
        try {
            return waiters.remove(waiter);
        } finally {
            lock.unlock();
        }
    }

    /** Every held poll, taken out for an answer (the server is stopping). */
    List<PollWaiter> drainWaiters() {
        lock.lock();
        try {
            List<PollWaiter> all = new ArrayList<>(waiters);
            waiters.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** An empty batch, the answer to a poll that waited in vain. */
    String emptyAnswer() {
        lock.lock();
        try {
            return encoder.empty(epoch);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The newest {@code limit} candles that start before {@code endExclusive} (epoch ms; {@code Long.MAX_VALUE} for
     * the newest of all), and the last sequence counted, read atomically.
     */
    HistorySnapshot history(Timeframe timeframe, int limit, long endExclusive) {
        return book.read(timeframe, columns -> {
            long seq = book.lastSeq();
            int to = endExclusive == Long.MAX_VALUE ? columns.size() : columns.ceilingIndex(endExclusive);
            int from = Math.max(0, to - limit);
            List<Candle> candles = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                candles.add(columns.candle(i));
            }
            return new HistorySnapshot(symbol, timeframe, seq, candles);
        });
    }

    // The batch since `since`, capped; or a reset when the buffer cannot tell what came after it.
    private String pollAnswer(long since) {
        long last = buffer.lastSeq();
        if (since > last) {
            return NativeEncoder.reset(
                    symbol, last, "since " + since + " is ahead of the last seq " + last + " of epoch " + epoch);
        }
        if (!buffer.canResumeAfter(since)) {
            return NativeEncoder.reset(
                    symbol,
                    last,
                    "since " + since + " is older than the replay buffer, which starts after " + buffer.floorSeq());
        }
        buffer.copyAfter(since, maxBatch, scratch);
        encoder.encode(scratch, 0, scratch.size(), epoch);
        return encoder.text();
    }

    private void fanOut(TickColumns batch) {
        int from = 0;
        while (from < batch.size()) {
            int count = encoder.encode(batch, from, Math.min(batch.size(), from + maxBatch), null);
            String text = encoder.text();
            long firstSeq = batch.seqs[from];
            long lastSeqOfMessage = batch.seqs[from + count - 1];
            for (Subscription s : live) {
                if (s.client.send(text, null)) {
                    s.sent.add(firstSeq, lastSeqOfMessage);
                }
            }
            from += count;
        }
    }

    private void reset(Subscription s, String reason) {
        s.client.send(NativeEncoder.reset(symbol, buffer.lastSeq(), reason), null);
        s.sent.clear();
        goLive(s);
    }

    private void goLive(Subscription s) {
        if (s.state != Subscription.State.LIVE) {
            s.state = Subscription.State.LIVE;
            Subscription[] grown = Arrays.copyOf(live, live.length + 1);
            grown[live.length] = s;
            live = grown;
        }
    }

    private void removeLive(Subscription s) {
        if (s.state != Subscription.State.LIVE) {
            return;
        }
        s.state = Subscription.State.OFF;
        for (int i = 0; i < live.length; i++) {
            if (live[i] == s) {
                Subscription[] shrunk = new Subscription[live.length - 1];
                System.arraycopy(live, 0, shrunk, 0, i);
                System.arraycopy(live, i + 1, shrunk, i, live.length - i - 1);
                live = shrunk;
                return;
            }
        }
    }
}
