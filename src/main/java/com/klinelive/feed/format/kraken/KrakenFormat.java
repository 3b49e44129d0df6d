package com.klinelive.feed.format.kraken;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Kraken WebSocket v2 trades on {@code wss://ws.kraken.com/v2}: the {@code trade} channel subscribed without a
 * snapshot and acknowledged per pair; {@code trade_id} counts up by one per book, so a jump is a gap repaired from
 * REST Trades. Kraken's own heartbeat every second keeps the connection busy: no application ping.
 */
public final class KrakenFormat implements FeedFormat {

    static final Duration ACKNOWLEDGEMENT_DEADLINE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "kraken";
    }

    @Override
    public boolean recognisesUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("ws.kraken.com");
    }

    /** A push ({@code channel}, such as the {@code status} sent on connect) or a reply ({@code method}). */
    @Override
    public boolean recognisesFirstMessage(String message) {
        return TopLevelFields.of(message)
                .filter(f -> f.string("channel").isPresent() && f.has("data")
                        || f.stringIn("channel", Set.of("heartbeat", "status"))
                        || f.string("method").isPresent() && f.has("time_in"))
                .isPresent();
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new KrakenDecoder(rejections);
    }

    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return true;
    }

    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        if (subscription.symbols().isEmpty()) {
            throw new IllegalArgumentException("a Kraken feed needs a symbol such as BTC/USD");
        }
        return List.of(KrakenMessages.subscribe(subscription.symbols(), 1));
    }

    @Override
    public Optional<Duration> acknowledgementDeadline() {
        return Optional.of(ACKNOWLEDGEMENT_DEADLINE);
    }

    @Override
    public FormatHistory history(HistoryContext context) {
        return new KrakenHistory(context.rest(), context.restBaseOr(KrakenRest.DEFAULT_BASE), System::currentTimeMillis)
                .sources();
    }
}
