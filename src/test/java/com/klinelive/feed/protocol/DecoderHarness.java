package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A decoder of one format with its rejection counter, and assertions on what one message did. */
final class DecoderHarness {

    final Rejections rejections = new Rejections(System::nanoTime, line -> {});
    final FeedDecoder decoder;

    DecoderHarness(FeedFormat format) {
        decoder = FeedDecoders.create(format, rejections);
    }

    /** Decodes a message expected to be delivered, returning what the sink got. */
    RecordingSink delivered(String message) {
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
    void ignored(String message) {
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
    String rejected(String message) {
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
