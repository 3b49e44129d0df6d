package com.klinelive.feed.format.klinelive;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.protocol.TopLevelFields;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our own protocol (docs/PROTOCOL.md), spoken by the simulator: an {@code http(s)://} URL, a {@code hello} that
 * names the symbols and the epoch, {@code subscribe} with the sequence to resume after, long polling to fall back
 * on, and {@code /history} and {@code /symbols} under the same base.
 */
public final class NativeFormat implements FeedFormat {

    private static final Set<String> TYPES = Set.of("hello", "tick", "ticks", "heartbeat", "reset", "error");

    @Override
    public String name() {
        return "native";
    }

    /** An {@code http(s)://} URL is ours unless a format before this one claims its host. */
    @Override
    public boolean recognisesUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** A native {@code type} and no Coinbase {@code product_id}. */
    @Override
    public boolean recognisesFirstMessage(String message) {
        return TopLevelFields.of(message)
                .filter(f -> f.stringIn("type", TYPES) && !f.has("product_id"))
                .isPresent();
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new NativeDecoder(rejections);
    }

    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return true;
    }

    @Override
    public boolean greetsFirst() {
        return true;
    }

    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        Map<String, Long> since = new LinkedHashMap<>();
        for (String symbol : subscription.symbols()) {
            long last = subscription.resumeFrom().applyAsLong(symbol);
            if (last >= 0) {
                since.put(symbol, last);
            }
        }
        return List.of(NativeEncoder.subscribe(subscription.symbols(), since));
    }

    @Override
    public boolean longPolling() {
        return true;
    }

    @Override
    public FormatHistory history(HistoryContext context) {
        return context.restBase()
                .map(base -> {
                    NativeHistory history = new NativeHistory(context.rest(), base);
                    return FormatHistory.NONE.withCandles(history::candles).withSymbols(history::symbols);
                })
                .orElse(FormatHistory.NONE);
    }
}
