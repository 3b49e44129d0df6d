package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that arrives on one transport: decodes each message on the network thread it arrived on and counts
 * its ticks at once into the symbol's {@link SymbolSync}; what happens to the connection goes to the
 * {@link ConnectionSupervisor} as events. Once the supervisor stops using the transport, its messages are dropped.
 */
final class Inbound implements TransportEvents, FeedSink {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final ConnectionSupervisor supervisor;
    private final SymbolSyncs syncs;
    private final FeedMetrics metrics;
    private final Rejections rejections;
    private final FeedListeners listeners;
    Transport transport;
    /**
     * Whether this is the long-polling fallback of our protocol, rather than a stream (which may itself begin on
     * long polling, as socket.io does, and so gets the format's subscription).
     */
    final boolean fallback;
    /** Whether the supervisor uses this transport (as its connection, probe or successor). */
    volatile boolean current;
    /** When it opened, 0 before; control thread. */
    long openedAtNanos;
    /** When a message or pong last arrived; read by the watchdog, which can take it a moment late. */
    private final AtomicLong lastMessageNanos = new AtomicLong();
    /** Whether a tick or candle arrived: a WebSocket that never delivers one is as good as dead. */
    volatile boolean delivered;

    // Confined to the transport's delivery: its events never overlap (TransportEvents), so these need no lock.
    private FeedDecoder decoder;
    // The symbol the current message changed; every format carries one symbol per message.
    private String touched;
    private long receivedNanos;

    Inbound(
            ConnectionSupervisor supervisor,
            SymbolSyncs syncs,
            FeedMetrics metrics,
            Rejections rejections,
            FeedListeners listeners,
            boolean fallback) {
        this.supervisor = supervisor;
        this.fallback = fallback;
        this.syncs = syncs;
        this.metrics = metrics;
        this.rejections = rejections;
        this.listeners = listeners;
    }

    long lastMessageNanos() {
        return lastMessageNanos.get();
    }

    @Override
    public void onOpen(Transport t) {
        supervisor.post(new SupervisorEvent.Opened(this));
    }

    @Override
    public void onMessage(Transport t, String text, long receivedNanos) {
        if (!current) {
            return;
        }
        // A release store: a volatile one would cost a full fence per message.
        lastMessageNanos.lazySet(receivedNanos);
        metrics.messageReceived(receivedNanos);
        if (decoder == null && !chooseDecoder(text)) {
            return;
        }
        touched = null;
        this.receivedNanos = receivedNanos;
        decoder.decode(text, this);
        if (touched != null) {
            listeners.candles(touched, receivedNanos);
        }
    }

    /** The decoder of the format named, recognised from the URL, or told by this first message. */
    private boolean chooseDecoder(String first) {
        FeedFormat format = supervisor.format();
        if (format == null) {
            Optional<FeedFormat> detected = FormatRegistry.installed().forFirstMessage(first);
            if (detected.isEmpty()) {
                rejections.reject("unrecognised feed format", first);
                return false;
            }
            format = detected.get();
            // Before decoding: the ticks of this very message follow the format's sequence rules.
            syncs.useFormat(format);
            supervisor.post(new SupervisorEvent.FormatDetected(this, format));
        }
        decoder = format.newDecoder(rejections, supervisor.formatSettings());
        return true;
    }

    @Override
    public void onRejected(Transport t, String reason) {
        if (current) {
            rejections.reject(reason, "");
        }
    }

    @Override
    public void onRoundTrip(Transport t, long nanos) {
        if (current) {
            // A pong proves the connection alive as much as a message does.
            lastMessageNanos.lazySet(supervisor.nanoTime());
            metrics.roundTrip(nanos);
        }
    }

    @Override
    public void onClosed(Transport t, String reason, boolean opened) {
        supervisor.post(new SupervisorEvent.Closed(this, reason, opened));
    }

    @Override
    public void onTick(String symbol, long seq, long time, double price, double size) {
        SymbolSync sync = syncs.syncFor(symbol);
        if (sync == null) {
            rejections.reject("too many symbols", symbol);
            return;
        }
        markDelivered();
        switch (sync.onTick(seq, time, price, size, receivedNanos)) {
            case COUNTED, HELD_BACK, WAITING -> touch(symbol);
            default -> {}
        }
    }

    @Override
    public void onTicks(String symbol, long[] seqs, long[] times, double[] prices, double[] sizes, int count) {
        SymbolSync sync = syncs.syncFor(symbol);
        if (sync == null) {
            rejections.reject("too many symbols", symbol);
            return;
        }
        markDelivered();
        if (sync.onTicks(seqs, times, prices, sizes, count, receivedNanos)) {
            touch(symbol);
        }
    }

    @Override
    public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
        SymbolSync sync = syncs.syncFor(symbol);
        if (sync == null) {
            rejections.reject("too many symbols", symbol);
            return;
        }
        markDelivered();
        CandleBook book = sync.book();
        if (book.timeframes().contains(timeframe) && book.putCandle(timeframe, candle)) {
            touch(symbol);
        }
    }

    @Override
    public void onControl(ControlMessage message) {
        if (message instanceof ControlMessage.Hello hello) {
            // The epoch here, like a batch's: ticks may follow the greeting before the supervisor reads it.
            syncs.checkEpoch(hello.epoch());
            supervisor.post(new SupervisorEvent.Greeted(this, hello));
        } else if (message instanceof ControlMessage.Reset reset) {
            syncs.reset(reset.symbol(), reset.seq());
        } else if (message instanceof ControlMessage.Epoch e) {
            // Here, not on the control thread: the batch's ticks that follow must meet the restarted syncs.
            syncs.checkEpoch(e.epoch());
        } else if (message instanceof ControlMessage.Subscribed) {
            supervisor.post(new SupervisorEvent.Acknowledged(this));
        } else if (message instanceof ControlMessage.FeedError error) {
            // Feed text: printable ASCII only, and short, before it reaches a log.
            String clean = error.message().replaceAll("[^\\x20-\\x7E]", "?");
            LOG.warn("the feed reported an error: {}", clean.length() > 200 ? clean.substring(0, 200) + "…" : clean);
        }
    }

    /** Sets {@link #delivered} once: a volatile write per tick would cost a full fence each. */
    private void markDelivered() {
        if (!delivered) {
            delivered = true;
        }
    }

    private void touch(String symbol) {
        touched = symbol;
    }
}
