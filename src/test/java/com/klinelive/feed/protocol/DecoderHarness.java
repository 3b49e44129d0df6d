package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;

/** A decoder of one format with its rejection counter, and assertions on what one message did. */
public final class DecoderHarness {

    public final Rejections rejections = new Rejections(System::nanoTime, line -> {});
    public final FeedDecoder decoder;

    public DecoderHarness(FeedFormat format) {
        decoder = format.newDecoder(rejections, FormatSettings.NONE);
    }

    /** The installed format called {@code name}. */
    public DecoderHarness(String name) {
        this(FormatRegistry.installed().named(name).orElseThrow());
    }

    /** Decodes a message expected to be delivered, returning what the sink got. */
    public RecordingSink delivered(String message) {
        RecordingSink sink = new RecordingSink();
        long before = rejections.count();
        DecodeOutcome outcome = decoder.decode(message, sink);
        assertEquals(
                DecodeOutcome.DELIVERED,
                outcome,
                () -> "outcome of " + excerpt(message) + ", last reason "
                        + rejections.lastReason().orElse("none"));
        assertEquals(before, rejections.count(), "rejection count");
        return sink;
    }

    /** Decodes a message expected to be ignored: nothing delivered, nothing counted. */
    public void ignored(String message) {
        RecordingSink sink = new RecordingSink();
        long before = rejections.count();
        assertEquals(
                DecodeOutcome.IGNORED,
                decoder.decode(message, sink),
                () -> "outcome of " + excerpt(message) + ", last reason "
                        + rejections.lastReason().orElse("none"));
        assertEquals(before, rejections.count(), "rejection count");
        sink.assertEmpty();
    }

    /** Decodes a message expected to be rejected: nothing delivered, counted once; returns the reason. */
    public String rejected(String message) {
        RecordingSink sink = new RecordingSink();
        long before = rejections.count();
        DecodeOutcome outcome = decoder.decode(message, sink);
        assertEquals(DecodeOutcome.REJECTED, outcome, () -> "outcome of " + excerpt(message));
        assertEquals(before + 1, rejections.count(), "rejection count");
        sink.assertEmpty();
        return rejections.lastReason().orElseThrow();
    }

    private static String excerpt(String message) {
        return message == null ? "null" : Rejections.escape(message, 200);
    }
}
