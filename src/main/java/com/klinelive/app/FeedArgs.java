package com.klinelive.app;

import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The feed-format options shared by the viewer and {@code record}: which format the feed speaks and what the
 * format needs to know. The format names come from the registry, so a format not installed is not accepted.
 */
public final class FeedArgs {

    /** "auto" and the installed formats' names, for picocli's help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            names.add("auto");
            names.addAll(FormatRegistry.installed().names());
            return names.iterator();
        }
    }

    @Option(
            names = "--format",
            defaultValue = "auto",
            completionCandidates = FormatNames.class,
            description = "Feed format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: from the URL or the "
                    + "first message).")
    String format = "auto";

    @Option(
            names = "--rest-url",
            paramLabel = "URL",
            description = "An exchange's REST base for history, trades and symbols (default: its public API).")
    String restUrl;

    @Option(
            names = "--event",
            paramLabel = "NAME",
            defaultValue = FormatSettings.DEFAULT_EVENT,
            description = "socket.io: the event that carries trades (default: ${DEFAULT-VALUE}).")
    String event = FormatSettings.DEFAULT_EVENT;

    @Option(
            names = "--field",
            paramLabel = "KEY=PATH",
            description = "Mapped JSON: where a tick field is, KEY one of symbol, seq, time, price, size, PATH dotted "
                    + "such as data.0.p (repeatable).")
    Map<String, String> fields = new LinkedHashMap<>();

    @Option(names = "--subscribe", paramLabel = "TEXT", description = "A text to send after connecting.")
    String subscribe;

    /**
     * {@code options} with the format and its settings these arguments name.
     *
     * @throws IllegalArgumentException with a message a user can act on
     */
    public FeedOptions applyTo(FeedOptions options) {
        FeedOptions result = options.withFormatSettings(settings());
        if (format == null || format.equalsIgnoreCase("auto")) {
            return result;
        }
        FormatRegistry registry = FormatRegistry.installed();
        return result.withFormat(registry.named(format)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown format '" + format + "' (use auto, " + String.join(", ", registry.names()) + ")")));
    }

    /** What the formats read from these arguments. */
    FormatSettings settings() {
        return new FormatSettings(restUri(), event, fieldMap(), subscribe);
    }

    private Map<String, String> fieldMap() {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        fields.forEach((k, v) -> lowerCase.put(k.trim().toLowerCase(Locale.ROOT), v.trim()));
        return lowerCase;
    }

    private URI restUri() {
        if (restUrl == null || restUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(restUrl.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("--rest-url must be an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--rest-url is not a URL: " + e.getReason());
        }
    }
}
