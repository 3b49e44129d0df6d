package com.klinelive.feed.format.socketio;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.format.json.JsonFormat;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.socketio.SocketIoSettings;
import com.klinelive.feed.socketio.SocketIoTransports;
import com.klinelive.feed.transport.TransportFactory;
import java.util.List;
import java.util.Optional;

/**
 * {@code --format socketio}: a Socket.IO 4.x server (Engine.IO v4), the namespace named by the URL's path. Its own
 * transport ({@link SocketIoTransports}) runs the long-polling handshake and the upgrade to WebSocket and hands on
 * the first argument of each {@code --event} (default {@code trade}); that text is read with the same
 * {@code --field} mapping as a {@code json} feed. {@code --subscribe} is an event to emit once connected, as a
 * JSON array such as {@code ["subscribe","BTCUSDT"]}.
 */
public final class SocketIoFormat implements FeedFormat {

    @Override
    public String name() {
        return "socketio";
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return JsonFormat.decoder(settings, rejections);
    }

    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return JsonFormat.mapping(settings).sequenced();
    }

    /** The subscribe event, sent through the transport once the namespace is connected; checked first. */
    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        JsonFormat.mapping(settings);
        return settings(settings).subscribe().map(List::of).orElse(List.of());
    }

    @Override
    public Optional<TransportFactory> transport(FormatSettings settings) {
        SocketIoSettings own = settings(settings);
        // The client sends the subscribe event itself (subscribeMessages), so the transport does not send it too.
        return Optional.of(new SocketIoTransports(new SocketIoSettings(own.event(), Optional.empty(), own.upgrade())));
    }

    private static SocketIoSettings settings(FormatSettings settings) {
        return new SocketIoSettings(settings.event(), settings.subscribeText(), true);
    }
}
