package com.klinelive.app;

import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.workspace.FeedSpec;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A saved {@link FeedSpec} as the feed client's options, and back from the command line's. */
final class FeedSpecs {

    private FeedSpecs() {}

    /**
     * The options to connect to {@code spec} (not the embedded simulator).
     *
     * @throws IllegalArgumentException when the URL or the format cannot be used, saying why
     */
    static FeedOptions options(FeedSpec spec, SSLContext ssl) {
        FeedOptions options =
                FeedOptions.defaults(spec.url().trim()).withSslContext(ssl).withFormatSettings(settings(spec));
        if (spec.format().isBlank() || spec.format().equalsIgnoreCase("auto")) {
            return options;
        }
        FormatRegistry registry = FormatRegistry.installed();
        return options.withFormat(registry.named(spec.format())
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + spec.format() + "' (use auto, "
                        + String.join(", ", registry.names()) + ")")));
    }

    /** What the formats read from {@code spec}. */
    static FormatSettings settings(FeedSpec spec) {
        return new FormatSettings(
                spec.restUrl().isBlank() ? null : URI.create(spec.restUrl().trim()),
                spec.event().isBlank() ? FormatSettings.DEFAULT_EVENT : spec.event(),
                Map.copyOf(spec.fields()),
                spec.subscribe().isBlank() ? null : spec.subscribe());
    }

    /** The feed the command line names: {@code url} with the format options, or the embedded simulator. */
    static FeedSpec fromCommandLine(String url, FeedArgs args) {
        if (url == null || url.isBlank()) {
            return FeedSpec.EMBEDDED;
        }
        if (args == null) {
            return FeedSpec.of(url.trim());
        }
        FormatSettings s = args.settings();
        return new FeedSpec(
                "",
                url.trim(),
                args.format == null ? "auto" : args.format,
                s.restUrlGiven().map(URI::toString).orElse(""),
                s.event(),
                s.fields(),
                s.subscribeText().orElse(""));
    }
}
