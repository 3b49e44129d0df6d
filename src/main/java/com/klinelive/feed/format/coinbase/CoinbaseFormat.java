package com.klinelive.feed.format.coinbase;

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
 * Coinbase Exchange's {@code matches} channel: the client subscribes the product ids it wants right after
 * connecting, and Coinbase closes a connection that has not subscribed within 5 seconds; its
 * {@code subscriptions} answer acknowledges the subscription.
 */
public final class CoinbaseFormat implements FeedFormat {

    /** Types only Coinbase sends; a message with one of them and no other format's marks is Coinbase's. */
    private static final Set<String> COINBASE_TYPES = Set.of(
            "subscriptions",
            "match",
            "last_match",
            "ticker",
            "l2update",
            "snapshot",
            "status",
            "received",
            "open",
            "done",
            "change",
            "activate");

    @Override
    public String name() {
        return "coinbase";
    }

    @Override
    public boolean recognisesUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("coinbase.com") || host.endsWith(".coinbase.com");
    }

    /** A {@code type} with a {@code product_id}, or a type only Coinbase sends. */
    @Override
    public boolean recognisesFirstMessage(String message) {
        return TopLevelFields.of(message)
                .filter(f -> f.string("type").isPresent() && f.has("product_id") || f.stringIn("type", COINBASE_TYPES))
                .isPresent();
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new CoinbaseDecoder(rejections);
    }

    /** Trade ids count up by one per product. */
    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return true;
    }

    /** {@code {"type":"subscribe","product_ids":[...],"channels":["matches"]}}; Coinbase needs product ids. */
    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        if (subscription.symbols().isEmpty()) {
            throw new IllegalArgumentException("a Coinbase feed needs a symbol (a product id such as BTC-USD)");
        }
        StringBuilder ids = new StringBuilder();
        for (String s : subscription.symbols()) {
            ids.append(ids.length() == 0 ? "" : ",")
                    .append('"')
                    .append(s.replaceAll("[^A-Za-z0-9-]", ""))
                    .append('"');
        }
        return List.of("{\"type\":\"subscribe\",\"product_ids\":[" + ids + "],\"channels\":[\"matches\"]}");
    }

    @Override
    public Optional<Duration> acknowledgementDeadline() {
        return Optional.of(Duration.ofSeconds(5));
    }

    /** Candles, trades paged by trade id and the products of Coinbase's REST API (docs/PROTOCOL.md, "Coinbase"). */
    @Override
    public FormatHistory history(HistoryContext context) {
        URI base = context.restBaseOr(CoinbaseRest.DEFAULT_BASE);
        return new CoinbaseHistory(context.rest(), base, System::currentTimeMillis).sources();
    }
}
