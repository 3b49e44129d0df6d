package com.klinelive.feed.format.json;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.Subscription;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import java.util.List;

/**
 * {@code --format json}: any WebSocket feed whose messages carry trades as JSON, read where the
 * {@code --field KEY=PATH} mapping says ({@link MappedJsonDecoder}); {@code --subscribe TEXT} is sent once
 * connected. Never recognised by itself: the user names it. No history and no fallback; without a mapped seq no
 * gap can be detected ({@link #consecutiveSequences}).
 */
public final class JsonFormat implements FeedFormat {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return decoder(settings, rejections);
    }

    /**
     * A decoder by the mapping of {@code settings}; without a usable mapping, one that rejects every message with
     * the mapping's problem as the reason.
     */
    public static FeedDecoder decoder(FormatSettings settings, Rejections rejections) {
        try {
            return new MappedJsonDecoder(mapping(settings), rejections);
        } catch (IllegalArgumentException e) {
            return new UnusableMappingDecoder(e.getMessage(), rejections);
        }
    }

    /** A mapped seq is the feed's sequence: a jump in it is a gap. Without one, trades are counted as they come. */
    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return mapping(settings).sequenced();
    }

    /**
     * The {@code --subscribe} text, if any. Checks the mapping first, so that a bad one fails the connection with
     * its reason before any message arrives.
     */
    @Override
    public List<String> subscribeMessages(Subscription subscription, FormatSettings settings) {
        return mapping(settings).subscribe().map(List::of).orElse(List.of());
    }

    /**
     * The field mapping of {@code settings}.
     *
     * @throws IllegalArgumentException saying what is missing or wrong
     */
    public static FieldMapping mapping(FormatSettings settings) {
        return FieldMapping.parse(settings.fields(), settings.subscribe());
    }
}
