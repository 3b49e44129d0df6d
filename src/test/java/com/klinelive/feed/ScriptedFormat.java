package com.klinelive.feed;

import com.klinelive.feed.format.ApplicationPing;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.transport.TransportFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A format a test shapes: native messages on the wire, with the greeting, long polling, sequence rules, pings,
 * lifetime and history the test gives it. What the supervisor does with a format's answers is then tested without
 * an exchange.
 */
final class ScriptedFormat implements FeedFormat {

    boolean greetsFirst;
    boolean longPolling;
    boolean consecutive = true;
    ApplicationPing ping;
    Duration lifetime;
    FormatHistory history = FormatHistory.NONE;
    /** A transport of the format's own (as socket.io has), or null for WebSocket. */
    TransportFactory own;

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return FormatRegistry.installed().named("native").orElseThrow().newDecoder(rejections, settings);
    }

    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return consecutive;
    }

    @Override
    public boolean greetsFirst() {
        return greetsFirst;
    }

    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        StringBuilder sb = new StringBuilder("subscribe");
        for (String s : subscription.symbols()) {
            sb.append(' ')
                    .append(s)
                    .append('@')
                    .append(subscription.resumeFrom().applyAsLong(s));
        }
        return List.of(sb.toString());
    }

    @Override
    public Optional<ApplicationPing> applicationPing() {
        return Optional.ofNullable(ping);
    }

    @Override
    public Optional<Duration> maxConnectionLifetime() {
        return Optional.ofNullable(lifetime);
    }

    @Override
    public boolean longPolling() {
        return longPolling;
    }

    @Override
    public Optional<TransportFactory> transport(FormatSettings settings) {
        return Optional.ofNullable(own);
    }

    @Override
    public FormatHistory history(HistoryContext context) {
        return history;
    }
}
