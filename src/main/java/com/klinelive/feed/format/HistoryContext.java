package com.klinelive.feed.format;

import com.klinelive.feed.rest.RestClient;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** What a format's history is built from: the shared REST client and where the feed's REST side is. */
public final class HistoryContext {

    private final RestClient rest;
    private final URI feedHttpBase;
    private final FormatSettings settings;

    /**
     * @param rest         the REST client every format shares, with its rate limits
     * @param feedHttpBase the HTTP base derived from the feed URL ({@code http://host:port}, or a {@code ws://}
     *                     URL ending in {@code /ws} without it), or null when the URL names none
     * @param settings     the user's format settings, {@code --rest-url} among them
     */
    public HistoryContext(RestClient rest, URI feedHttpBase, FormatSettings settings) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.feedHttpBase = feedHttpBase;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public RestClient rest() {
        return rest;
    }

    /** The REST base: {@code --rest-url} when given, else the one derived from the feed URL, if any. */
    public Optional<URI> restBase() {
        return settings.restUrlGiven().or(() -> Optional.ofNullable(feedHttpBase));
    }

    /** The REST base: {@code --rest-url} when given, else {@code publicApi}, an exchange's default. */
    public URI restBaseOr(URI publicApi) {
        return settings.restUrlGiven().orElse(publicApi);
    }

    public FormatSettings settings() {
        return settings;
    }
}
