package com.klinelive.feed.format;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one list of feed formats. The installed formats are those named in
 * {@code META-INF/services/com.klinelive.feed.format.FeedFormat}, one line each, in that order: no code names a
 * concrete format, so a new format is a package plus that line. The order is the order of recognition: formats
 * with specific rules come before those whose messages are generic.
 */
public final class FormatRegistry {

    private static final class Installed {
        static final FormatRegistry FORMATS = load();
    }

    private final List<FeedFormat> formats;

    /** A registry of {@code formats}, in order of recognition; their names must differ. */
    public FormatRegistry(List<FeedFormat> formats) {
        Set<String> names = new HashSet<>();
        for (FeedFormat f : formats) {
            if (!f.name().equals(f.name().toLowerCase(Locale.ROOT)) || !names.add(f.name())) {
                throw new IllegalArgumentException("format names must be lower case and unique: " + f.name());
            }
        }
        this.formats = List.copyOf(formats);
    }

    /** The formats on the class path. */
    public static FormatRegistry installed() {
        return Installed.FORMATS;
    }

    private static FormatRegistry load() {
        List<FeedFormat> found = new ArrayList<>();
        ServiceLoader.load(FeedFormat.class, FeedFormat.class.getClassLoader()).forEach(found::add);
        return new FormatRegistry(found);
    }

    public List<FeedFormat> formats() {
        return formats;
    }

    /** The names, in registry order: what {@code --format} accepts besides {@code auto}. */
    public List<String> names() {
        return formats.stream().map(FeedFormat::name).toList();
    }

    /** The format called {@code name} (any case, surrounding spaces ignored). */
    public Optional<FeedFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        return formats.stream().filter(f -> f.name().equals(key)).findFirst();
    }

    /** The first format that recognises {@code url} by itself. */
    public Optional<FeedFormat> forUrl(URI url) {
        return formats.stream().filter(f -> f.recognisesUrl(url)).findFirst();
    }

    /** The first format that recognises a connection's first message. */
    public Optional<FeedFormat> forFirstMessage(String message) {
        if (message == null) {
            return Optional.empty();
        }
        return formats.stream().filter(f -> f.recognisesFirstMessage(message)).findFirst();
    }
}
