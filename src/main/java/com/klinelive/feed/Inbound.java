package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything that arrives on one transport: decodes each message on the network thread it arrived on and counts
 * its ticks at once; connection events go to the {@link FeedClient}'s control thread. Events of a transport the
 * client no longer uses are dropped.
 */
final class Inbound implements TransportEvents, FeedSink {

    private final FeedClient client;
    Transport transport;
    volatile long openedAtNanos;
    /** When a message or pong last arrived; read by the watchdog, which can take it a moment late. */
    private final AtomicLong lastMessageNanos = new AtomicLong();
    /** Whether a tick or candle arrived: a WebSocket that never delivers one is as good as dead. */
    volatile boolean delivered;

    // Confined to the transport's delivery: its events never overlap (TransportEvents), so these need no lock.
    private FeedDecoder decoder;
    // The symbol the current message changed; every format carries one symbol per message.
    private String touched;
    private long receivedNanos;

    Inbound(FeedClient client) {
        this.client = client;
    }

    long lastMessageNanos() {
        return lastMessageNanos.get();
    }

    @Override
    public void onOpen(Transport t) {
        client.opened(this);
    }

    @Override
    public void onMessage(Transport t, String text, long receivedNanos) {
        if (!client.isCurrent(this)) {
            return;
        }
        // A release store: a volatile one would cost a full fence per message.
        lastMessageNanos.lazySet(receivedNanos);
        client.metricsSink().messageReceived(receivedNanos);
        if (decoder == null && !chooseDecoder(text)) {
            return;
        }
        touched = null;
        this.receivedNanos = receivedNanos;
        decoder.decode(text, this);
        if (touched != null) {
            client.candlesChanged(touched, receivedNanos);
        }
    }

    private boolean chooseDecoder(String first) {
        FeedFormat format = client.knownFormat();
        if (format == null) {
            Optional<FeedFormat> detected = FormatRegistry.installed().forFirstMessage(first);
            if (detected.isEmpty()) {
                client.rejections().reject("unrecognised feed format", first);
                return false;
            }
            format = detected.get();
            client.formatDetected(this, format);
        }
        decoder = format.newDecoder(client.rejections(), client.options().formatSettings());
        return true;
    }

    @Override
    public void onRejected(Transport t, String reason) {
        if (client.isCurrent(this)) {
            client.rejections().reject(reason, "");
        }
    }

    @Override
    public void onRoundTrip(Transport t, long nanos) {
        if (client.isCurrent(this)) {
            // A pong proves the connection alive as much as a message does.
            lastMessageNanos.lazySet(System.nanoTime());
            client.metricsSink().roundTrip(nanos);
        }
    }

    @Override
    public void onClosed(Transport t, String reason, boolean opened) {
        client.transportClosed(this, reason, opened);
    }

    @Override
    public void onTick(String symbol, long seq, long time, double price, double size) {
        SymbolSync sync = client.syncFor(symbol);
        if (sync == null) {
            client.rejections().reject("too many symbols", symbol);
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
        SymbolSync sync = client.syncFor(symbol);
        if (sync == null) {
            client.rejections().reject("too many symbols", symbol);
            return;
        }
        markDelivered();
        if (sync.onTicks(seqs, times, prices, sizes, count, receivedNanos)) {
            touch(symbol);
        }
    }

    @Override
    public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
        SymbolSync sync = client.syncFor(symbol);
        if (sync == null) {
            client.rejections().reject("too many symbols", symbol);
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
            client.hello(this, hello);
        } else if (message instanceof ControlMessage.Reset reset) {
            SymbolSync sync = client.syncFor(reset.symbol());
            if (sync != null) {
                client.repair(reset.symbol(), sync, sync.reset(reset.seq()));
            }
        } else if (message instanceof ControlMessage.Epoch e) {
            client.checkEpoch(e.epoch());
        } else if (message instanceof ControlMessage.FeedError error) {
            client.serverError(error.message());
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
