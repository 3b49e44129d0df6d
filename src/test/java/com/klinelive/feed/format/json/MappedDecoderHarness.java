package com.klinelive.feed.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Tick;
import java.util.List;
import java.util.Optional;

/** A mapped decoder with its own rejection counter, and assertions on what one message did. */
final class MappedDecoderHarness {

    final Rejections rejections = new Rejections();
    final MappedJsonDecoder decoder;

    MappedDecoderHarness(String... fields) {
        decoder = new MappedJsonDecoder(FieldMapping.parse(List.of(fields), null), rejections);
    }

    /** Decodes a message expected to be delivered, returning its trades. */
    List<Tick> delivered(String message) {
        TickRecorder sink = new TickRecorder();
        long before = rejections.count();
        DecodeOutcome outcome = decoder.decode(message, sink);
        assertEquals(
                DecodeOutcome.DELIVERED,
                outcome,
                () -> "outcome of " + message + ", last reason "
                        + rejections.lastReason().orElse("none"));
        assertEquals(before, rejections.count(), "rejection count");
        return sink.ticks;
    }

    Tick one(String message) {
        List<Tick> ticks = delivered(message);
        assertEquals(1, ticks.size(), () -> "ticks: " + ticks);
        return ticks.get(0);
    }

    /** Decodes a message expected to be rejected, returning the reason, after checking it was counted. */
    String rejected(String message) {
        TickRecorder sink = new TickRecorder();
        long before = rejections.count();
        assertEquals(DecodeOutcome.REJECTED, decoder.decode(message, sink), () -> "outcome of " + message);
        assertEquals(before + 1, rejections.count(), "rejection count");
        assertTrue(sink.ticks.isEmpty(), () -> "a rejected message delivered " + sink.ticks);
        Optional<String> reason = rejections.lastReason();
        assertTrue(reason.isPresent());
        return reason.get();
    }

    /** Asserts that the message is rejected with exactly this reason. */
    void assertRejected(String message, String expectedReason) {
        assertEquals(expectedReason, rejected(message), () -> "reason for " + message);
    }
}
