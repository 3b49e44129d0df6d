package com.klinelive.feed.format.okx;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OKX v5 spot trades on {@code wss://ws.okx.com:8443/ws/v5/business}: the {@code trades-all} channel, one trade
 * per push with consecutive trade ids, subscribed per instrument and acknowledged by a {@code subscribe} event;
 * the text {@code ping} every 25 s keeps the connection (OKX drops it after 30 s of quiet). History from the REST
 * API, gaps repaired from {@code history-trades}.
 */
public final class OkxFormat implements FeedFormat {

    /** How long to wait for the {@code subscribe} event before the connection is made again. */
    static final Duration ACKNOWLEDGEMENT_DEADLINE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "okx";
    }

    @Override
    public boolean recognisesUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("ws.okx.com") || host.equals("wsaws.okx.com");
    }

    /** A push ({@code arg} and {@code data}) or an event with OKX's {@code connId}. */
    @Override
    public boolean recognisesFirstMessage(String message) {
        if ("pong".equals(message)) {
            return true;
        }
        return TopLevelFields.of(message)
                .filter(f -> f.has("arg") && f.has("data") || f.has("event") && f.has("connId"))
                .isPresent();
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new OkxDecoder(rejections);
    }

    /** {@code trades-all} trade ids count up by one per instrument. */
    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return true;
    }

    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        if (subscription.symbols().isEmpty()) {
            throw new IllegalArgumentException("an OKX feed needs a symbol (an instrument id such as BTC-USDT)");
        }
        return List.of(OkxMessages.subscribe(OkxMessages.ALL_TRADES_CHANNEL, subscription.symbols()));
    }

    @Override
    public Optional<Duration> acknowledgementDeadline() {
        return Optional.of(ACKNOWLEDGEMENT_DEADLINE);
    }

    @Override
    public Optional<ApplicationPing> applicationPing() {
        return Optional.of(new ApplicationPing(OkxMessages.PING_AFTER_QUIET, OkxMessages.PING));
    }

    @Override
    public FormatHistory history(HistoryContext context) {
        return new OkxHistory(context.rest(), context.restBaseOr(OkxRest.DEFAULT_BASE), System::currentTimeMillis)
                .sources();
    }
}
