package com.klinelive.feed.format.json;

import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;

/**
 * The decoder of a feed whose field mapping is missing or wrong: it rejects every message, counted with the
 * mapping's problem as the reason, so the status says what to fix and nothing throws on a network thread.
 */
final class UnusableMappingDecoder implements FeedDecoder {

    private final String reason;
    private final Rejections rejections;

    UnusableMappingDecoder(String problem, Rejections rejections) {
        this.reason = "no usable field mapping: " + problem;
        this.rejections = rejections;
    }

    @Override
    public DecodeOutcome decode(String message, FeedSink sink) {
        rejections.reject(reason, message);
        return DecodeOutcome.REJECTED;
    }
}
