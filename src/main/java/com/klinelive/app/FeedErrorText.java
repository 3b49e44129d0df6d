package com.klinelive.app;

import java.util.concurrent.CompletionException;

/** Failures of connecting, as one sentence for the status bar. */
final class FeedErrorText {

    private FeedErrorText() {}

    static String of(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Cannot connect: " + message.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
