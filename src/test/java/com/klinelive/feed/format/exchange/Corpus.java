package com.klinelive.feed.format.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An exchange's documented example messages and answers, kept as test resources next to the exchange's tests
 * ({@code src/test/resources/com/klinelive/feed/format/<exchange>/}), copied from its official API docs.
 */
public final class Corpus {

    private Corpus() {}

    /** The text of resource {@code name} in the package of {@code owner}. */
    public static String read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name + " next to " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
