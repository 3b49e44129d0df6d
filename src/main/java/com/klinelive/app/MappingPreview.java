package com.klinelive.app;

import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a field mapping makes of sample messages: the ticks it reads and, for each message it cannot read, why.
 * The "Open feed" dialog shows it live as the user picks fields; it runs the same decoder the feed will.
 *
 * @param ticks    the ticks read, in message order
 * @param problems one line per message refused, or the mapping's own problem
 */
record MappingPreview(List<Tick> ticks, List<String> problems) {

    /** The preview of {@code fields} (key to path; blank paths left out) over {@code messages}. */
    static MappingPreview of(List<String> messages, Map<String, String> fields) {
        Map<String, String> mapped = new LinkedHashMap<>();
        fields.forEach((key, path) -> {
            if (path != null && !path.isBlank()) {
                mapped.put(key, path.trim());
            }
        });
        // The json format's own decoder, found like any format: a mapping it cannot use makes every message a
        // rejection that says what to fix, which is what the preview shows.
        Rejections rejections = new Rejections();
        FeedDecoder decoder = FormatRegistry.installed()
                .named("json")
                .orElseThrow(() -> new IllegalStateException("the json format is not installed"))
                .newDecoder(rejections, new FormatSettings(null, FormatSettings.DEFAULT_EVENT, mapped, null));
        List<Tick> ticks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        FeedSink sink = new FeedSink() {
            @Override
            public void onTick(String symbol, long seq, long time, double price, double size) {
                ticks.add(new Tick(symbol, seq, time, price, size));
            }

            @Override
            public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {}

            @Override
            public void onControl(ControlMessage message) {}
        };
        for (int i = 0; i < messages.size(); i++) {
            if (decoder.decode(messages.get(i), sink) == DecodeOutcome.REJECTED) {
                problems.add(
                        "message " + (i + 1) + ": " + rejections.lastReason().orElse("refused"));
            }
        }
        return new MappingPreview(List.copyOf(ticks), List.copyOf(problems));
    }
}
