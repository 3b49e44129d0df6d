package com.klinelive.feed.format.bybit;

import com.klinelive.feed.format.ApplicationPing;
import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.protocol.TopLevelFields;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bybit v5 spot trades on {@code wss://stream.bybit.com/v5/public/spot}: {@code publicTrade.<symbol>} topics
 * subscribed ten at a time and acknowledged, a {@code ping} operation every 20 s. Spot trade ids grow but skip,
 * so they tell duplicates, not gaps; candles a gap touched are replaced from klines once they close.
 */
public final class BybitFormat implements FeedFormat {

    static final Duration ACKNOWLEDGEMENT_DEADLINE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "bybit";
    }

    @Override
    public boolean recognisesUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("stream.bybit.com");
    }

    /** A push ({@code topic} with {@code data}) or a reply to an operation ({@code op} with {@code conn_id}). */
    @Override
    public boolean recognisesFirstMessage(String message) {
        return TopLevelFields.of(message)
                .filter(f -> f.has("topic") && f.has("data") || f.has("op") && f.has("conn_id"))
                .isPresent();
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new BybitDecoder(rejections);
    }

    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        List<String> symbols = subscription.symbols();
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("a Bybit feed needs a symbol such as BTCUSDT");
        }
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i += BybitMessages.MAX_TOPICS_PER_REQUEST) {
            List<String> chunk = symbols.subList(i, Math.min(symbols.size(), i + BybitMessages.MAX_TOPICS_PER_REQUEST));
            messages.add(BybitMessages.subscribe(chunk, i / BybitMessages.MAX_TOPICS_PER_REQUEST + 1));
        }
        return messages;
    }

    @Override
    public Optional<Duration> acknowledgementDeadline() {
        return Optional.of(ACKNOWLEDGEMENT_DEADLINE);
    }

    @Override
    public Optional<ApplicationPing> applicationPing() {
        return Optional.of(new ApplicationPing(BybitMessages.PING_INTERVAL, BybitMessages.ping(0)));
    }

    @Override
    public FormatHistory history(HistoryContext context) {
        return new BybitHistory(context.rest(), context.restBaseOr(BybitRest.DEFAULT_BASE), System::currentTimeMillis)
                .sources();
    }
}
